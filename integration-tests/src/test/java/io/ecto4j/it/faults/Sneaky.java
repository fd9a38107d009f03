package io.ecto4j.it.faults;

/**
 * Throws a checked exception from code the compiler believes cannot throw one, as a Kotlin, Scala
 * or Groovy lambda, Lombok's {@code @SneakyThrows} or any generic rethrow can.
 */
final class Sneaky {
  private Sneaky() {}

  /** Never returns; its return type lets it stand where a value would. */
  static <T> T sneakyThrow(Throwable checked) {
    Sneaky.<RuntimeException>rethrow(checked);
    throw new AssertionError("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void rethrow(Throwable checked) throws E {
    throw (E) checked;
  }
}
