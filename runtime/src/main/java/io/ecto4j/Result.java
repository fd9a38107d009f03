package io.ecto4j;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a write: {@code Ok} with the value, or {@code Err} with the reason, Ecto's
 * {@code {:ok, struct} | {:error, changeset}}. Sealed: a value is exactly one of the two.
 *
 * <pre>{@code
 * Result<PostStruct, Changeset<PostStruct>> result = repo.insert(Post.changeset(new PostStruct(), params));
 * if (result instanceof Result.Ok<PostStruct, Changeset<PostStruct>> ok) {
 *   show(ok.value());
 * } else if (result instanceof Result.Err<PostStruct, Changeset<PostStruct>> err) {
 *   render(err.error().errors());
 * }
 * }</pre>
 *
 * @param <T> the success value
 * @param <E> the error value
 */
public sealed interface Result<T, E> {

  static <T, E> Result<T, E> ok(T value) {
    return new Ok<>(value);
  }

  static <T, E> Result<T, E> err(E error) {
    return new Err<>(error);
  }

  /** Success. */
  record Ok<T, E>(T value) implements Result<T, E> {}

  /** Failure. */
  record Err<T, E>(E error) implements Result<T, E> {
    public Err {
      Objects.requireNonNull(error, "error");
    }
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  default boolean isErr() {
    return this instanceof Err;
  }

  /** The value, or an {@link IllegalStateException} describing the error. */
  default T orElseThrow() {
    return orElseThrow(error -> new IllegalStateException("expected Ok but got Err: " + error));
  }

  /** The value, or the exception {@code toException} makes of the error. */
  default <X extends RuntimeException> T orElseThrow(Function<? super E, X> toException) {
    if (this instanceof Ok<T, E> ok) {
      return ok.value();
    }
    throw toException.apply(((Err<T, E>) this).error());
  }

  /** The success value transformed, errors passed through. */
  default <U> Result<U, E> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T, E> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Err<>(((Err<T, E>) this).error());
  }
}
