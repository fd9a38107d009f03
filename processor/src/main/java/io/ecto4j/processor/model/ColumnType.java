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
  /** {@code @Field(precision = SECONDS)} of an {@code Instant}: Ecto's {@code :utc_datetime}. */
  INSTANT_SECONDS("INSTANT_SECONDS", "timestamptz(0)"),
  OFFSET_DATE_TIME_SECONDS("OFFSET_DATE_TIME_SECONDS", "timestamptz(0)"),
  LOCAL_DATE_TIME_SECONDS("LOCAL_DATE_TIME_SECONDS", "timestamp(0)"),
  LOCAL_TIME_SECONDS("LOCAL_TIME_SECONDS", "time(0)"),
  /** {@code java.time.Duration}, Ecto's {@code :duration}. */
  DURATION("DURATION", "interval"),
  BYTES("BYTES", "bytea"),
  JSON_MAP("JSON_MAP", "jsonb"),
  /** Built per enum with {@code Types.enumType(E.class, E.values())}. */
  ENUM("", "varchar(255)"),
  /** Built per element type with {@code Types.list(element)}. */
  LIST("", ""),
  /** A {@code CustomType} of {@code @Field(using = …)}, constructed once per field; stored as its stored type. */
  CUSTOM("", ""),
  /** A typed map {@code Map<String, V>} in {@code jsonb}, built per value type with {@code Types.map(element)}. */
  MAP("", "jsonb"),
  /** {@code Object}, Ecto's {@code :any}: virtual fields only. */
  ANY("ANY", "any"),
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

  /** The constant of {@code io.ecto4j.type.Types}; empty for the types built per field. */
  public String typesConstant() {
    return typesConstant;
  }

  /** The column type used in DDL unless {@code @Field(type = …)} says otherwise. */
  public String sqlType() {
    return sqlType;
  }

  /** This type at whole seconds; itself for a type without a time of day (or already in seconds). */
  public ColumnType inSeconds() {
    return switch (this) {
      case INSTANT -> INSTANT_SECONDS;
      case OFFSET_DATE_TIME -> OFFSET_DATE_TIME_SECONDS;
      case LOCAL_DATE_TIME -> LOCAL_DATE_TIME_SECONDS;
      case LOCAL_TIME -> LOCAL_TIME_SECONDS;
      default -> this;
    };
  }

  /** Whether this type keeps a time of day, so that {@code precision} applies to it. */
  public boolean hasTimeOfDay() {
    return inSeconds() != this || name().endsWith("_SECONDS");
  }

  /** Whether {@code @Field(defaultValue = …)} can be written for this type. */
  public boolean acceptsDefault() {
    return this != BYTES && this != JSON_MAP && this != LIST && this != CUSTOM && this != MAP && this != ANY
        && !isEmbed();
  }

  /** Whether the column holds embedded structs. */
  public boolean isEmbed() {
    return this == EMBED_ONE || this == EMBED_MANY;
  }
}
