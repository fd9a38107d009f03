package io.ecto4j.multi;

import java.util.Objects;

/**
 * The typed name of a {@link Multi} step: what the step produces can be read back without a cast.
 *
 * <pre>{@code
 * static final Key<UserStruct> USER = Key.named("user");
 * UserStruct user = changes.get(USER);
 * }</pre>
 *
 * <p>Two keys with the same name are the same step name.
 *
 * @param <T> what the step produces
 */
public final class Key<T> {
  private final String name;

  private Key(String name) {
    this.name = name;
  }

  /** A key for the step {@code name}. */
  public static <T> Key<T> named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a step name must not be blank");
    }
    return new Key<>(name);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key<?> other && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
