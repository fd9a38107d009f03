package io.ecto4j.meta;

import io.ecto4j.query.Condition;
import io.ecto4j.query.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One entry of an association's declared {@code where}, or of a many-to-many's {@code joinWhere}:
 * a test on one field of the rows that belong, Ecto's
 * {@code where: [published: true, deleted_at: nil, state: {:in, ["draft", "review"]}]}. The
 * processor generates them from {@code @Where} (or {@code whereColumn}/{@code whereValue}), one kind
 * per Ecto value form, plus the negations Ecto's keyword list cannot write:
 *
 * <pre>{@code
 * AssociationFilter.equal(() -> Comments.PUBLISHED, true)              // published = ?
 * AssociationFilter.notEqual(() -> Comments.STATE, "spam")             // state <> ?
 * AssociationFilter.in(() -> Comments.STATE, List.of("new", "seen"))   // state = ANY(?)
 * AssociationFilter.notIn(() -> Comments.STATE, List.of("spam"))       // NOT (state = ANY(?))
 * AssociationFilter.isNil(() -> Comments.DELETED_AT)                   // deleted_at IS NULL
 * AssociationFilter.notNil(() -> Comments.DELETED_AT)                  // deleted_at IS NOT NULL
 * AssociationFilter.fragment(() -> Comments.BODY, "length(?) > 100")   // length(c."body") > 100
 * }</pre>
 *
 * <p>Values are bound parameters. A fragment's text is a literal of the schema's source and its one
 * {@code ?} stands for the field, qualified by whichever alias the query gives the filtered table,
 * as Ecto's {@code {:fragment, "LEN(?) > 100"}} receives the field as its only argument. As in SQL,
 * {@code notEqual} and {@code notIn} leave out rows whose field is {@code NULL}.
 *
 * <p>The field is reached through a supplier because companions refer to each other and are
 * initialised one after the other.
 *
 * @param <S> the struct of the filtered table: the related schema, or a many-to-many's join schema
 */
public sealed interface AssociationFilter<S> {

  /** {@code field = value}, Ecto's {@code where: [field: value]}. */
  static <S, V> AssociationFilter<S> equal(Supplier<Field<S, V>> field, V value) {
    return new Compare<>(field, value, false);
  }

  /** {@code field <> value}; a row whose field is {@code NULL} does not belong either. */
  static <S, V> AssociationFilter<S> notEqual(Supplier<Field<S, V>> field, V value) {
    return new Compare<>(field, value, true);
  }

  /** {@code field = ANY(?)}, Ecto's {@code where: [field: {:in, values}]}. */
  static <S, V> AssociationFilter<S> in(Supplier<Field<S, V>> field, List<V> values) {
    return new In<>(field, values, false);
  }

  /** {@code NOT (field = ANY(?))}; a row whose field is {@code NULL} does not belong either. */
  static <S, V> AssociationFilter<S> notIn(Supplier<Field<S, V>> field, List<V> values) {
    return new In<>(field, values, true);
  }

  /** {@code field IS NULL}, Ecto's {@code where: [field: nil]}. */
  static <S> AssociationFilter<S> isNil(Supplier<? extends Field<S, ?>> field) {
    return new Nil<>(field, false);
  }

  /** {@code field IS NOT NULL}, Ecto's {@code where: [field: {:not, nil}]}. */
  static <S> AssociationFilter<S> notNil(Supplier<? extends Field<S, ?>> field) {
    return new Nil<>(field, true);
  }

  /**
   * A condition in SQL whose one {@code ?} is the field, Ecto's
   * {@code where: [field: {:fragment, "LEN(?) > 100"}]}.
   */
  static <S> AssociationFilter<S> fragment(Supplier<? extends Field<S, ?>> field, String sql) {
    return new Fragment<>(field, sql);
  }

  /**
   * The filter as a condition on the field where {@code column} puts it: the field itself, or its
   * column under the alias the query gives the filtered table. {@code column} must return an
   * expression of the field's own type.
   */
  Condition on(Function<Field<S, ?>, Expression<?>> column);

  /** The filter on the field itself, unqualified: for a query of the filtered table alone. */
  default Condition condition() {
    return on(field -> field);
  }

  /** {@code field = value} or, negated, {@code field <> value}. */
  record Compare<S, V>(Supplier<Field<S, V>> field, V value, boolean negated) implements AssociationFilter<S> {
    public Compare {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value; filter with isNil(field) for NULL");
    }

    @Override
    public Condition on(Function<Field<S, ?>, Expression<?>> column) {
      Expression<V> operand = typed(column, field.get());
      return negated ? operand.ne(value) : operand.eq(value);
    }
  }

  /** {@code field = ANY(?)} or, negated, {@code NOT (field = ANY(?))}. */
  record In<S, V>(Supplier<Field<S, V>> field, List<V> values, boolean negated) implements AssociationFilter<S> {
    public In {
      Objects.requireNonNull(field, "field");
      values = List.copyOf(values);
    }

    @Override
    public Condition on(Function<Field<S, ?>, Expression<?>> column) {
      Expression<V> operand = typed(column, field.get());
      return negated ? operand.notIn(values) : operand.in(values);
    }
  }

  /** {@code field IS NULL} or, negated, {@code field IS NOT NULL}. */
  record Nil<S>(Supplier<? extends Field<S, ?>> field, boolean negated) implements AssociationFilter<S> {
    public Nil {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public Condition on(Function<Field<S, ?>, Expression<?>> column) {
      Expression<?> operand = column.apply(field.get());
      return negated ? operand.isNotNull() : operand.isNull();
    }
  }

  /** A SQL condition whose one {@code ?} is the field. */
  record Fragment<S>(Supplier<? extends Field<S, ?>> field, String sql) implements AssociationFilter<S> {
    public Fragment {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(sql, "sql");
    }

    @Override
    public Condition on(Function<Field<S, ?>, Expression<?>> column) {
      return Condition.fragment(sql, column.apply(field.get()));
    }
  }

  /** The field's column where {@code column} puts it, of the field's type as {@link #on} requires. */
  @SuppressWarnings("unchecked")
  private static <S, V> Expression<V> typed(Function<Field<S, ?>, Expression<?>> column, Field<S, V> field) {
    return (Expression<V>) column.apply(field);
  }
}
