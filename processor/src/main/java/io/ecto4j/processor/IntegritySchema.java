package io.ecto4j.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the generated DDL of one {@code @Schema} enforces, keyed by the generated field constant
 * ({@code TITLE}, {@code AUTHOR_ID}): the columns with a unique index and the foreign key columns.
 * Read from the annotations by name, never by loading the runtime's annotation classes.
 */
final class IntegritySchema {
  static final String SCHEMA = "io.ecto4j.schema.Schema";
  private static final String FIELD = "io.ecto4j.schema.Field";
  private static final String BELONGS_TO = "io.ecto4j.schema.BelongsTo";

  /** A column the schema declares, and what its DDL enforces. */
  record Column(String name, boolean unique, boolean foreignKey) {}

  private final String table;
  private final String type;
  private final Map<String, Column> byConstant;

  private IntegritySchema(String table, String type, Map<String, Column> byConstant) {
    this.table = table;
    this.type = type;
    this.byConstant = byConstant;
  }

  static IntegritySchema of(TypeElement schema) {
    String table = annotation(schema, SCHEMA).flatMap(a -> value(a, "value")).map(Object::toString).orElse("?");
    Map<String, Column> columns = new HashMap<>();
    for (Element member : schema.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member instanceof ExecutableElement method) {
        read(method, columns);
      }
    }
    return new IntegritySchema(table, schema.getSimpleName().toString(), columns);
  }

  private static void read(ExecutableElement method, Map<String, Column> columns) {
    String name = snake(method.getSimpleName().toString());
    annotation(method, FIELD).ifPresent(field -> {
      String column = value(field, "column").map(Object::toString).filter(c -> !c.isEmpty()).orElse(name);
      boolean unique = value(field, "unique").map(v -> (Boolean) v).orElse(false);
      columns.put(name.toUpperCase(java.util.Locale.ROOT), new Column(column, unique, false));
    });
    annotation(method, BELONGS_TO).ifPresent(belongsTo -> {
      String field = value(belongsTo, "foreignKey").map(Object::toString).filter(c -> !c.isEmpty())
          .orElse(name + "_id");
      String column = value(belongsTo, "column").map(Object::toString).filter(c -> !c.isEmpty()).orElse(field);
      columns.put(field.toUpperCase(java.util.Locale.ROOT), new Column(column, false, true));
    });
  }

  String table() {
    return table;
  }

  String type() {
    return type;
  }

  /** The column behind a generated constant, if the schema declares one. */
  Optional<Column> column(String constant) {
    return Optional.ofNullable(byConstant.get(constant));
  }

  private static Optional<? extends AnnotationMirror> annotation(Element element, String name) {
    return element.getAnnotationMirrors().stream()
        .filter(a -> ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(name))
        .findFirst();
  }

  private static Optional<Object> value(AnnotationMirror annotation, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue().getValue());
      }
    }
    return Optional.empty();
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
