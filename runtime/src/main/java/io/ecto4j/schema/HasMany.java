package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rows of another schema point at this one, Ecto's {@code has_many :comments, Comment}. The child
 * schema must declare the matching {@link BelongsTo} (or hold the foreign key column).
 *
 * <pre>{@code
 * @HasMany List<Comment> comments();
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface HasMany {
  /** The child's foreign key column; defaults to this schema's name in snake_case + {@code _id}. */
  String foreignKey() default "";

  /** The column of this schema the foreign key refers to; defaults to the primary key. */
  String references() default "";
}
