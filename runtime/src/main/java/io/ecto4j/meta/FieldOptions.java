package io.ecto4j.meta;

import io.ecto4j.schema.Autogenerate;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;

/**
 * The options of a field that change how the repo writes and reads it, Ecto's {@code writable},
 * {@code on_writable_violation}, {@code read_after_writes}, {@code load_in_query} and
 * {@code autogenerate}; kept together so that {@link Field} carries them as one value.
 *
 * @param autogenerate null when the field has none
 */
record FieldOptions<V>(Writable writable, WritableViolation onViolation, boolean readAfterWrites,
    boolean loadInQuery, Autogenerate<? extends V> autogenerate) {

  static <V> FieldOptions<V> defaults() {
    return new FieldOptions<>(Writable.ALWAYS, WritableViolation.NOTHING, false, true, null);
  }

  FieldOptions<V> withWritable(Writable changed, WritableViolation violation) {
    if (violation == WritableViolation.INHERIT) {
      throw new IllegalArgumentException("onWritableViolation INHERIT is resolved at compile time; give NOTHING, WARN or"
          + " RAISE");
    }
    return new FieldOptions<>(changed, violation, readAfterWrites, loadInQuery, autogenerate);
  }

  FieldOptions<V> withReadAfterWrites() {
    return new FieldOptions<>(writable, onViolation, true, loadInQuery, autogenerate);
  }

  FieldOptions<V> withoutLoadInQuery() {
    return new FieldOptions<>(writable, onViolation, readAfterWrites, false, autogenerate);
  }

  FieldOptions<V> withAutogenerate(Autogenerate<? extends V> generator) {
    return new FieldOptions<>(writable, onViolation, readAfterWrites, loadInQuery, generator);
  }
}
