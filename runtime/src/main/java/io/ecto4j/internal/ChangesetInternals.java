package io.ecto4j.internal;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import java.util.Map;
import java.util.Optional;

/** What the repo asks of a changeset when it writes one: its association changes and constraint errors. */
public interface ChangesetInternals {
  /** The association changes made by {@code castAssoc}/{@code putAssoc}, in the order made. */
  <S extends Struct<S>> Map<Association<S, ?>, AssociationChange<?>> assocChanges(Changeset<S> changeset);

  /** {@code changeset} with the association's change replaced, as the repo reports written children. */
  <S extends Struct<S>, C extends Struct<C>> Changeset<S> withAssocChange(Changeset<S> changeset, Association<S, C> association,
      AssociationChange<C> change);

  /** The declared constraint PostgreSQL's report of {@code type} on {@code name} matches, if any. */
  Optional<Constraint> constraintFor(Changeset<?> changeset, Constraint.Type type, String name);

  /**
   * {@code changeset} after its preparers ran, then those of its embeds' changesets (nested), each
   * given {@code repo} for {@code changeset.repo(Repo.class)}; the preparers are gone from it.
   */
  <S extends Struct<S>> Changeset<S> prepared(Changeset<S> changeset, Object repo);

  /** Whether {@code changeset} or one of its embeds' changesets (nested) has a preparer to run. */
  boolean hasPreparers(Changeset<?> changeset);

  /** {@code changeset} with the error {@code constraint} describes, when PostgreSQL reported it. */
  <S extends Struct<S>> Changeset<S> addConstraintError(Changeset<S> changeset, Constraint constraint, String reportedName);

  /** The changeset with the associations loaded on its data as association changes, for an insert. */
  <S extends Struct<S>> Changeset<S> surfaceAssocs(Changeset<S> changeset);

  /** {@code changeset} with {@code other}'s errors before its own: a join row's errors on its child. */
  <S extends Struct<S>> Changeset<S> withErrorsOf(Changeset<S> changeset, Changeset<?> other);

  /** {@code changeset} expecting {@code other}'s constraints too: a join row takes its owner's. */
  <S extends Struct<S>> Changeset<S> withConstraintsOf(Changeset<S> changeset, Changeset<?> other);
}
