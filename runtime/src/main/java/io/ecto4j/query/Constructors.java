package io.ecto4j.query;

/**
 * The shapes of constructors {@code query.select(Row::new, a, b, c, …)} accepts, for 3 to 8
 * values (1 and 2 take {@link java.util.function.Function} and
 * {@link java.util.function.BiFunction}). You pass a record's constructor reference; these types
 * rarely need naming.
 */
public final class Constructors {
  private Constructors() {}

  @FunctionalInterface
  public interface Of3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  @FunctionalInterface
  public interface Of4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
  }

  @FunctionalInterface
  public interface Of5<A, B, C, D, E, R> {
    R apply(A a, B b, C c, D d, E e);
  }

  @FunctionalInterface
  public interface Of6<A, B, C, D, E, F, R> {
    R apply(A a, B b, C c, D d, E e, F f);
  }

  @FunctionalInterface
  public interface Of7<A, B, C, D, E, F, G, R> {
    R apply(A a, B b, C c, D d, E e, F f, G g);
  }

  @FunctionalInterface
  public interface Of8<A, B, C, D, E, F, G, H, R> {
    R apply(A a, B b, C c, D d, E e, F f, G g, H h);
  }
}
