package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ForeignKeyModel;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.OnDelete;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.SchemaRef.InverseRef;
import io.ecto4j.processor.model.ThroughLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads one association method of a validated schema, resolving the default keys. */
final class AssociationReader {
  private final Annotations annotations;
  private final SchemaRefReader refs;
  private final Targets targets;

  AssociationReader(Annotations annotations, SchemaRefReader refs) {
    this.annotations = annotations;
    this.refs = refs;
    this.targets = new Targets(annotations);
  }

  AssociationModel read(ExecutableElement method, Annotated annotated, SchemaRef owner) {
    AssociationKind kind = annotated.annotation().association().orElseThrow();
    TypeElement targetElement = targets.target(method, kind).orElseThrow();
    SchemaRef target = refs.read(targetElement);
    Parts parts = new Parts(method.getSimpleName().toString(), kind, annotated.mirror(), owner, target);
    return switch (kind) {
      case BELONGS_TO -> belongsTo(method, parts);
      case HAS_ONE, HAS_MANY -> hasSome(method, parts);
      case MANY_TO_MANY -> manyToMany(method, parts);
    };
  }

  /** The foreign key column a {@code @BelongsTo} adds, when the column it references exists. */
  Optional<ColumnModel> foreignKey(AssociationModel association) {
    if (association.kind() != AssociationKind.BELONGS_TO) {
      return Optional.empty();
    }
    String column = association.ownerKey().orElseThrow();
    AnnotationMirror belongsTo = association.origin().annotation().orElseThrow();
    if (!annotations.bool(belongsTo, "defineField")) {
      return Optional.empty(); // the schema declares the key as a @Field (Ecto's define_field: false)
    }
    boolean nullable = annotations.bool(belongsTo, "nullable");
    String field = refs.foreignKeyField((ExecutableElement) association.origin().element(), belongsTo);
    return association.relatedKey()
        .flatMap(key -> association.target().column(key))
        .map(referenced -> new ColumnModel(Names.camelCase(field), column, referenced.mapping().boxed(),
            ColumnKind.FOREIGN_KEY, nullable, false, Optional.empty(),
            Optional.of(new ForeignKeyModel(association.target().table(), referenced.column(),
                association.onDelete().orElseThrow(), association.target().prefix())),
            association.origin()).withKeyPart(annotations.bool(belongsTo, "primaryKey")));
  }

  private AssociationModel belongsTo(ExecutableElement method, Parts parts) {
    String foreignKey = refs.foreignKey(method, parts.annotation);
    Optional<String> references = declared(parts.annotation, "references").or(parts.target::primaryKeyColumn);
    return parts.model(method, Optional.of(foreignKey), references, Optional.empty(), onDelete(parts.annotation),
        List.of());
  }

  private AssociationModel hasSome(ExecutableElement method, Parts parts) {
    List<String> path = parts.throughNames();
    if (!path.isEmpty()) {
      return parts.model(method, parts.owner.primaryKeyColumn(), parts.target.primaryKeyColumn(), Optional.empty(),
          Optional.empty(), throughLinks(parts.owner, path));
    }
    String foreignKey = declared(parts.annotation, "foreignKey").map(key -> childColumn(parts.target, key))
        .orElse(Names.snakeCase(parts.owner.schema().simpleName()) + "_id");
    Optional<String> references = declared(parts.annotation, "references").or(parts.owner::primaryKeyColumn);
    return parts.model(method, references, Optional.of(foreignKey), Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * The child's column of a declared foreign key: a {@code @BelongsTo} field whose column differs
   * (Ecto's {@code source:}) may be named by its field, as Ecto's {@code foreign_key:} names fields.
   */
  private static String childColumn(SchemaRef child, String key) {
    return child.belongsTo().stream().filter(inverse -> inverse.field().equals(key)).map(InverseRef::foreignKey)
        .findFirst().orElse(key);
  }

  /** The path resolved link by link, as far as it leads; the validator reports where it stops. */
  private List<ThroughLink> throughLinks(SchemaRef owner, List<String> names) {
    List<ThroughLink> links = new ArrayList<>();
    SchemaRef current = owner;
    for (String name : names) {
      Optional<SchemaRef> next = refs.associationTarget(current, name).map(refs::read);
      links.add(new ThroughLink(name, current.schema(), current.companion(), next));
      if (next.isEmpty()) {
        break;
      }
      current = next.get();
    }
    return links;
  }

  private AssociationModel manyToMany(ExecutableElement method, Parts parts) {
    String table = refs.joinTable(parts.annotation);
    JoinTableModel join = new JoinTableModel(
        table,
        declared(parts.annotation, "joinKey").orElse(Names.snakeCase(parts.owner.schema().simpleName()) + "_id"),
        declared(parts.annotation, "inverseJoinKey")
            .orElse(Names.snakeCase(parts.target.schema().simpleName()) + "_id"),
        refs.joinSchema(parts.annotation),
        targets.target(method, AssociationKind.MANY_TO_MANY)
            .flatMap(other -> refs.joinTableTowards(other, parts.owner.schema(), table, method)));
    return parts.model(method, parts.owner.primaryKeyColumn(), parts.target.primaryKeyColumn(), Optional.of(join),
        onDelete(parts.annotation), List.of());
  }

  private Optional<String> declared(AnnotationMirror annotation, String attribute) {
    String value = annotations.string(annotation, attribute);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private Optional<OnDelete> onDelete(AnnotationMirror annotation) {
    return Optional.of(OnDelete.valueOf(annotations.enumName(annotation, "onDelete")));
  }

  /** What every kind of association reads the same way. */
  private record Parts(String name, AssociationKind kind, AnnotationMirror annotation, SchemaRef owner,
      SchemaRef target) {
    AssociationModel model(ExecutableElement method, Optional<String> ownerKey, Optional<String> relatedKey,
        Optional<JoinTableModel> join, Optional<OnDelete> onDelete, List<ThroughLink> through) {
      return new AssociationModel(name, kind, TypeName.get(method.getReturnType()), target, ownerKey, relatedKey,
          join, onDelete, explicit("preloadOrder"), FilterReader.read(method, annotation, "where"),
          FilterReader.read(method, annotation, "joinWhere"), onReplace(), through, Origin.of(method, annotation),
          defaults(), !"false".equals(explicit("forceUpdateOnChange")), "true".equals(explicit("unique")));
    }

    /** The class named by {@code defaults = …}; empty for {@code AssocDefaults.class}, which means none. */
    Optional<ClassName> defaults() {
      for (var entry : annotation.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals("defaults")
            && entry.getValue().getValue() instanceof javax.lang.model.type.DeclaredType type
            && TypeName.get(type) instanceof ClassName named && !named.equals(RuntimeNames.ASSOC_DEFAULTS)) {
          return Optional.of(named);
        }
      }
      return Optional.empty();
    }

    /** The declared {@code through} path; empty when not declared. */
    List<String> throughNames() {
      for (var entry : annotation.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals("through") && entry.getValue().getValue() instanceof List<?> items) {
          List<String> names = new ArrayList<>();
          for (Object item : items) {
            names.add(String.valueOf(((javax.lang.model.element.AnnotationValue) item).getValue()));
          }
          return names;
        }
      }
      return List.of();
    }

    /** The declared on_replace constant's name; {@code @ManyToMany} has none. */
    private String onReplace() {
      String declared = explicit("onReplace");
      return declared.isEmpty() ? "RAISE" : declared.substring(declared.lastIndexOf('.') + 1);
    }

    /** An attribute as written, or empty; not every association annotation declares it. */
    private String explicit(String attribute) {
      for (var entry : annotation.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals(attribute)) {
          return String.valueOf(entry.getValue().getValue());
        }
      }
      return "";
    }
  }
}
