package io.ecto4j.meta;

import io.ecto4j.query.NumericExpression;
import io.ecto4j.schema.Autogenerate;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;

/**
 * A field holding a number ({@code int}, {@code long}, {@code double}, {@code BigDecimal}, …):
 * generated companions declare numeric fields with it ({@link Field#number}), so that they compare with number literals,
 * {@code Products.PRICE.gt(10)} (see {@link NumericExpression}). Everything else is a {@link Field}.
 *
 * @param <S> the struct the field belongs to
 * @param <V> the field's Java type (boxed for primitives)
 */
public final class NumberField<S, V extends Number> extends Field<S, V> implements NumericExpression<V> {

  NumberField(Field<S, V> field) {
    super(field);
  }

  @Override
  public NumberField<S, V> notNull() {
    return new NumberField<>(super.notNull());
  }

  @Override
  public NumberField<S, V> primitive() {
    return new NumberField<>(super.primitive());
  }

  @Override
  public NumberField<S, V> redacted() {
    return new NumberField<>(super.redacted());
  }

  @Override
  public NumberField<S, V> constant(String constant) {
    return new NumberField<>(super.constant(constant));
  }

  @Override
  public NumberField<S, V> writable(Writable writable, WritableViolation onViolation) {
    return new NumberField<>(super.writable(writable, onViolation));
  }

  @Override
  public NumberField<S, V> readAfterWrites() {
    return new NumberField<>(super.readAfterWrites());
  }

  @Override
  public NumberField<S, V> notLoadedInQuery() {
    return new NumberField<>(super.notLoadedInQuery());
  }

  @Override
  public NumberField<S, V> autogenerate(Autogenerate<? extends V> generator) {
    return new NumberField<>(super.autogenerate(generator));
  }
}
