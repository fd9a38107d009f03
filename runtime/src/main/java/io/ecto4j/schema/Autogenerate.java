package io.ecto4j.schema;

/**
 * Makes the value of a field the insert left unset, Ecto's {@code autogenerate: {M, F, A}}. Name the
 * class on the field; the companion makes one instance with its public no-argument constructor and
 * the repo calls it for every {@code insert} whose value for the field is null ({@code insertAll}, as
 * Ecto's {@code insert_all}, does not).
 *
 * <pre>{@code
 * public final class Slugs implements Autogenerate<String> {
 *   public String generate() { return "p-" + UUID.randomUUID(); }
 * }
 *
 * @Field(autogenerate = Slugs.class) String slug();
 * }</pre>
 *
 * <p>On {@code @Timestamps(autogenerate = …)} it makes both timestamps on insert and
 * {@code updated_at} on update, instead of the repo's clock.
 *
 * @param <V> the field's Java type (boxed for primitives)
 */
@FunctionalInterface
public interface Autogenerate<V> {
  /** A new value for the field; called once per inserted row. */
  V generate();
}
