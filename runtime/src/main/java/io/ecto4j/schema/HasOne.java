package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One row of another schema points at this one, Ecto's {@code has_one :profile, Profile}. The child
 * schema must declare the matching {@link BelongsTo} (or hold the foreign key column).
 *
 * <pre>{@code
 * @HasOne Profile profile();
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface HasOne {
  /** The child's foreign key column; defaults to this schema's name in snake_case + {@code _id}. */
  String foreignKey() default "";

  /** The column of this schema the foreign key refers to; defaults to the primary key. */
  String references() default "";
  /**
   * A column of the child that must hold {@link #whereValue()} for a row to belong to this
   * association, Ecto's {@code where: [published: true]}: {@code @HasMany(whereColumn = "published",
   * whereValue = "true") Bio publishedBio()}. Applied to preloads and {@code Association.of};
   * the column and the value's type are checked at compile time.
   * The shorthand of one {@code @Where(column = …, equal = …)} in {@link #where()}.
   */
  String whereColumn() default "";

  /** The value {@link #whereColumn()} must hold, as a literal of its type (e.g. {@code "true"}, {@code "42"}). */
  String whereValue() default "";

  /**
   * Filters on the child rows only rows that pass all of belong to this association, Ecto's
   * {@code where:} keyword list: {@code @HasOne(where = @Where(column = "state", notEqual = "draft")) Bio
   * publishedBio()}. Each {@link Where} names a
   * column and one test: {@code equal}, {@code notEqual}, {@code in}, {@code notIn}, {@code isNil},
   * {@code notNil} or a {@code fragment}. Applied to joins, preloads and {@code Association.of}, as
   * {@link #whereColumn()}, which adds one more equality.
   */
  Where[] where() default {};

  /** What a changeset does with loaded children its new value leaves out, unless {@code castAssoc} says. */
  OnReplace onReplace() default OnReplace.RAISE;

  /**
   * A path of associations to go through instead of a foreign key, Ecto's {@code through:}:
   * {@code @HasMany(through = {"comments", "user"}) List<User> commenters()} — this schema's
   * {@code comments}, then each comment's {@code user}. Preloading it loads the path.
   */
  String[] through() default {};

  /**
   * What a new child built by {@code castAssoc} or {@code putAssoc} starts with, Ecto's
   * {@code defaults:}: a class implementing {@link AssocDefaults} of the child's and this schema's
   * structs, with a public no-argument constructor. {@code AssocDefaults.class} itself, the
   * default, means none.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends AssocDefaults> defaults() default AssocDefaults.class;

  /**
   * Whether a change {@code castAssoc} makes to this association runs this schema's update even when
   * none of its fields changed, touching its {@code updated_at}, Ecto's
   * {@code force_update_on_change} (true by default, as in Ecto). {@code AssocOption.forceUpdateOnChange}
   * overrides it for one call; {@code putAssoc} never forces the update.
   */
  boolean forceUpdateOnChange() default true;
}
