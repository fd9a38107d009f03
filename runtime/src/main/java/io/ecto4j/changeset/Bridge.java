package io.ecto4j.changeset;

import io.ecto4j.internal.AssociationChange;
import io.ecto4j.internal.ChangesetInternals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import java.util.Map;
import java.util.Optional;

/** The repo's way into changesets ({@link io.ecto4j.internal}). */
final class Bridge implements ChangesetInternals {
  @Override
  @SuppressWarnings("unchecked")
  public <S extends Struct<S>> Map<Association<S, ?>, AssociationChange<?>> assocChanges(Changeset<S> changeset) {
    return (Map<Association<S, ?>, AssociationChange<?>>) (Map<?, ?>) changeset.assocChanges();
  }

  /** Every {@link AssociationChange} is an {@link AssocChange}: only this package makes them. */
  @Override
  public <S extends Struct<S>, C extends Struct<C>> Changeset<S> withAssocChange(Changeset<S> changeset,
      Association<S, C> association, AssociationChange<C> change) {
    return changeset.withAssocChange(association, (AssocChange<C>) change);
  }

  @Override
  public Optional<Constraint> constraintFor(Changeset<?> changeset, Constraint.Type type, String name) {
    return changeset.constraintFor(type, name);
  }

  @Override
  public <S extends Struct<S>> Changeset<S> prepared(Changeset<S> changeset, Object repo) {
    return changeset.prepared(repo);
  }

  @Override
  public boolean hasPreparers(Changeset<?> changeset) {
    return changeset.hasPreparers();
  }

  @Override
  public <S extends Struct<S>> Changeset<S> addConstraintError(Changeset<S> changeset, Constraint constraint,
      String reportedName) {
    return changeset.addConstraintError(constraint, reportedName);
  }

  @Override
  public <S extends Struct<S>> Changeset<S> surfaceAssocs(Changeset<S> changeset) {
    return Assocs.surface(changeset);
  }

  @Override
  public <S extends Struct<S>> Changeset<S> withErrorsOf(Changeset<S> changeset, Changeset<?> other) {
    return changeset.withErrorsOf(other);
  }

  @Override
  public <S extends Struct<S>> Changeset<S> withConstraintsOf(Changeset<S> changeset, Changeset<?> other) {
    return changeset.withConstraintsOf(other);
  }
}
