package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column of a {@link Schema}, Ecto's {@code field :title, :string}.
 *
 * <pre>{@code
 * @Field String title();
 * @Field(type = "text") String body();
 * @Field(defaultValue = "0") int viewCount();
 * @Field(virtual = true, redact = true) String password();
 * @Field(unique = true) String email();
 * @Field(using = Email.Type.class) Email contact();
 * @Field(using = Money.Type.class, params = "currency=EUR") Money price();
 * @Field(writable = Writable.INSERT) String createdBy();
 * @Field(readAfterWrites = true) long revision();          // set by a trigger, read back
 * @Field(loadInQuery = false) String body();               // selected only when asked for
 * @Field(autogenerate = Slugs.class) String slug();
 * @Field(precision = TimePrecision.SECONDS) Instant publishedAt();
 * }</pre>
 *
 * <p>The Java return type decides the column type (see docs/schemas.md for the table). Primitive
 * types are {@code NOT NULL}; reference types are nullable unless {@link #nullable()} is false.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface Field {
  /** Marks "no default" in {@link #defaultValue()}; an empty string is a legitimate default. */
  String NO_DEFAULT = "\u0000ecto4j:no-default";

  /** The column name; defaults to the accessor's name in snake_case. */
  String column() default "";

  /** The SQL type, overriding the one implied by the Java type, e.g. {@code "text"} or {@code "numeric(10,2)"}. */
  String type() default "";

  /** The default value, as a literal of the field's type ({@code "false"}, {@code "0"}, {@code "draft"}). */
  String defaultValue() default NO_DEFAULT;

  /** Whether the column accepts {@code NULL}; ignored (always false) for primitive types. */
  boolean nullable() default true;

  /** A field that lives only in the struct and in changesets, never in the table (a password). */
  boolean virtual() default false;

  /** Hidden from {@code toString()}, like Ecto's {@code redact: true}. */
  boolean redact() default false;

  /**
   * A unique index {@code <table>_<column>_index} in the generated DDL: the index, and its name,
   * that {@code uniqueConstraint} on this field expects.
   */
  boolean unique() default false;

  /**
   * A {@code io.ecto4j.type.CustomType} subclass that stores this field, Ecto's
   * {@code field :email, MyApp.Email}: its value type must be the field's type (or, for a
   * {@code List<V>} or {@code Map<String, V>} field, the element's). The companion constructs one
   * instance per field, with a public no-argument constructor, or one taking
   * {@code io.ecto4j.type.TypeParams} for {@link #params()}. {@code void.class}: the built-in type.
   */
  Class<?> using() default void.class;

  /**
   * The parameters of a parameterized {@link #using()} type, Ecto's {@code Ecto.ParameterizedType}
   * options, each {@code "key=value"}: {@code params = {"currency=EUR", "scale=2"}}.
   */
  String[] params() default {};
  /** When the repo writes the column, Ecto's {@code writable:}; {@link Writable#ALWAYS} by default. */
  Writable writable() default Writable.ALWAYS;

  /**
   * What a write does with a change to this field that {@link #writable()} forbids, Ecto's
   * {@code on_writable_violation:}; by default the schema's {@link Schema#onWritableViolation()}.
   */
  WritableViolation onWritableViolation() default WritableViolation.INHERIT;

  /**
   * Read back after every insert and update, also when the write asks to return fewer columns, so that
   * a database default or trigger shows in the returned struct (Ecto's {@code read_after_writes: true}).
   */
  boolean readAfterWrites() default false;

  /**
   * Selected when a query loads whole structs ({@code repo.all}, {@code get}, preloads); false leaves
   * it at its default there unless the query selects it (Ecto's {@code load_in_query: false}).
   */
  boolean loadInQuery() default true;

  /**
   * Makes the value on insert when it is null (Ecto's {@code autogenerate: {M, F, A}}): a class
   * implementing {@link Autogenerate} of the field's type, with a public no-argument constructor.
   * {@code Autogenerate.class} itself, the default, means none.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends Autogenerate> autogenerate() default Autogenerate.class;

  /**
   * How finely an {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime} or {@code LocalTime}
   * keeps the time: {@link TimePrecision#SECONDS} is Ecto's {@code :utc_datetime} ({@code timestamptz(0)}),
   * the default microseconds its {@code :utc_datetime_usec}. Other types refuse it.
   */
  TimePrecision precision() default TimePrecision.MICROSECONDS;

  /**
   * Part of the primary key, Ecto's {@code field :a, :integer, primary_key: true}: on a schema
   * without a generated key ({@code @Schema(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))},
   * Ecto's {@code @primary_key false}), the members so marked, in column order (fields, then foreign keys), are its key:
   * one gives a natural key, several a composite one ({@code PRIMARY KEY (a, b)}). The companion
   * then has {@code key(a, b)} for {@code repo.get}. See docs/schemas.md, "Composite primary keys".
   */
  boolean primaryKey() default false;
}
