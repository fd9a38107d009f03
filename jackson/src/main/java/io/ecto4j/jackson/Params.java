package io.ecto4j.jackson;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A request body as the params that {@code Changeset.cast} reads, Phoenix's {@code params}: a JSON
 * object whose nested objects are maps and arrays lists, with numbers read without loss (integers as
 * {@code Long}, or {@code BigInteger} beyond; decimals as {@code BigDecimal}, never a rounded double).
 *
 * <pre>{@code
 * @PostMapping("/posts")
 * ResponseEntity<?> create(@RequestBody Params params) {
 *   Result<PostStruct, Changeset<PostStruct>> result = repo.insert(Post.changeset(new PostStruct(), params.asMap()));
 *   if (result instanceof Result.Err<PostStruct, Changeset<PostStruct>> err) {
 *     return ResponseEntity.unprocessableEntity().body(err.error());   // {"errors": …}
 *   }
 *   return ResponseEntity.status(201).body(result.orElseThrow());
 * }
 * }</pre>
 *
 * <p>A type of its own rather than {@code Map<String, Object>}, so that reading params changes how
 * no other map of the application is read; it is not a {@code Map} itself, so that it stays a value
 * that only a changeset interprets. {@link EctoJacksonModule} reads it, whatever the mapper's number
 * settings. Its {@code toString()} shows the keys only, as the values may be passwords.
 */
public final class Params {
  private final Map<String, Object> map;

  /** {@code map} must be unmodifiable all the way down; the deserializer builds it so. */
  Params(Map<String, Object> map) {
    this.map = Objects.requireNonNull(map, "map");
  }

  /**
   * The params, unmodifiable, keyed by the JSON names: pass them to {@code Changeset.cast}; a
   * nested object is what {@code castAssoc} reads for a to-one association, an array of objects
   * for a to-many one. Written back to JSON, params are this map.
   */
  @JsonValue
  public Map<String, Object> asMap() {
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Params params && map.equals(params.map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return "Params" + map.keySet();
  }
}
