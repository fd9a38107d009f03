package io.ecto4j.repo;

import io.ecto4j.EctoException;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.internal.ConstraintNames;
import io.ecto4j.internal.English;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL reported a constraint violation the changeset did not declare. The message names the
 * constraint and the changeset call that would turn the violation into an error instead.
 */
public final class ConstraintException extends EctoException {
  private final String constraint;
  private final Constraint.Type type;

  ConstraintException(Changeset<?> changeset, Constraint.Type type, String constraint, QueryException cause) {
    super(message(changeset, type, constraint), cause);
    this.constraint = constraint;
    this.type = type;
  }

  /** The violated constraint's name. */
  public String constraint() {
    return constraint;
  }

  public Constraint.Type type() {
    return type;
  }

  private static String message(Changeset<?> changeset, Constraint.Type type, String constraint) {
    Table<?> table = changeset.table();
    String action = changeset.action().map(a -> a.name().toLowerCase()).orElse("write");
    String schema = table.schemaName();
    StringBuilder text = new StringBuilder("constraint error when attempting to ").append(action).append(' ')
        .append(English.withArticle(schema)).append(":\n\n    * \"").append(constraint).append("\" (")
        .append(type.name().toLowerCase().replace('_', ' ')).append(" constraint)\n\n")
        .append("To turn this violation into a changeset error instead of an exception, declare it:\n\n    ")
        .append(suggestion(table, type, constraint)).append("\n\n");
    if (changeset.constraints().isEmpty()) {
      return text.append("The changeset declares no constraints.").toString();
    }
    text.append("The changeset declares:\n");
    for (Constraint declared : changeset.constraints()) {
      text.append("\n    * \"").append(declared.name()).append("\" (").append(declared.errorType())
          .append(", match ").append(declared.match().name().toLowerCase()).append(')');
    }
    return text.toString();
  }

  /** The declaration that matches, guessed from Ecto's naming conventions. */
  static String suggestion(Table<?> table, Constraint.Type type, String constraint) {
    String named = ", Constraint.name(\"" + constraint + "\"))";
    return switch (type) {
      case UNIQUE -> fieldNamedBy(table, constraint, column -> ConstraintNames.index(table.name(), List.of(column)))
          .map(f -> "changeset.uniqueConstraint(" + f + ")")
          .orElse("changeset.uniqueConstraint(<field or fields>" + named);
      case FOREIGN_KEY -> fieldNamedBy(table, constraint, column -> ConstraintNames.foreignKey(table.name(), column))
          .map(f -> "changeset.foreignKeyConstraint(" + f + ")   // or assocConstraint(<its belongs_to>)")
          .or(() -> childAssociation(table, constraint).map(a -> "changeset.noAssocConstraint(" + a + ")"))
          .orElse("changeset.foreignKeyConstraint(<field>" + named);
      case CHECK -> "changeset.checkConstraint(<field>" + named;
      case EXCLUSION -> fieldNamedBy(table, constraint, column -> ConstraintNames.exclusion(table.name(), column))
          .map(f -> "changeset.exclusionConstraint(" + f + ")")
          .orElse("changeset.exclusionConstraint(<field>" + named);
    };
  }

  /** The field whose default constraint name, by {@code naming} its column, is {@code constraint}. */
  private static Optional<String> fieldNamedBy(Table<?> table, String constraint, UnaryOperator<String> naming) {
    for (Field<?, ?> field : table.fields()) {
      if (constraint.equals(naming.apply(field.column()))) {
        return Optional.of(field.constant());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> childAssociation(Table<?> table, String constraint) {
    for (Association<?, ?> association : table.associations()) {
      if (association.kind() != Association.Kind.BELONGS_TO
          && constraint.equals(ConstraintNames.foreignKey(association.related().name(), association.relatedKey()))) {
        return Optional.of(association.toString());
      }
    }
    return Optional.empty();
  }
}
