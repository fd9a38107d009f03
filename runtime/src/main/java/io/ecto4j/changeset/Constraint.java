package io.ecto4j.changeset;

import java.util.Objects;
import java.util.Optional;

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

  /** How a declared name is compared with the one PostgreSQL reports. */
  public enum Match { EXACT, PREFIX, SUFFIX }

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
    };
  }

  /** An option of a constraint declaration: its name, match mode or message. */
  public static final class Option {
    final String name;
    final Match match;
    final String message;

    private Option(String name, Match match, String message) {
      this.name = name;
      this.match = match;
      this.message = message;
    }
  }

  /** The constraint's name, when it is not Ecto's default for the declaration. */
  public static Option name(String name) {
    return new Option(Objects.requireNonNull(name, "name"), null, null);
  }

  /** How the name is matched: exactly (default), as a prefix, or as a suffix. */
  public static Option match(Match match) {
    return new Option(null, Objects.requireNonNull(match, "match"), null);
  }

  /** The error message, instead of Ecto's default for the kind. */
  public static Option message(String message) {
    return new Option(null, null, Objects.requireNonNull(message, "message"));
  }

  static Constraint of(Type type, String defaultName, String field, String defaultMessage, String errorType,
      Option... options) {
    String name = defaultName;
    Match match = Match.EXACT;
    String message = defaultMessage;
    for (Option option : options) {
      name = option.name != null ? option.name : name;
      match = option.match != null ? option.match : match;
      message = option.message != null ? option.message : message;
    }
    return new Constraint(type, name, match, field, message, errorType);
  }
}
