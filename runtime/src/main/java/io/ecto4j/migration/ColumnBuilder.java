package io.ecto4j.migration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a column being added or modified inside {@code createTable}/{@code alterTable},
 * set by chaining: {@code t.add("title", "varchar(255)").notNull().defaultValue("untitled")}.
 * Only valid inside the block that returned it.
 */
public final class ColumnBuilder {
  enum Kind {
    ADD,
    ADD_IF_NOT_EXISTS,
    MODIFY
  }

  private final Kind kind;
  private final String column;
  private ColumnDefinition definition;
  private Optional<ColumnDefinition> from = Optional.empty();

  ColumnBuilder(Kind kind, String column, ColumnDefinition definition) {
    this.kind = kind;
    this.column = column;
    this.definition = definition;
  }

  /** {@code NOT NULL} (Ecto's {@code null: false}). */
  public ColumnBuilder notNull() {
    definition = definition.notNull();
    return this;
  }

  /** {@code NULL}; in {@code modify}, drops a {@code NOT NULL}. */
  public ColumnBuilder nullable() {
    definition = definition.nullable();
    return this;
  }

  /** {@code DEFAULT 'text'}, quoted as a string literal. */
  public ColumnBuilder defaultValue(String text) {
    return defaultSql(Sql.literal(text));
  }

  /**
   * {@code DEFAULT ARRAY['pt','es']::text[]} for an array column, Ecto's {@code default: ["pt", "es"]};
   * elements are strings, numbers or booleans, cast to the column's type.
   */
  public ColumnBuilder defaultValue(List<?> elements) {
    StringBuilder sql = new StringBuilder("ARRAY[");
    for (int i = 0; i < elements.size(); i++) {
      sql.append(i == 0 ? "" : ",").append(Sql.value(elements.get(i), column));
    }
    return defaultSql(sql.append("]::").append(definition.type()).toString());
  }

  /** {@code DEFAULT '{"a":1}'} for a {@code jsonb} column, Ecto's map default: the map as JSON text. */
  public ColumnBuilder defaultValue(Map<String, ?> json) {
    return defaultSql(Sql.literal(Sql.json(json, column)));
  }

  public ColumnBuilder defaultValue(long value) {
    return defaultSql(Long.toString(value));
  }

  public ColumnBuilder defaultValue(boolean value) {
    return defaultSql(Boolean.toString(value));
  }

  /** {@code DEFAULT} an SQL expression as written: {@code "now()"}, {@code "'{}'::jsonb"}. */
  public ColumnBuilder defaultSql(String sql) {
    definition = definition.defaultSql(sql);
    return this;
  }

  /** Part of the primary key of the table being created (Ecto's {@code primary_key: true}). */
  public ColumnBuilder primaryKey() {
    definition = definition.primaryKey();
    return this;
  }

  /** {@code GENERATED sql}, Ecto's {@code generated:} (see {@link ColumnDefinition#generated(String)}). */
  public ColumnBuilder generated(String sql) {
    definition = definition.generated(sql);
    return this;
  }

  /** {@code COLLATE "name"}, Ecto's {@code collation:}: {@code t.add("name", "varchar(255)").collation("POSIX")}. */
  public ColumnBuilder collation(String name) {
    definition = definition.collation(name);
    return this;
  }

  /** {@code COMMENT ON COLUMN}. */
  public ColumnBuilder comment(String text) {
    definition = definition.comment(text);
    return this;
  }

  /** What a modified column was, so that the change can be reversed: its old type. */
  public ColumnBuilder from(String type) {
    return from(ColumnDefinition.of(type));
  }

  /** What a modified column was: its old foreign key. */
  public ColumnBuilder from(Reference reference) {
    return from(ColumnDefinition.of(reference));
  }

  /** What a modified column was, with its old options: {@code from(column("varchar(255)").nullable())}. */
  public ColumnBuilder from(ColumnDefinition previous) {
    if (kind != Kind.MODIFY) {
      throw new IllegalStateException("from(...) is for modify(\"" + column + "\", ...), not for add");
    }
    from = Optional.of(previous);
    return this;
  }

  ColumnChange build() {
    return switch (kind) {
      case ADD -> new ColumnChange.Add(column, definition, false);
      case ADD_IF_NOT_EXISTS -> new ColumnChange.Add(column, definition, true);
      case MODIFY -> new ColumnChange.Modify(column, definition, from);
    };
  }

  Column column() {
    return new Column(column, definition);
  }
}
