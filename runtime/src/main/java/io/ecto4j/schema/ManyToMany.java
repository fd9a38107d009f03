package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rows of two schemas related through a join table, Ecto's
 * {@code many_to_many :tags, Tag, join_through: "posts_tags"}. The join table is named, or is the
 * table of a join schema, Ecto's {@code join_through: PostTag}, when the join rows carry more than the
 * two keys (timestamps, a role, a position):
 *
 * <pre>{@code
 * @ManyToMany(joinThrough = "posts_tags") List<Tag> tags();
 *
 * @ManyToMany(joinSchema = Tagging.class) List<Tag> tags();   // Tagging: @BelongsTo Post, @BelongsTo Tag
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface ManyToMany {
  /** The join table by name; set this or {@link #joinSchema()}. */
  String joinThrough() default "";

  /**
   * The join schema whose table joins the two sides; set this or {@link #joinThrough()}. It must have
   * both key columns (usually as two {@code @BelongsTo}); the processor checks it and leaves the table's
   * DDL to the join schema.
   */
  Class<?> joinSchema() default void.class;

  /** The join table's column pointing at this schema; defaults to this schema's name + {@code _id}. */
  String joinKey() default "";

  /** The join table's column pointing at the related schema; defaults to its name + {@code _id}. */
  String inverseJoinKey() default "";

  /** What happens to join rows when an owner is deleted; used by the generated DDL. */
  ReferenceAction onDelete() default ReferenceAction.DELETE_ALL;

  /**
   * The order of the children when preloaded and in {@code Association.of}, Ecto's
   * {@code preload_order}: columns of the related schema, each optionally followed by {@code ASC} or
   * {@code DESC}, e.g. {@code "inserted_at DESC, id"}. Checked at compile time; a preload's own
   * {@code query(q -> q.orderBy(…))} sorts after it.
   */
  String preloadOrder() default "";

  /**
   * A column of the related schema that must hold {@link #whereValue()} for a row to belong to this
   * association, Ecto's {@code where: [text: "crazycomment"]}: {@code @ManyToMany(joinThrough =
   * "posts_tags", whereColumn = "official", whereValue = "true") List<Tag> officialTags()}. Applied to
   * joins, preloads and {@code Association.of}; the column and the value's type are checked at
   * compile time.
   * The shorthand of one {@code @Where(column = …, equal = …)} in {@link #where()}.
   */
  String whereColumn() default "";

  /** The value {@link #whereColumn()} must hold, as a literal of its type (e.g. {@code "true"}, {@code "42"}). */
  String whereValue() default "";

  /**
   * Filters on the related rows only rows that pass all of belong to this association, Ecto's
   * {@code where:} keyword list: {@code @ManyToMany(joinThrough = "posts_tags", where = @Where(column = "kind", in = {"topic",
   * "series"})) List<Tag> topics()}. Each {@link Where} names a
   * column and one test: {@code equal}, {@code notEqual}, {@code in}, {@code notIn}, {@code isNil},
   * {@code notNil} or a {@code fragment}. Applied to joins, preloads and {@code Association.of}, as
   * {@link #whereColumn()}, which adds one more equality.
   */
  Where[] where() default {};

  /**
   * A column of the {@link #joinSchema()} that must hold {@link #joinWhereValue()} for a join row to
   * link the two sides, Ecto's {@code join_where: [deleted: false]}: {@code @ManyToMany(joinSchema =
   * Tagging.class, joinWhereColumn = "deleted", joinWhereValue = "false") List<Tag> tags()}. Applied to
   * joins, preloads and {@code Association.of}, not to the join rows {@code putAssoc} writes. It
   * needs the join schema, whose field gives the value's type, checked at compile time.
   * The shorthand of one {@code @Where(column = …, equal = …)} in {@link #joinWhere()}.
   */
  String joinWhereColumn() default "";

  /** The value {@link #joinWhereColumn()} must hold, as a literal of its type. */
  String joinWhereValue() default "";

  /**
   * Filters on the {@link #joinSchema()}'s rows, as {@link #where()} on the related rows, Ecto's
   * {@code join_where:} keyword list: {@code @ManyToMany(joinSchema = Tagging.class, joinWhere =
   * @Where(column = "removed_at", isNil = true)) List<Tag> tags()}. Applied to joins, preloads and
   * {@code Association.of}, not to the join rows {@code putAssoc} writes; with
   * {@link #joinWhereColumn()}, which adds one more equality.
   */
  Where[] joinWhere() default {};

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

  /**
   * Ecto's {@code unique: true}: a {@code castAssoc} or {@code putAssoc} giving the same related row
   * twice marks the second {@code has already been taken} on its key, before anything is written. A
   * quick check for the user; keep a unique index on the join table's two columns as well.
   */
  boolean unique() default false;
}
