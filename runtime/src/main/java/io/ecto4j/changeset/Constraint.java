package io.ecto4j.changeset;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A database constraint a changeset expects, and the error it becomes when PostgreSQL reports it,
 * Ecto's {@code changeset.constraints} entry. Declared with {@code uniqueConstraint},
 * {@code foreignKeyConstraint}, {@code checkConstraint} and their siblings.
 *
 * <pre>{@code
 * changeset.uniqueConstraint(Users.EMAIL, Constraint.name("users_lower_email_index"), Constraint.message("is taken"));
 * }</pre>
 *
 * @param type the kind of constraint PostgreSQL reports
 * @param name the constraint's name, or the part of it {@code match} compares
 * @param match how {@code name} is compared with the reported name
 * @param field the name of the field (or association) the error is put on
 * @param message the error message
 * @param errorType the {@code constraint:} value of the error's metadata, e.g. {@code unique}, {@code assoc}
 */
public record Constraint(Type type, String name, Match match, String field, String message, String errorType) {

  /** The constraint kinds, by the SQLSTATE PostgreSQL reports for them. */
  public enum Type {
    /** SQLSTATE 23505. */
    UNIQUE("23505"),
    /** SQLSTATE 23503. */
    FOREIGN_KEY("23503"),
    /** SQLSTATE 23514. */
    CHECK("23514"),
    /** SQLSTATE 23P01. */
    EXCLUSION("23P01");

    private final String sqlState;

    Type(String sqlState) {
      this.sqlState = sqlState;
    }

    /** The SQLSTATE of a violation of this kind. */
    public String sqlState() {
      return sqlState;
    }

    /** The kind whose violations have {@code sqlState}, if any. */
    public static Optional<Type> ofSqlState(String sqlState) {
      for (Type type : values()) {
        if (type.sqlState.equals(sqlState)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * How a declared name is compared with the one PostgreSQL reports; {@code REGEX} is set by
   * {@link #name(java.util.regex.Pattern)}, whose pattern is found anywhere in the name, as Ecto's {@code Regex.match?}.
   */
  public enum Match { EXACT, PREFIX, SUFFIX, REGEX }

  public Constraint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(errorType, "errorType");
  }

  /** Whether a violation of {@code type} on the constraint {@code reportedName} is this one. */
  public boolean matches(Type reportedType, String reportedName) {
    if (reportedType != type || reportedName == null) {
      return false;
    }
    return switch (match) {
      case EXACT -> reportedName.equals(name);
      case PREFIX -> reportedName.startsWith(name);
      case SUFFIX -> reportedName.endsWith(name);
      case REGEX -> java.util.regex.Pattern.compile(name).matcher(reportedName).find();
    };
  }

  /** An option of a constraint declaration: its name, match mode, message or error key. */
  public static final class Option {
    final String name;
    final Match match;
    final String message;
    final String errorKey;
    final boolean regex;

    private Option(String name, Match match, String message, String errorKey, boolean regex) {
      this.name = name;
      this.match = match;
      this.message = message;
      this.errorKey = errorKey;
      this.regex = regex;
    }
  }

  /** The constraint's name, when it is not Ecto's default for the declaration. */
  public static Option name(String name) {
    return new Option(Objects.requireNonNull(name, "name"), null, null, null, false);
  }

  /**
   * Constraint names matching {@code pattern} anywhere, Ecto's {@code name: ~r/posts_title_index\d+/}
   * (for partitioned tables, whose indexes get numbered names); only {@code Match.EXACT} goes with it.
   */
  public static Option name(java.util.regex.Pattern pattern) {
    return new Option(Objects.requireNonNull(pattern, "pattern").pattern(), null, null, null, true);
  }

  /** How the name is matched: exactly (default), as a prefix, or as a suffix. */
  public static Option match(Match match) {
    if (Objects.requireNonNull(match, "match") == Match.REGEX) {
      throw new IllegalArgumentException("Match.REGEX is set by Constraint.name(Pattern), not by match(…)");
    }
    return new Option(null, match, null, null, false);
  }

  /** The error message, instead of Ecto's default for the kind. */
  public static Option message(String message) {
    return new Option(null, null, Objects.requireNonNull(message, "message"), null, false);
  }

  /**
   * The key the error goes on instead of the declaration's field, Ecto's {@code error_key:} (e.g. the
   * second field of a unique index over several).
   */
  public static Option errorKey(String key) {
    return new Option(null, null, null, Objects.requireNonNull(key, "key"), false);
  }

  static Constraint of(Type type, String defaultName, String field, String defaultMessage, String errorType,
      Option... options) {
    return of(type, () -> defaultName, field, defaultMessage, errorType, options);
  }

  /** As above, the default name made only when no option names the constraint (a schemaless changeset has none). */
  static Constraint of(Type type, Supplier<String> defaultName, String field, String defaultMessage,
      String errorType, Option... options) {
    String name = null;
    Match match = Match.EXACT;
    boolean regex = false;
    String message = defaultMessage;
    String errorKey = field;
    for (Option option : options) {
      name = option.name != null ? option.name : name;
      regex = option.name != null ? option.regex : regex;
      match = option.match != null ? option.match : match;
      message = option.message != null ? option.message : message;
      errorKey = option.errorKey != null ? option.errorKey : errorKey;
    }
    name = name != null ? name : defaultName.get();
    if (regex && match != Match.EXACT) {
      throw new IllegalArgumentException("a Pattern constraint name only allows match type EXACT, got: " + match);
    }
    return new Constraint(type, name, regex ? Match.REGEX : match, errorKey, message, errorType);
  }
}
