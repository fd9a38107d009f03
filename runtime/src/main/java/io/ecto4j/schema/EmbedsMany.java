package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of embedded structs stored in a {@code jsonb} column (a JSON array, {@code '[]'} by
 * default), Ecto's {@code embeds_many}: the method returns a {@code List} of an {@link Embedded}
 * interface, e.g. {@code @EmbedsMany List<LineItem> items()}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface EmbedsMany {
  /** The column; default: the accessor's name in snake_case. */
  String column() default "";

  /**
   * What happens to current embeds a changeset's new list leaves out: {@code RAISE} (default),
   * {@code MARK_AS_INVALID} or {@code DELETE}. {@code UPDATE} is a compile error here, as in Ecto
   * (it is for embeds_one only), and so are {@code NILIFY} and {@code DELETE_IF_EXISTS}.
   */
  OnReplace onReplace() default OnReplace.RAISE;
}
