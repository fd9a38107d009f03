package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.PrimaryKeyType;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.SchemaRef.ColumnRef;
import io.ecto4j.processor.model.SchemaRef.InverseRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads what other schemas need to know of a schema. It also runs on schemas that are invalid or
 * compiled elsewhere, so it tolerates anything: what it cannot read it leaves out.
 */
public final class SchemaRefReader {
  private final Annotations annotations;
  private final TypeMapper types;
  private final Targets targets;
  private final Map<String, SchemaRef> cache = new HashMap<>();
  /** The schema each association of a read schema leads to, by "owner#association". */
  private final Map<String, TypeElement> associationTargets = new HashMap<>();

  public SchemaRefReader(Annotations annotations, TypeMapper types) {
    this.annotations = annotations;
    this.types = types;
    this.targets = new Targets(annotations);
  }

  /** The reference to {@code schema}, which must carry {@code @Schema} or {@code @Embedded}. */
  public SchemaRef read(TypeElement schema) {
    return cache.computeIfAbsent(schema.getQualifiedName().toString(), name -> readNew(schema));
  }

  /** The schema the association {@code name} of {@code owner} leads to, if it has one. */
  public Optional<TypeElement> associationTarget(SchemaRef owner, String name) {
    return Optional.ofNullable(associationTargets.get(owner.schema().canonicalName() + "#" + name));
  }

  /**
   * The join table the schema {@code other} declares, through a {@code @ManyToMany} towards
   * {@code owner}, named {@code table}; read from the other schema's annotations. {@code self} is
   * the association asking, which a schema related to itself must not take for its own inverse.
   */
  public Optional<JoinTableModel> joinTableTowards(TypeElement other, ClassName owner, String table,
      ExecutableElement self) {
    for (ExecutableElement method : ElementFilter.methodsIn(other.getEnclosedElements())) {
      if (method.equals(self)) {
        continue;
      }
      Optional<AnnotationMirror> manyToMany = annotations.find(method, RuntimeNames.MANY_TO_MANY);
      Optional<TypeElement> target = targets.target(method, io.ecto4j.processor.model.AssociationKind.MANY_TO_MANY);
      if (manyToMany.isPresent() && target.isPresent() && ClassName.get(target.get()).equals(owner)
          && joinTable(manyToMany.get()).equals(table)) {
        String joinKey = annotations.string(manyToMany.get(), "joinKey");
        String inverseJoinKey = annotations.string(manyToMany.get(), "inverseJoinKey");
        return Optional.of(new JoinTableModel(table,
            joinKey.isEmpty() ? Names.snakeCase(other.getSimpleName().toString()) + "_id" : joinKey,
            inverseJoinKey.isEmpty() ? Names.snakeCase(owner.simpleName()) + "_id" : inverseJoinKey));
      }
    }
    return Optional.empty();
  }

  /** The join schema a {@code @ManyToMany} declares by {@code joinSchema}, when it names a schema. */
  public Optional<SchemaRef> joinSchema(AnnotationMirror manyToMany) {
    return targets.joinSchema(manyToMany).map(this::read);
  }

  /** The join table of a {@code @ManyToMany}: its join schema's table, or the one it names. */
  public String joinTable(AnnotationMirror manyToMany) {
    return joinSchema(manyToMany).map(SchemaRef::table).orElseGet(() -> annotations.string(manyToMany, "joinThrough"));
  }

  private void indexAssociations(TypeElement schema) {
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      for (io.ecto4j.processor.model.AssociationKind kind : io.ecto4j.processor.model.AssociationKind.values()) {
        if (annotations.find(method, ClassName.get(RuntimeNames.SCHEMA.packageName(), kind.annotation())).isPresent()) {
          targets.target(method, kind).ifPresent(target -> associationTargets.put(
              ClassName.get(schema).canonicalName() + "#" + method.getSimpleName(), target));
        }
      }
    }
  }

  private SchemaRef readNew(TypeElement schema) {
    indexAssociations(schema);
    AnnotationMirror annotation = annotations.schemaOrEmbedded(schema).orElseThrow();
    boolean embedded = annotations.find(schema, RuntimeNames.SCHEMA).isEmpty();
    ClassName name = ClassName.get(schema);
    String simpleName = name.simpleName();
    AnnotationMirror primaryKey = annotations.annotation(annotation, "primaryKey");
    PrimaryKeyType keyType = PrimaryKeyType.valueOf(annotations.enumName(primaryKey, "type"));
    String keyName = annotations.string(primaryKey, "name");
    Optional<String> keyColumn = keyType == PrimaryKeyType.NONE
        ? Optional.empty()
        : Optional.of(Names.snakeCase(keyName));
    return new SchemaRef(
        name,
        generated(name, annotations.string(annotation, "struct"), simpleName + "Struct"),
        generated(name, annotations.string(annotation, "companion"), Names.plural(simpleName)),
        embedded ? "" : annotations.string(annotation, "value"), // an embedded schema has no table
        keyType,
        keyColumn,
        columns(schema, keyType, keyColumn, keyName),
        belongsTo(schema),
        embedded ? Optional.empty() // stored inside its owner's row, so in its owner's prefix
            : Optional.of(annotations.string(annotation, "prefix")).filter(prefix -> !prefix.isEmpty()));
  }

  /** The generated type: top-level, in the schema's package, named {@code name} or {@code fallback}. */
  private static ClassName generated(ClassName schema, String name, String fallback) {
    return ClassName.get(schema.packageName(), Names.isJavaIdentifier(name) ? name : fallback);
  }

  private List<ColumnRef> columns(TypeElement schema, PrimaryKeyType keyType, Optional<String> keyColumn,
      String keyName) {
    List<ColumnRef> columns = new ArrayList<>();
    keyColumn.ifPresent(column -> columns.add(new ColumnRef(column, keyName, keyType.mapping())));
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      annotations.find(method, RuntimeNames.FIELD_ANNOTATION)
          .filter(field -> !annotations.bool(field, "virtual"))
          .flatMap(field -> column(method, field))
          .ifPresent(columns::add);
    }
    TimestampColumns.read(annotations, schema)
        .forEach(timestamp -> columns.add(new ColumnRef(timestamp.column(), timestamp.name(), timestamp.mapping())));
    return columns;
  }

  private Optional<ColumnRef> column(ExecutableElement method, AnnotationMirror field) {
    String column = annotations.string(field, "column");
    String name = column.isEmpty() ? Names.snakeCase(method.getSimpleName().toString()) : column;
    return types.map(method.getReturnType(), annotations.string(field, "type"), annotations.enumName(field, "precision"))
        .map(mapping -> new ColumnRef(name, method.getSimpleName().toString(), mapping));
  }

  private List<InverseRef> belongsTo(TypeElement schema) {
    List<InverseRef> inverses = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      annotations.find(method, RuntimeNames.BELONGS_TO).ifPresent(belongsTo ->
          targets.schemaInterface(method.getReturnType()).ifPresent(target -> inverses.add(new InverseRef(
              method.getSimpleName().toString(), ClassName.get(target), foreignKey(method, belongsTo),
              foreignKeyField(method, belongsTo)))));
    }
    return inverses;
  }

  /**
   * The foreign key column of a {@code @BelongsTo}: its {@code column} (Ecto's {@code source:}), else
   * the field's name, {@link #foreignKeyField}.
   */
  String foreignKey(ExecutableElement method, AnnotationMirror belongsTo) {
    String column = annotations.string(belongsTo, "column");
    return column.isEmpty() ? foreignKeyField(method, belongsTo) : column;
  }

  /** The foreign key field of a {@code @BelongsTo}, snake_case: declared, or the name in snake_case + {@code _id}. */
  String foreignKeyField(ExecutableElement method, AnnotationMirror belongsTo) {
    String declared = annotations.string(belongsTo, "foreignKey");
    return declared.isEmpty() ? Names.snakeCase(method.getSimpleName().toString()) + "_id" : declared;
  }
}
