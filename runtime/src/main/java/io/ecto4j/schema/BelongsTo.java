package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This schema holds a foreign key to another, Ecto's {@code belongs_to :author, User}. The struct
 * gets the key ({@code authorId()}, column {@code author_id}) and a slot for the parent that is
 * loaded only by a preload.
 *
 * <pre>{@code
 * @BelongsTo User author();
 * @BelongsTo(foreignKey = "writer_id", onDelete = ReferenceAction.DELETE_ALL) User writer();
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface BelongsTo {
  /** The foreign key column; defaults to the association's name in snake_case + {@code _id}. */
  String foreignKey() default "";

  /** The referenced column of the parent; defaults to the parent's primary key. */
  String references() default "";

  /** Whether the foreign key accepts {@code NULL}. */
  boolean nullable() default true;

  /** What the database does on deleting the parent; used by the generated DDL. */
  ReferenceAction onDelete() default ReferenceAction.NOTHING;

  /** What a changeset does with loaded children its new value leaves out, unless {@code castAssoc} says. */
  OnReplace onReplace() default OnReplace.RAISE;

  /**
   * The column of the foreign key when it differs from {@link #foreignKey()}, which then names the
   * field only (Ecto's {@code source:}): {@code @BelongsTo(column = "author_uuid") User author()} keeps
   * the accessor {@code authorId()} over the column {@code author_uuid}.
   */
  String column() default "";

  /**
   * False when the schema declares the foreign key itself, as a {@code @Field} in the key's column
   * (Ecto's {@code define_field: false}): the association then adds no field of its own.
   * <pre>{@code
   * @Field Long permalinkId();
   * @BelongsTo(defineField = false) Permalink permalink();
   * }</pre>
   */
  boolean defineField() default true;

  /**
   * A column of the parent that must hold {@link #whereValue()} for the parent to be loaded through
   * this association, Ecto's {@code belongs_to :crazy_post, Post, where: [title: "crazypost"]}:
   * {@code @BelongsTo(foreignKey = "post_id", whereColumn = "published", whereValue = "true") Post
   * publishedPost()}. Applied to joins, preloads and {@code Association.of} (a parent that does not
   * match is not loaded); the column and the value's type are checked at compile time.
   * The shorthand of one {@code @Where(column = …, equal = …)} in {@link #where()}.
   */
  String whereColumn() default "";

  /** The value {@link #whereColumn()} must hold, as a literal of its type (e.g. {@code "true"}, {@code "42"}). */
  String whereValue() default "";

  /**
   * Filters on the parent only rows that pass all of belong to this association, Ecto's
   * {@code where:} keyword list: {@code @BelongsTo(foreignKey = "post_id", where = @Where(column = "archived_at", isNil =
   * true)) Post livePost()} (a parent that does not pass is not loaded). Each {@link Where} names a
   * column and one test: {@code equal}, {@code notEqual}, {@code in}, {@code notIn}, {@code isNil},
   * {@code notNil} or a {@code fragment}. Applied to joins, preloads and {@code Association.of}, as
   * {@link #whereColumn()}, which adds one more equality.
   */
  Where[] where() default {};

  /**
   * What a new child built by {@code castAssoc} or {@code putAssoc} starts with, Ecto's
   * {@code defaults:}: a class implementing {@link AssocDefaults} of the child's and this schema's
   * structs, with a public no-argument constructor. {@code AssocDefaults.class} itself, the
   * default, means none.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends AssocDefaults> defaults() default AssocDefaults.class;

  /**
   * The foreign key is part of the primary key, Ecto's {@code belongs_to :post, Post, primary_key: true}:
   * as {@link Field#primaryKey()}, on a schema with {@code PrimaryKey.Type.NONE}; a join schema
   * keyed by its two parents is the usual case.
   */
  boolean primaryKey() default false;

  /**
   * Whether a change {@code castAssoc} makes to this association runs this schema's update even when
   * none of its fields changed, touching its {@code updated_at}, Ecto's
   * {@code force_update_on_change} (true by default, as in Ecto). {@code AssocOption.forceUpdateOnChange}
   * overrides it for one call; {@code putAssoc} never forces the update.
   */
  boolean forceUpdateOnChange() default true;
}
