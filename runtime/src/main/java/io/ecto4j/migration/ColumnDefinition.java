package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column's type and options, Ecto's {@code :string, null: false, default: "draft"}. Options left
 * unset are not written: in {@code add} the column is then nullable without default, in
 * {@code modify} they stay as they are.
 *
 * <pre>{@code
 * column("varchar(255)").notNull()                 // what remove(...) and modify(...).from(...) take
 * column(references("users")).onDeleteOf(...)      // a foreign key
 * }</pre>
 *
 * @param type the SQL type, e.g. {@code varchar(255)}, {@code numeric(10,2)}, {@code text[]}
 * @param references the foreign key, when the column is one
 * @param nullability {@code NULL} / {@code NOT NULL}; empty for "not said"
 * @param defaultSql the {@code DEFAULT} expression as SQL, e.g. {@code 'draft'} or {@code now()}
 * @param isPrimaryKey whether the column is (part of) the primary key of a new table
 * @param comment the column's {@code COMMENT}
 * @param generated what follows {@code GENERATED}, Ecto's {@code generated:}: {@code ALWAYS AS (a + b) STORED},
 *     {@code BY DEFAULT AS IDENTITY} (Ecto's {@code :identity} type is {@code bigint} with this)
 * @param collation the column's {@code COLLATE}, Ecto's {@code collation:}: {@code "C"}, {@code "POSIX"},
 *     {@code "de-DE-x-icu"}; written quoted after the type
 */
public record ColumnDefinition(
    String type,
    Optional<Reference> references,
    Optional<Boolean> nullability,
    Optional<String> defaultSql,
    boolean isPrimaryKey,
    Optional<String> comment,
    Optional<String> generated,
    Optional<String> collation) {

  public ColumnDefinition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(references, "references");
    Objects.requireNonNull(nullability, "nullability");
    Objects.requireNonNull(defaultSql, "defaultSql");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(collation, "collation");
  }

  /** A column without collation of its own (the database's). */
  public ColumnDefinition(String type, Optional<Reference> references, Optional<Boolean> nullability,
      Optional<String> defaultSql, boolean isPrimaryKey, Optional<String> comment, Optional<String> generated) {
    this(type, references, nullability, defaultSql, isPrimaryKey, comment, generated, Optional.empty());
  }

  /** A column that is not generated. */
  public ColumnDefinition(String type, Optional<Reference> references, Optional<Boolean> nullability,
      Optional<String> defaultSql, boolean isPrimaryKey, Optional<String> comment) {
    this(type, references, nullability, defaultSql, isPrimaryKey, comment, Optional.empty());
  }

  /** A column of {@code type}, no option set. */
  public static ColumnDefinition of(String type) {
    return new ColumnDefinition(type, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** A foreign key column of {@code reference}'s type. */
  public static ColumnDefinition of(Reference reference) {
    return new ColumnDefinition(reference.type(), Optional.of(reference), Optional.empty(), Optional.empty(), false,
        Optional.empty());
  }

  public ColumnDefinition notNull() {
    return new ColumnDefinition(type, references, Optional.of(false), defaultSql,
        isPrimaryKey, comment, generated, collation);
  }

  public ColumnDefinition nullable() {
    return new ColumnDefinition(type, references, Optional.of(true), defaultSql,
        isPrimaryKey, comment, generated, collation);
  }

  /** {@code DEFAULT sql}, the expression as written: {@code "0"}, {@code "'draft'"}, {@code "now()"}. */
  public ColumnDefinition defaultSql(String sql) {
    return new ColumnDefinition(type, references, nullability, Optional.of(sql),
        isPrimaryKey, comment, generated, collation);
  }

  public ColumnDefinition primaryKey() {
    return new ColumnDefinition(type, references, nullability, defaultSql, true, comment, generated, collation);
  }

  public ColumnDefinition comment(String text) {
    return new ColumnDefinition(type, references, nullability, defaultSql,
        isPrimaryKey, Optional.of(text), generated, collation);
  }

  /**
   * {@code GENERATED sql}, Ecto's {@code generated:}: {@code generated("ALWAYS AS (lower(email)) STORED")}
   * for a computed column, {@code generated("BY DEFAULT AS IDENTITY")} on a {@code bigint} for an
   * identity key (Ecto's {@code :identity}), with {@code (START WITH 1000 INCREMENT BY 10)} after it
   * for Ecto's {@code start_value:} and {@code increment:}.
   */
  public ColumnDefinition generated(String sql) {
    return new ColumnDefinition(type, references, nullability, defaultSql,
        isPrimaryKey, comment, Optional.of(sql), collation);
  }

  /**
   * {@code COLLATE "name"}, Ecto's {@code collation:}: how the column's text sorts and compares,
   * {@code column("varchar(255)").collation("C")} for byte order. In {@code modify} it is written
   * with the new type ({@code ALTER COLUMN … TYPE varchar(255) COLLATE "C"}).
   */
  public ColumnDefinition collation(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a collation needs a name, e.g. collation(\"C\") or collation(\"und-x-icu\")");
    }
    return new ColumnDefinition(type, references, nullability, defaultSql, isPrimaryKey, comment, generated,
        Optional.of(name));
  }

  /** The type as written after a column's name or {@code TYPE}: {@code varchar(255) COLLATE "C"}. */
  String typeSql() {
    return collation.map(name -> type + " COLLATE " + Sql.quote(name)).orElse(type);
  }

  /** The column as {@code CREATE TABLE} and {@code ADD COLUMN} write it, without its name. */
  String sql(String table, String column) {
    List<String> parts = new ArrayList<>(List.of(typeSql()));
    generated.ifPresent(sql -> parts.add("GENERATED " + sql));
    references.filter(ref -> !ref.needsTableConstraint())
        .ifPresent(ref -> parts.add(ref.columnConstraintSql(table, column)));
    defaultSql.ifPresent(sql -> parts.add("DEFAULT " + sql));
    nullability.ifPresent(isNullable -> parts.add(isNullable ? "NULL" : "NOT NULL"));
    return String.join(" ", parts);
  }
}
