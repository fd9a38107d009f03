package io.ecto4j.changeset;

import io.ecto4j.internal.ConstraintNames;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The constraint declarations of {@link Changeset}, with Ecto's default names
 * ({@code <table>_<column>_index}, {@code _fkey}, {@code _exclusion}), messages and error types.
 */
final class Constraints {
  private Constraints() {}

  static <S> Constraint unique(Table<S> table, List<Field<S, ?>> fields, Constraint.Option... options) {
    return Constraint.of(Constraint.Type.UNIQUE,
        () -> ConstraintNames.index(source(table), fields.stream().map(Field::column).toList()),
        fields.get(0).name(), "has already been taken", "unique", options);
  }

  static <S> Constraint foreignKey(Table<S> table, Field<S, ?> field, Constraint.Option... options) {
    return Constraint.of(Constraint.Type.FOREIGN_KEY, () -> ConstraintNames.foreignKey(source(table), field.column()),
        field.name(), "does not exist", "foreign", options);
  }

  /**
   * An association's {@code assocConstraint} without options, kept: it is the same on every call,
   * and a changeset pipeline declares it on every write (its name alone was a string built per call).
   */
  private static final Map<Association<?, ?>, Constraint> DEFAULT_ASSOC = new ConcurrentHashMap<>();

  static <S> Constraint assoc(Table<S> table, Association<S, ?> association, Constraint.Option... options) {
    if (association.kind() != Association.Kind.BELONGS_TO) {
      throw new IllegalArgumentException("assocConstraint needs a belongs_to association, " + association
          + " is " + association.kind() + "; use noAssocConstraint for has_one/has_many");
    }
    if (options.length == 0 && association.owner() == table) {
      Constraint kept = DEFAULT_ASSOC.get(association); // no capturing lambda for computeIfAbsent per call
      if (kept == null) {
        kept = declaredAssoc(table, association);
        DEFAULT_ASSOC.putIfAbsent(association, kept);
      }
      return kept;
    }
    return declaredAssoc(table, association, options);
  }

  private static <S> Constraint declaredAssoc(Table<S> table, Association<S, ?> association,
      Constraint.Option... options) {
    return Constraint.of(Constraint.Type.FOREIGN_KEY,
        ConstraintNames.foreignKey(table.name(), association.ownerKey()), association.name(), "does not exist",
        "assoc", options);
  }

  static Constraint noAssoc(Association<?, ?> association, Constraint.Option... options) {
    if (association.kind() != Association.Kind.HAS_MANY && association.kind() != Association.Kind.HAS_ONE) {
      throw new IllegalArgumentException("noAssocConstraint needs a has_one or has_many association, "
          + association + " is " + association.kind());
    }
    String message = association.kind() == Association.Kind.HAS_MANY
        ? "are still associated with this entry" : "is still associated with this entry";
    return Constraint.of(Constraint.Type.FOREIGN_KEY,
        ConstraintNames.foreignKey(association.related().name(), association.relatedKey()), association.name(), message,
        "no_assoc", options);
  }

  /** A check constraint has no default name: without {@code Constraint.name(…)} this says which to give. */
  static <S> Constraint check(Table<S> table, Field<S, ?> field, Constraint.Option... options) {
    Constraint constraint = Constraint.of(Constraint.Type.CHECK, "", field.name(), "is invalid", "check", options);
    if (constraint.name().isEmpty()) {
      throw new IllegalArgumentException("checkConstraint on " + field + " needs the constraint's name: "
          + "checkConstraint(" + field + ", Constraint.name(\"" + source(table) + "_" + field.column() + "_check\"))");
    }
    return constraint;
  }

  /**
   * The table a default constraint name starts with; a schemaless changeset has none, so its
   * constraints must be named, as in Ecto.
   */
  private static String source(Table<?> table) {
    if (table instanceof Schemaless<?>) {
      throw new IllegalArgumentException("cannot add constraint to changeset because it does not have a source, got: "
          + table + "; give the constraint's name with Constraint.name(\"…\")");
    }
    return table.name();
  }

  static <S> Constraint exclusion(Table<S> table, Field<S, ?> field, Constraint.Option... options) {
    return Constraint.of(Constraint.Type.EXCLUSION, () -> ConstraintNames.exclusion(source(table), field.column()),
        field.name(), "violates an exclusion constraint", "exclusion", options);
  }
}
