package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one schema needs to know of another it is associated with: its generated names, its table,
 * its key and columns, and its {@code @BelongsTo}s (to find the inverse of a {@code @HasMany}).
 * Read the same way whether the other schema is compiled now or comes from the classpath.
 *
 * @param primaryKeyColumn the key's column; empty with {@link PrimaryKeyType#NONE}
 * @param columns the persisted columns, the primary key first
 * @param prefix the schema-wide PostgreSQL schema, {@code @Schema(prefix = "blog")}, Ecto's
 *     {@code @schema_prefix}; empty for none
 */
public record SchemaRef(
    ClassName schema,
    ClassName struct,
    ClassName companion,
    String table,
    PrimaryKeyType primaryKeyType,
    Optional<String> primaryKeyColumn,
    List<ColumnRef> columns,
    List<InverseRef> belongsTo,
    Optional<String> prefix) {

  public SchemaRef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(struct, "struct");
    Objects.requireNonNull(companion, "companion");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(primaryKeyType, "primaryKeyType");
    Objects.requireNonNull(primaryKeyColumn, "primaryKeyColumn");
    columns = List.copyOf(columns);
    belongsTo = List.copyOf(belongsTo);
    Objects.requireNonNull(prefix, "prefix");
  }

  /** A schema without a schema-wide prefix. */
  public SchemaRef(ClassName schema, ClassName struct, ClassName companion, String table,
      PrimaryKeyType primaryKeyType, Optional<String> primaryKeyColumn, List<ColumnRef> columns,
      List<InverseRef> belongsTo) {
    this(schema, struct, companion, table, primaryKeyType, primaryKeyColumn, columns, belongsTo, Optional.empty());
  }


  /** The persisted column named {@code column}. */
  public Optional<ColumnRef> column(String column) {
    return columns.stream().filter(c -> c.column().equals(column)).findFirst();
  }

  /**
   * The field constant of the schema's companion that holds {@code column}, e.g. {@code POST_ID}:
   * a declared field's or the key's own name, else a foreign key's, named after its column as
   * {@code @BelongsTo} names it. Generated associations refer to their keys by these constants.
   */
  public String fieldConstant(String column) {
    return Names.constantCase(column(column).map(ColumnRef::name).orElseGet(() -> Names.camelCase(
        belongsTo.stream().filter(b -> b.foreignKey().equals(column)).map(InverseRef::field).findFirst()
            .orElse(column))));
  }

  /**
   * A persisted column of another schema.
   *
   * @param name the Java name of its field, from which the companion's constant is named
   */
  public record ColumnRef(String column, String name, TypeMapping mapping) {}

  /**
   * A {@code @BelongsTo} of another schema: its name, target schema and foreign key column.
   *
   * @param field the foreign key field's snake_case name, which differs from the column when
   *     {@code @BelongsTo(column = …)} gives one (Ecto's {@code source:})
   */
  public record InverseRef(String name, ClassName target, String foreignKey, String field) {
    /** A foreign key whose field is named as its column. */
    public InverseRef(String name, ClassName target, String foreignKey) {
      this(name, target, foreignKey, foreignKey);
    }
  }
}
