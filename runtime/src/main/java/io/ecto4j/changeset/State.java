package io.ecto4j.changeset;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import java.util.List;
import java.util.Map;

/**
 * What a changeset's steps have produced so far: the changes, the association changes, the errors
 * and the action a repo attempted. Nearly every step replaces one of these; what the pipeline
 * declared is {@link Definition}.
 *
 * @param changes the changes, in the order they were made
 * @param assocChanges the association changes made by {@code castAssoc}/{@code putAssoc}
 * @param errors the errors, newest first
 * @param action the action a repo attempted, or null
 * @param invalidParams whether {@code cast} was given no params map (Ecto's {@code :invalid}): invalid without errors
 * @param embedChanges the embed changes made by {@code castEmbed}/{@code putEmbed}, whose applied values are in {@code changes}
 */
record State<S extends Struct<S>>(Map<Field<S, ?>, Object> changes,
    Map<Association<S, ?>, AssocChange<?>> assocChanges, List<ChangesetError> errors, Changeset.Action action,
    boolean invalidParams, Map<Embed<S, ?, ?>, EmbedChange<?>> embedChanges) {

  private static final State<?> NONE = new State<>(Map.of(), Map.of(), List.of(), null, false, Map.of());

  /** A state without embed changes. */
  State(Map<Field<S, ?>, Object> changes, Map<Association<S, ?>, AssocChange<?>> assocChanges,
      List<ChangesetError> errors, Changeset.Action action, boolean invalidParams) {
    this(changes, assocChanges, errors, action, invalidParams, Map.of());
  }

  /** No changes, no errors, no action; shared by every new changeset. */
  @SuppressWarnings("unchecked")
  static <S extends Struct<S>> State<S> none() {
    return (State<S>) NONE;
  }

  State<S> withChanges(Map<Field<S, ?>, Object> changes) {
    return new State<>(changes, assocChanges, errors, action, invalidParams, embedChanges);
  }

  State<S> withAssocChanges(Map<Association<S, ?>, AssocChange<?>> assocChanges) {
    return new State<>(changes, assocChanges, errors, action, invalidParams, embedChanges);
  }

  State<S> withEmbedChanges(Map<Embed<S, ?, ?>, EmbedChange<?>> embedChanges) {
    return new State<>(changes, assocChanges, errors, action, invalidParams, embedChanges);
  }

  State<S> withErrors(List<ChangesetError> errors) {
    return new State<>(changes, assocChanges, errors, action, invalidParams, embedChanges);
  }

  State<S> withAction(Changeset.Action action) {
    return new State<>(changes, assocChanges, errors, action, invalidParams, embedChanges);
  }

  State<S> withInvalidParams() {
    return new State<>(changes, assocChanges, errors, action, true, embedChanges);
  }
}
