package io.ecto4j.meta;

import io.ecto4j.schema.Autogenerate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code inserted_at}/{@code updated_at} pair of a schema, and how to stamp a struct with the
 * current time in the field's own type, at microsecond precision.
 *
 * <pre>{@code
 * PostStruct stamped = Posts.SCHEMA.timestamps().orElseThrow().onInsert(post, Instant.now());
 * }</pre>
 *
 * @param <S> the struct
 */
public final class Timestamps<S> {
  private final StampedField<S, ?> insertedAt;
  private final Optional<StampedField<S, ?>> updatedAt;
  /** What makes the timestamps instead of the clock ({@code @Timestamps(autogenerate = …)}); null for the clock. */
  private final Autogenerate<?> generator;

  private Timestamps(StampedField<S, ?> insertedAt, StampedField<S, ?> updatedAt, Autogenerate<?> generator) {
    this.insertedAt = insertedAt;
    this.updatedAt = Optional.ofNullable(updatedAt);
    this.generator = generator;
  }

  /**
   * These timestamps, made by {@code generator} instead of the repo's clock (Ecto's
   * {@code timestamps(autogenerate: {M, F, A})}): one value for both on insert, and
   * {@code updated_at}'s on update. It must make values of the timestamps' type.
   */
  public Timestamps<S> autogenerate(Autogenerate<?> generator) {
    return new Timestamps<>(insertedAt, updatedAt.orElse(null), Objects.requireNonNull(generator, "generator"));
  }

  /** {@code Instant} timestamps; {@code updatedAt} may be null. */
  public static <S> Timestamps<S> ofInstant(Field<S, Instant> insertedAt, Field<S, Instant> updatedAt) {
    return of(insertedAt, updatedAt, now -> now);
  }

  /** {@code OffsetDateTime} timestamps at UTC; {@code updatedAt} may be null. */
  public static <S> Timestamps<S> ofOffsetDateTime(
      Field<S, OffsetDateTime> insertedAt, Field<S, OffsetDateTime> updatedAt) {
    return of(insertedAt, updatedAt, now -> now.atOffset(ZoneOffset.UTC));
  }

  /** {@code LocalDateTime} timestamps in UTC; {@code updatedAt} may be null. */
  public static <S> Timestamps<S> ofLocalDateTime(
      Field<S, LocalDateTime> insertedAt, Field<S, LocalDateTime> updatedAt) {
    return of(insertedAt, updatedAt, now -> LocalDateTime.ofInstant(now, ZoneOffset.UTC));
  }

  private static <S, T> Timestamps<S> of(Field<S, T> insertedAt, Field<S, T> updatedAt, Function<Instant, T> convert) {
    return new Timestamps<>(
        new StampedField<>(insertedAt, convert),
        updatedAt == null ? null : new StampedField<>(updatedAt, convert), null);
  }

  public Field<S, ?> insertedAt() {
    return insertedAt.field();
  }

  public Optional<Field<S, ?>> updatedAt() {
    return updatedAt.map(StampedField::field);
  }

  /**
   * {@code struct} with both timestamps set to {@code now} (or the generator's one value) where they
   * are not set already.
   */
  public S onInsert(S struct, Instant now) {
    boolean unset = insertedAt.isUnset(struct) || updatedAt.filter(field -> field.isUnset(struct)).isPresent();
    if (!unset) {
      return struct;
    }
    Object generated = generator == null ? null : generator.generate();
    S stamped = insertedAt.stampIfUnset(struct, now, generated);
    return updatedAt.isPresent() ? updatedAt.get().stampIfUnset(stamped, now, generated) : stamped;
  }

  /** The value {@code updated_at} takes on an update at {@code now}, if the schema has one. */
  public Optional<Object> updateValue(Instant now) {
    return updatedAt.map(field -> generator == null ? field.value(now) : field.field().castValue(generator.generate()));
  }

  private record StampedField<S, T>(Field<S, T> field, Function<Instant, T> convert) {
    boolean isUnset(S struct) {
      return field.get(struct) == null;
    }

    /** {@code struct} with the field set, if unset, to {@code generated} or else the time {@code now}. */
    S stampIfUnset(S struct, Instant now, Object generated) {
      if (!isUnset(struct)) {
        return struct;
      }
      return field.set(struct, generated == null ? value(now) : field.castValue(generated));
    }

    // Through the field's type, which truncates to its precision (seconds for TimePrecision.SECONDS).
    T value(Instant now) {
      return field.type().cast(convert.apply(now.truncatedTo(ChronoUnit.MICROS))).value();
    }
  }
}
