package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An embedded schema, Ecto's {@code embedded_schema}: a struct with fields, and no table of its own.
 * It is stored inside a parent's {@code jsonb} column, through {@link EmbedsOne} or {@link EmbedsMany}.
 * The processor writes a struct ({@code AddressStruct}) and a companion ({@code Addresses}) with typed
 * field constants for changesets, but no {@code query()}: an embedded schema is not queryable, which
 * is a compile-time fact rather than Ecto's run-time error.
 *
 * <pre>{@code
 * @Embedded
 * public interface Address {
 *   @Field String street();
 *   @Field String city();
 * }
 *
 * @Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))   // Ecto's @primary_key false
 * public interface Money { @Field BigDecimal amount(); @Field String currency(); }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Embedded {
  /**
   * The embed's own key, Ecto's default {@code :binary_id} {@code id}: a {@code UUID} generated when
   * the embed is first written. {@code NONE} for no key ({@code @primary_key false}); {@code BIGSERIAL}
   * is a compile error, as no database assigns keys inside a JSON value.
   */
  PrimaryKey primaryKey() default @PrimaryKey(type = PrimaryKey.Type.UUID);

  /** The generated struct's simple name; default: the interface's name + {@code Struct}. */
  String struct() default "";

  /** The generated companion's simple name; default: the English plural of the interface's name. */
  String companion() default "";
}
