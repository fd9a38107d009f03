package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One filter of an association's {@code where} (or a many-to-many's {@code joinWhere}), Ecto's
 * {@code where:} keyword list entry: a column of the filtered schema and exactly one test on it.
 * Every filter of the list must hold for a row to belong to the association, in joins
 * ({@code query.join(Posts.COMMENTS, c)} puts them in the ON), preloads (separate and join) and
 * {@code Association.of}. As in Ecto, writes do not set them: a child built or cast through the
 * association keeps the values it is given.
 *
 * <pre>{@code
 * @HasMany(where = @Where(column = "deleted_at", isNil = true)) List<Comment> liveComments();
 * @HasMany(where = {@Where(column = "state", in = {"new", "seen"}), @Where(column = "spam", equal = "false")})
 * List<Comment> visibleComments();
 * @HasMany(where = @Where(column = "body", fragment = "length(?) > 100")) List<Comment> longComments();
 * }</pre>
 *
 * <table>
 *   <caption>The tests, one per filter; Ecto's value form beside each</caption>
 *   <tr><th>attribute</th><th>SQL</th><th>Ecto</th></tr>
 *   <tr><td>{@code equal = "v"}</td><td>{@code column = ?}</td><td>{@code [column: v]}</td></tr>
 *   <tr><td>{@code notEqual = "v"}</td><td>{@code column <> ?}</td><td>— (not in Ecto)</td></tr>
 *   <tr><td>{@code in = {"a", "b"}}</td><td>{@code column = ANY(?)}</td><td>{@code [column: {:in, [a, b]}]}</td></tr>
 *   <tr><td>{@code notIn = {"a", "b"}}</td><td>{@code NOT (column = ANY(?))}</td><td>— (not in Ecto)</td></tr>
 *   <tr><td>{@code isNil = true}</td><td>{@code column IS NULL}</td><td>{@code [column: nil]}</td></tr>
 *   <tr><td>{@code notNil = true}</td><td>{@code column IS NOT NULL}</td><td>{@code [column: {:not, nil}]}</td></tr>
 *   <tr><td>{@code fragment = "length(?) > 100"}</td><td>the text, {@code ?} the column</td>
 *       <td>{@code [column: {:fragment, "length(?) > 100"}]}</td></tr>
 * </table>
 *
 * <p>Values are literals of the column's type ({@code "true"}, {@code "42"}, an enum constant's
 * name), checked at compile time and bound as parameters. A fragment's one {@code ?} is the column,
 * qualified with the alias the query gives the filtered table; write {@code ??} for a literal
 * question mark. {@code notEqual} and {@code notIn} leave out rows whose column is {@code NULL},
 * as SQL does.
 */
@Documented
@Target({})
@Retention(RetentionPolicy.CLASS)
public @interface Where {
  /** The filtered schema's column, e.g. {@code "deleted_at"}. */
  String column();

  /** The value the column must hold. */
  String equal() default "";

  /** The value the column must not hold. */
  String notEqual() default "";

  /** The values one of which the column must hold; at least one. */
  String[] in() default {};

  /** The values none of which the column may hold; at least one. */
  String[] notIn() default {};

  /** The column must be {@code NULL}. */
  boolean isNil() default false;

  /** The column must not be {@code NULL}. */
  boolean notNil() default false;

  /** A SQL condition whose one {@code ?} stands for the column. */
  String fragment() default "";
}
