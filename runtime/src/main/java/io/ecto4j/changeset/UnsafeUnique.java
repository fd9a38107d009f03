package io.ecto4j.changeset;

/**
 * Options of {@link Changeset#unsafeValidateUnique(java.util.function.Predicate, java.util.List, UnsafeUnique...)},
 * Ecto's {@code unsafe_validate_unique/4} options. A base query ({@code query:}), a prefix and repo
 * options belong to the {@code exists} function: {@code q -> repo.exists(q.where(…))}.
 *
 * <pre>{@code
 * changeset.unsafeValidateUnique(repo::exists, List.of(Users.EMAIL),
 *     UnsafeUnique.message("is taken"), UnsafeUnique.errorKey("login"));
 * }</pre>
 */
public final class UnsafeUnique {
  final String message;
  final String errorKey;
  final Boolean nullsDistinct;

  private UnsafeUnique(String message, String errorKey, Boolean nullsDistinct) {
    this.message = message;
    this.errorKey = errorKey;
    this.nullsDistinct = nullsDistinct;
  }

  /** The error's message instead of {@code has already been taken}. */
  public static UnsafeUnique message(String message) {
    return new UnsafeUnique(java.util.Objects.requireNonNull(message, "message"), null, null);
  }

  /** The key the error goes on instead of the first field's name, Ecto's {@code error_key:}. */
  public static UnsafeUnique errorKey(String key) {
    return new UnsafeUnique(null, java.util.Objects.requireNonNull(key, "key"), null);
  }

  /**
   * Null values count as equal, Ecto's {@code nulls_distinct: false} (for a {@code UNIQUE NULLS NOT
   * DISTINCT} index): a null field is compared with {@code IS NULL} instead of skipping the query.
   */
  public static UnsafeUnique nullsNotDistinct() {
    return new UnsafeUnique(null, null, false);
  }

  static UnsafeUnique combine(UnsafeUnique... options) {
    String message = "has already been taken";
    String errorKey = null;
    boolean nullsDistinct = true;
    for (UnsafeUnique option : options) {
      message = option.message != null ? option.message : message;
      errorKey = option.errorKey != null ? option.errorKey : errorKey;
      nullsDistinct = option.nullsDistinct != null ? option.nullsDistinct : nullsDistinct;
    }
    return new UnsafeUnique(message, errorKey, nullsDistinct);
  }
}
