package io.ecto4j;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.repo.InvalidChangesetException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The outcome of a write: {@code Ok} with the value, or {@code Err} with the reason, Ecto's
 * {@code {:ok, struct} | {:error, changeset}}. Sealed: a value is exactly one of the two.
 *
 * <pre>{@code
 * Result<PostStruct, Changeset<PostStruct>> result = repo.insert(Post.changeset(new PostStruct(), params));
 * if (result.isErr()) {
 *   return render(result.error().errors());
 * }
 * show(result.value());
 * // or in one expression:
 * return result.fold(post -> created(post), changeset -> unprocessable(changeset.errors()));
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
  record Ok<T, E>(T value) implements Result<T, E> {
    /** An {@code Ok} has no error: asking is a bug in the caller, named with the value. */
    @Override
    public E error() {
      throw new IllegalStateException("error() of Ok(" + value + "): check isErr() first, or use fold");
    }
  }

  /** Failure. */
  record Err<T, E>(E error) implements Result<T, E> {
    public Err {
      Objects.requireNonNull(error, "error");
    }

    /** An {@code Err} has no value: {@link #orElseThrow()} says why, and this does too. */
    @Override
    public T value() {
      throw failure(error);
    }
  }

  /** The success value; on an {@code Err}, the exception {@link #orElseThrow()} throws. */
  T value();

  /** The error (the invalid changeset, the Multi's failure); on an {@code Ok}, an {@link IllegalStateException}. */
  E error();

  default boolean isOk() {
    return this instanceof Ok;
  }

  default boolean isErr() {
    return this instanceof Err;
  }

  /** The value, if this is {@code Ok}. */
  default Optional<T> ok() {
    return this instanceof Ok<T, E> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
  }

  /** The error, if this is {@code Err}. */
  default Optional<E> err() {
    return this instanceof Err<T, E> err ? Optional.of(err.error()) : Optional.empty();
  }

  /**
   * The value, or an exception that carries the error: {@link InvalidChangesetException} for an
   * invalid changeset (as Ecto's bang functions raise), the error itself when it is an unchecked
   * exception, else an {@link IllegalStateException} describing it.
   */
  default T orElseThrow() {
    return orElseThrow(Result::failure);
  }

  /** The value, or the exception {@code toException} makes of the error. */
  default <X extends RuntimeException> T orElseThrow(Function<? super E, X> toException) {
    if (this instanceof Ok<T, E> ok) {
      return ok.value();
    }
    throw toException.apply(((Err<T, E>) this).error());
  }

  /** The value, or {@code fallback} for an error. */
  default T orElse(T fallback) {
    return this instanceof Ok<T, E> ok ? ok.value() : fallback;
  }

  /** The value, or what {@code fallback} makes of the error. */
  default T orElseGet(Function<? super E, ? extends T> fallback) {
    return this instanceof Ok<T, E> ok ? ok.value() : fallback.apply(((Err<T, E>) this).error());
  }

  /** The success value transformed, errors passed through. */
  default <U> Result<U, E> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T, E> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Err<>(((Err<T, E>) this).error());
  }

  /** The error transformed, a value passed through: e.g. a changeset into the response a controller sends. */
  default <F> Result<T, F> mapError(Function<? super E, ? extends F> mapper) {
    if (this instanceof Err<T, E> err) {
      return new Err<>(mapper.apply(err.error()));
    }
    return new Ok<>(((Ok<T, E>) this).value());
  }

  /** The next step on the value, which may fail with the same kind of error; errors passed through. */
  default <U> Result<U, E> flatMap(Function<? super T, ? extends Result<U, E>> next) {
    if (this instanceof Ok<T, E> ok) {
      return next.apply(ok.value());
    }
    return new Err<>(((Err<T, E>) this).error());
  }

  /** One value out of either case, e.g. {@code result.fold(post -> created(post), cs -> unprocessable(cs))}. */
  default <R> R fold(Function<? super T, ? extends R> onOk, Function<? super E, ? extends R> onErr) {
    return this instanceof Ok<T, E> ok ? onOk.apply(ok.value()) : onErr.apply(((Err<T, E>) this).error());
  }

  /** Runs {@code action} on the value of an {@code Ok}; returns this result, for chaining. */
  default Result<T, E> ifOk(Consumer<? super T> action) {
    if (this instanceof Ok<T, E> ok) {
      action.accept(ok.value());
    }
    return this;
  }

  /** Runs {@code action} on the error of an {@code Err}; returns this result, for chaining. */
  default Result<T, E> ifErr(Consumer<? super E> action) {
    if (this instanceof Err<T, E> err) {
      action.accept(err.error());
    }
    return this;
  }

  /** The exception an unwrapped error becomes; see {@link #orElseThrow()}. */
  private static RuntimeException failure(Object error) {
    if (error instanceof Changeset<?> changeset) {
      return new InvalidChangesetException(changeset);
    }
    if (error instanceof RuntimeException exception) {
      return exception;
    }
    return new IllegalStateException("expected Ok but got Err: " + error,
        error instanceof Throwable cause ? cause : null);
  }
}
