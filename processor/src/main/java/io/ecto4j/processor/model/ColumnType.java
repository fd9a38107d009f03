package io.ecto4j.processor.model;

/**
 * The kinds of values a schema field can hold, each with the {@code io.ecto4j.type.Types} constant
 * that handles it at runtime and its default PostgreSQL type.
 */
public enum ColumnType {
  STRING("STRING", "varchar(255)"),
  TEXT("TEXT", "text"),
  BOOLEAN("BOOLEAN", "boolean"),
  SHORT("SHORT", "smallint"),
  INTEGER("INTEGER", "integer"),
  LONG("LONG", "bigint"),
  DOUBLE("DOUBLE", "double precision"),
  DECIMAL("DECIMAL", "numeric"),
  UUID("UUID_TYPE", "uuid"),
  INSTANT("INSTANT", "timestamptz"),
  OFFSET_DATE_TIME("OFFSET_DATE_TIME", "timestamptz"),
  LOCAL_DATE_TIME("LOCAL_DATE_TIME", "timestamp"),
  LOCAL_DATE("LOCAL_DATE", "date"),
  LOCAL_TIME("LOCAL_TIME", "time"),
  BYTES("BYTES", "bytea"),
  JSON_MAP("JSON_MAP", "jsonb"),
  /** Built per enum with {@code Types.enumType(E.class, E.values())}. */
  ENUM("", "varchar(255)"),
  /** Built per element type with {@code Types.list(element)}. */
  LIST("", ""),
  /** An {@code @EmbedsOne}: built by the companion as {@code Embed.one(…)}. */
  EMBED_ONE("", "jsonb"),
  /** An {@code @EmbedsMany}: built by the companion as {@code Embed.many(…)}; {@code '[]'} by default. */
  EMBED_MANY("", "jsonb");

  private final String typesConstant;
  private final String sqlType;

  ColumnType(String typesConstant, String sqlType) {
    this.typesConstant = typesConstant;
    this.sqlType = sqlType;
  }

  /** The constant of {@code io.ecto4j.type.Types}; empty for {@link #ENUM} and {@link #LIST}. */
  public String typesConstant() {
    return typesConstant;
  }

  /** The column type used in DDL unless {@code @Field(type = …)} says otherwise. */
  public String sqlType() {
    return sqlType;
  }

  /** Whether {@code @Field(defaultValue = …)} can be written for this type. */
  public boolean acceptsDefault() {
    return this != BYTES && this != JSON_MAP && this != LIST && !isEmbed();
  }

  /** Whether the column holds embedded structs. */
  public boolean isEmbed() {
    return this == EMBED_ONE || this == EMBED_MANY;
  }
}
