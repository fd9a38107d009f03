package io.ecto4j.type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-field configuration of a parameterized {@link CustomType}, Ecto's
 * {@code Ecto.ParameterizedType.init/1} options: {@code @Field(using = Money.Type.class,
 * params = {"currency=EUR"})} constructs the field's one instance with {@code new Money.Type(params)}
 * where {@code params.require("currency")} is {@code "EUR"}. The processor checks the
 * {@code key=value} form at compile time; the type checks the values in its constructor.
 *
 * <pre>{@code
 * public Type(TypeParams params) {
 *   super(Money.class, Types.JSON_MAP, params);
 *   this.currency = params.require("currency");
 * }
 * }</pre>
 */
public final class TypeParams {
  private static final TypeParams NONE = new TypeParams(Map.of());

  private final Map<String, String> values;

  private TypeParams(Map<String, String> values) {
    this.values = values;
  }

  /** No parameters: what a plain type is constructed with. */
  public static TypeParams none() {
    return NONE;
  }

  /** Parameters from alternating keys and values, as generated companions write them: {@code of("currency", "EUR")}. */
  public static TypeParams of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("TypeParams.of takes keys and values in pairs, got "
          + keysAndValues.length + " strings");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(Objects.requireNonNull(keysAndValues[i], "key"), Objects.requireNonNull(keysAndValues[i + 1], "value"));
    }
    return new TypeParams(Collections.unmodifiableMap(values));
  }

  /** The value of {@code key}, if given. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException naming the key and the keys given, when it is missing
   */
  public String require(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("type parameter `" + key + "` is missing (given: " + values.keySet()
          + "); add \"" + key + "=…\" to @Field(params = …)");
    }
    return value;
  }

  /** Every parameter, in the order written. */
  public Map<String, String> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeParams other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@code currency=EUR, scale=2}, as written in {@code @Field(params = …)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    values.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value));
    return text.toString();
  }
}
