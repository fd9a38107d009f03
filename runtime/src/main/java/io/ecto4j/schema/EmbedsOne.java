package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One embedded struct stored in a {@code jsonb} column, Ecto's {@code embeds_one}: the method
 * returns an {@link Embedded} interface, e.g. {@code @EmbedsOne Address address()}. The struct's
 * accessor returns the embed's struct type ({@code AddressStruct}); change it with
 * {@code castEmbed}/{@code putEmbed}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface EmbedsOne {
  /** The column; default: the accessor's name in snake_case. */
  String column() default "";

  /**
   * What happens to the current embed when a changeset gives a new one: {@code RAISE} (default),
   * {@code MARK_AS_INVALID}, {@code UPDATE} (the params update the current one) or {@code DELETE}.
   * {@code NILIFY} and {@code DELETE_IF_EXISTS} are compile errors: an embed has no foreign key or row.
   */
  OnReplace onReplace() default OnReplace.RAISE;
}
