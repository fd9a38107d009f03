package io.ecto4j.changeset;

import static io.ecto4j.changeset.Casting.orderedKeys;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.schema.OnReplace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An immutable record of changes to a struct, their errors, the constraints the database may
 * report, and the action attempted: Ecto's {@code Ecto.Changeset}. Nothing touches the database
 * until a repo is given the changeset.
 *
 * <pre>{@code
 * static Changeset<PostStruct> changeset(PostStruct post, Map<String, ?> params) {
 *   return Changeset.cast(post, params, Posts.TITLE, Posts.BODY, Posts.PUBLISHED)
 *       .validateRequired(Posts.TITLE, Posts.BODY)
 *       .validateLength(Posts.TITLE, Length.min(3), Length.max(200))
 *       .uniqueConstraint(Posts.TITLE);
 * }
 * }</pre>
 *
 * <p>Behaviour follows Ecto's documentation: params not permitted are ignored; empty strings
 * (and whitespace-only ones, except in a binary field) count as missing and become the field's
 * default; a value equal to the current one is no change; a value that cannot be cast is the error {@code is invalid} with
 * {@code validation: cast}; a validation skips a field without a change (so one whose cast failed);
 * {@link #errors()} lists the newest error first, as Ecto does. Typed fields make permitting another
 * schema's field a compile error.
 *
 * @param <S> the struct being changed
 */
public final class Changeset<S extends Struct<S>> {
  static {
    Internals.register(new Bridge());
  }


  /** What a repo did, or was asked to do, with the changeset. */
  public enum Action { INSERT, UPDATE, DELETE, REPLACE, IGNORE, VALIDATE }

  /**
   * Ecto's default empty values, {@code [""]}: a param is compared after its leading whitespace is
   * trimmed (except in a binary field), so {@code "  "} is empty in a string field.
   */
  public static final Predicate<Object> EMPTY_STRING = new CastOptions.EmptyValues(List.of(""));

  /** {@link #validateRequired(Field[])}'s message, built once rather than per call. */
  private static final Message CANT_BE_BLANK = Message.of("can't be blank");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private final S data;
  private final Definition<S> definition;
  private final State<S> state;
  /** The repo writing this changeset, set for its preparers (Ecto's {@code changeset.repo}); null until then. */
  private final Object repo;

  private Changeset(S data, Definition<S> definition, State<S> state) {
    this(data, definition, state, null);
  }

  private Changeset(S data, Definition<S> definition, State<S> state, Object repo) {
    this.data = data;
    this.definition = definition;
    this.state = state;
    this.repo = repo;
  }

  // ---------------------------------------------------------------- creating

  /** A changeset of {@code data} with no changes yet, Ecto's {@code change/1}. */
  public static <S extends Struct<S>> Changeset<S> change(S data) {
    return new Changeset<>(Objects.requireNonNull(data, "data"), Definition.none(), State.none());
  }

  /**
   * A changeset of {@code data} with {@code changes} applied as by {@link #putChange}, Ecto's
   * {@code change/2}. Values must be of each field's type.
   */
  public static <S extends Struct<S>> Changeset<S> change(S data, Map<Field<S, ?>, ?> changes) {
    Changeset<S> changeset = change(data);
    for (Map.Entry<Field<S, ?>, ?> entry : changes.entrySet()) {
      changeset = changeset.putUnchecked(entry.getKey(), entry.getValue());
    }
    return changeset;
  }

  private <V> Changeset<S> putUnchecked(Field<S, V> field, Object value) {
    return putChange(field, field.castValue(value));
  }

  /**
   * Casts external {@code params} (from a form or JSON) for the {@code permitted} fields onto
   * {@code data}, Ecto's {@code cast/3}. Never throws for bad params: they become errors.
   * A param is looked up by the field's name ({@code viewCount}), then its column ({@code view_count}).
   * Params are keyed by strings or by fields ({@code Map.of(Posts.TITLE, "Hi")}), not both.
   * Null params are Ecto's {@code :invalid}: the changeset is invalid, with no error and no change.
   */
  @SafeVarargs
  public static <S extends Struct<S>> Changeset<S> cast(S data, Map<?, ?> params, Field<S, ?>... permitted) {
    return change(data).cast(params, CastOptions.defaults(), Arrays.asList(permitted));
  }

  /** {@link #cast(Struct, Map, Field[])} with Ecto's options: empty values, forced changes, a message function. */
  @SafeVarargs
  public static <S extends Struct<S>> Changeset<S> cast(S data, Map<?, ?> params, CastOptions options,
      Field<S, ?>... permitted) {
    return change(data).cast(params, options, Arrays.asList(permitted));
  }

  /** Like {@link #cast(Struct, Map, Field[])} with Ecto's {@code empty_values:} option as a predicate. */
  public static <S extends Struct<S>> Changeset<S> cast(S data, Map<?, ?> params, List<Field<S, ?>> permitted,
      Predicate<Object> emptyValues) {
    return change(data).cast(params, CastOptions.defaults().emptyValues(emptyValues), permitted);
  }

  /** Casts more params onto this changeset; errors and changes add up, params merge. */
  @SafeVarargs
  public final Changeset<S> cast(Map<?, ?> params, Field<S, ?>... permitted) {
    return cast(params, CastOptions.defaults(), Arrays.asList(permitted));
  }

  /** {@link #cast(Map, Field[])} with Ecto's options. */
  @SafeVarargs
  public final Changeset<S> cast(Map<?, ?> params, CastOptions options, Field<S, ?>... permitted) {
    return cast(params, options, Arrays.asList(permitted));
  }

  private Changeset<S> cast(Map<?, ?> newParams, CastOptions options, List<Field<S, ?>> permitted) {
    Objects.requireNonNull(options, "options");
    Definition<S> declared = options.emptyValuesOrNull() == null ? definition
        : definition.withEmptyValues(options.emptyValuesOrNull());
    if (newParams == null) {
      // Ecto's :invalid: earlier params, changes and errors stay; the changeset is invalid.
      return with(declared, state.withInvalidParams());
    }
    Map<String, Object> safe = stringKeyed(newParams);
    Casting.Outcome<S> outcome = Casting.cast(data, table(), safe, permitted, changes(), declared.emptyValues(), options);
    CopyOnWrite<Map<Field<S, ?>, Object>> changes = CopyOnWrite.map(changes());
    changes.replace(new LinkedHashMap<>(outcome.changes()));
    List<ChangesetError> errors = outcome.newErrors().isEmpty()
        ? errors() : edited(errors(), all -> all.addAll(outcome.newErrors()));
    return with(declared.withParams(edited(definition.params(), all -> all.putAll(safe))),
        state.withChanges(changes.frozenMap()).withErrors(errors));
  }

  /**
   * Params keyed by strings, or by fields (read as their names); a map mixing both is refused as in
   * Ecto. Any other key (from an unchecked map) is ignored, as not permitted.
   */
  static Map<String, Object> stringKeyed(Map<?, ?> params) {
    Map<String, Object> safe = new LinkedHashMap<>();
    boolean strings = false;
    boolean fields = false;
    for (Map.Entry<?, ?> entry : params.entrySet()) {
      if (entry.getKey() instanceof String name) {
        strings = true;
        safe.put(name, entry.getValue());
      } else if (entry.getKey() instanceof Field<?, ?> field) {
        fields = true;
        safe.put(field.name(), entry.getValue());
      }
    }
    if (strings && fields) {
      // The keys only: the values may be passwords.
      throw new IllegalArgumentException(
          "expected params to be a map with field or string keys, got a map with mixed keys: " + params.keySet());
    }
    return safe;
  }

  // ---------------------------------------------------------------- reading

  /** The struct the changes apply to. */
  public S data() {
    return data;
  }

  /** The table of the struct. */
  public Table<S> table() {
    return data.schema();
  }

  /** The params given to {@code cast}, if it was called. */
  public Optional<Map<String, Object>> params() {
    return Optional.ofNullable(definition.params());
  }

  /** The changes, in the order they were made. */
  public Map<Field<S, ?>, Object> changes() {
    return state.changes();
  }

  /** The errors, newest first (Ecto's order); those of associations are in {@link #traverseErrors()}. */
  public List<ChangesetError> errors() {
    return state.errors();
  }

  /** The errors of {@code field}, newest first. */
  public List<ChangesetError> errorsOn(Field<S, ?> field) {
    return errors().stream().filter(e -> e.field().equals(field.name())).toList();
  }

  /** Whether the changeset and every association changeset in it have no errors. */
  public boolean isValid() {
    if (!errors().isEmpty() || state.invalidParams()) {
      return false;
    }
    // Asked on every write, mostly of none: no iterator over an empty map.
    return (assocChanges().isEmpty() || allValid(assocChanges().values(), AssocChange::isValid))
        && (state.embedChanges().isEmpty() || allValid(state.embedChanges().values(), EmbedChange::isValid));
  }

  private static <C> boolean allValid(Collection<C> changes, Predicate<C> valid) {
    for (C change : changes) {
      if (!valid.test(change)) {
        return false;
      }
    }
    return true;
  }

  /** The action a repo attempted, if any. */
  public Optional<Action> action() {
    return Optional.ofNullable(state.action());
  }

  /** The validations declared, newest first. */
  public List<Validation> validations() {
    return definition.validations();
  }

  /** The fields declared required. */
  public List<Field<S, ?>> required() {
    return definition.required();
  }

  /** The database constraints declared, newest first. */
  public List<Constraint> constraints() {
    return definition.constraints();
  }

  /** The extra conditions an update or delete must meet, such as an optimistic lock's version. */
  public Map<Field<S, ?>, Object> filters() {
    return definition.filters();
  }

  /**
   * The change to {@code field}, if there is one. A change to null is empty too: tell it from no
   * change with {@link #hasChange}, {@link #getChange(Field, Object)} or {@link #fetchChangeOrThrow}.
   */
  public <V> Optional<V> getChange(Field<S, V> field) {
    return Optional.ofNullable(field.castValue(changes().get(field)));
  }

  /** Whether {@code field} has a change (possibly to null). */
  public boolean hasChange(Field<S, ?> field) {
    return changes().containsKey(field);
  }

  /**
   * The change to {@code field}, which may be null, or {@code otherwise} when there is no change:
   * Ecto's {@code get_change/3} (a change to null gives null, not {@code otherwise}).
   */
  public <V> V getChange(Field<S, V> field, V otherwise) {
    return hasChange(field) ? field.castValue(changes().get(field)) : otherwise;
  }

  /**
   * The change to {@code field}, which may be null, Ecto's {@code fetch_change!/2}.
   *
   * @throws java.util.NoSuchElementException when {@code field} has no change, naming the changes
   */
  public <V> V fetchChangeOrThrow(Field<S, V> field) {
    if (!hasChange(field)) {
      throw new java.util.NoSuchElementException("key " + field.name() + " not found in: " + changesText());
    }
    return field.castValue(changes().get(field));
  }

  /** Whether {@code field} has a change, Ecto's {@code changed?/2}. */
  public boolean changed(Field<S, ?> field) {
    return hasChange(field);
  }

  /**
   * Whether {@code association} has a change, Ecto's {@code changed?/2} of an association (which
   * takes no {@code from:}/{@code to:}, so neither does this).
   */
  public boolean changed(Association<S, ?> association) {
    return assocChanges().containsKey(association);
  }

  /** Whether {@code field} has a change to a value the type deems the same as {@code to}, Ecto's {@code changed?(cs, f, to: v)}. */
  public <V> boolean changedTo(Field<S, V> field, V to) {
    return hasChange(field) && field.type().same(field.castValue(changes().get(field)), to);
  }

  /** Whether {@code field} has a change and its value in {@link #data()} is {@code from}, Ecto's {@code changed?(cs, f, from: v)}. */
  public <V> boolean changedFrom(Field<S, V> field, V from) {
    return hasChange(field) && field.type().same(field.get(data), from);
  }

  /** Whether {@code field} changed from {@code from} to {@code to}, Ecto's {@code changed?(cs, f, from: a, to: b)}. */
  public <V> boolean changed(Field<S, V> field, V from, V to) {
    return changedFrom(field, from) && changedTo(field, to);
  }

  /** The change to {@code field} if there is one, else its value in {@link #data()}. */
  public <V> V getField(Field<S, V> field) {
    return hasChange(field) ? field.castValue(changes().get(field)) : field.get(data);
  }

  /** {@link #getField} telling where the value came from, Ecto's {@code fetch_field/2}. */
  public <V> Fetched<V> fetchField(Field<S, V> field) {
    return hasChange(field)
        ? new Fetched<>(Fetched.Source.CHANGES, field.castValue(changes().get(field)))
        : new Fetched<>(Fetched.Source.DATA, field.get(data));
  }

  /**
   * The children of {@code association} as changesets, Ecto's {@code get_assoc(changeset, name,
   * :changeset)}: those of its change (each with the action the repo will take; a to-many's replaced
   * children included), else one {@code change(child)} per loaded child. A to-one gives at most one.
   *
   * <pre>{@code
   * changeset.putAssoc(Posts.COMMENTS, List.of(edited)).getAssoc(Posts.COMMENTS); // [edited, action: UPDATE]
   * }</pre>
   *
   * @throws IllegalStateException when the association is not loaded on stored data (preload it)
   */
  public <C extends Struct<C>> List<Changeset<C>> getAssoc(Association<S, C> association) {
    AssocChange<C> change = assocChange(association);
    if (change != null) {
      // A to-one's replaced child is the repo's business, as in Ecto, where the change holds the new child only.
      return association.kind().isToOne() ? change.kept() : change.children();
    }
    return Assocs.loaded(this, association).stream().map(Changeset::change).toList();
  }

  /**
   * The children of {@code association} after the change, if any, else as loaded: Ecto's
   * {@code get_field/2} (and {@code get_assoc(…, :struct)}) of an association. Children the change
   * deletes or replaces are left out; a to-one association gives at most one.
   *
   * @throws IllegalStateException when the association is not loaded on stored data (preload it)
   */
  public <C extends Struct<C>> List<C> getField(Association<S, C> association) {
    return fetchField(association).value();
  }

  /** {@link #getField(Association)} telling whether the children came from a change, Ecto's {@code fetch_field/2}. */
  public <C extends Struct<C>> Fetched<List<C>> fetchField(Association<S, C> association) {
    AssocChange<C> change = assocChange(association);
    return change != null ? new Fetched<>(Fetched.Source.CHANGES, change.applied())
        : new Fetched<>(Fetched.Source.DATA, Assocs.loaded(this, association));
  }

  @SuppressWarnings("unchecked")
  private <C extends Struct<C>> AssocChange<C> assocChange(Association<S, C> association) {
    return (AssocChange<C>) assocChanges().get(association);
  }

  /** The association changes made by {@code castAssoc}/{@code putAssoc}. */
  Map<Association<S, ?>, AssocChange<?>> assocChanges() {
    return state.assocChanges();
  }

  // ---------------------------------------------------------------- changing

  /**
   * Records {@code value} as the change to {@code field}; a value equal to the one in
   * {@link #data()} removes the change instead, as in Ecto.
   */
  public <V> Changeset<S> putChange(Field<S, V> field, V value) {
    if (field instanceof Embed<S, V, ?> embed) {
      return putEmbedValue(embed, value); // as Ecto's put_change of an embed: put_embed
    }
    if (field.type().same(field.get(data), value)) {
      return deleteChange(field);
    }
    return forceChange(field, value);
  }

  /** Records {@code value} as the change to {@code field} even when it equals the current value. */
  public <V> Changeset<S> forceChange(Field<S, V> field, V value) {
    V checked = field.castValue(value);
    return with(state.withChanges(edited(changes(), all -> all.put(field, checked))));
  }

  /** Drops the change to {@code field}, if any (and an embed's nested changesets with it). */
  public Changeset<S> deleteChange(Field<S, ?> field) {
    if (!hasChange(field)) {
      return this;
    }
    State<S> without = state.withChanges(edited(changes(), all -> all.remove(field)));
    return with(state.embedChanges().containsKey(field)
        ? without.withEmbedChanges(edited(state.embedChanges(), all -> all.remove(field))) : without);
  }

  /** Replaces the change to {@code field} with {@code update} of it, if there is one. */
  public <V> Changeset<S> updateChange(Field<S, V> field, UnaryOperator<V> update) {
    if (!hasChange(field)) {
      return this;
    }
    // As put_change: an update that lands back on the data's value is no change.
    return putChange(field, update.apply(field.castValue(changes().get(field))));
  }

  /**
   * This changeset combined with {@code other} of the same data, Ecto's {@code merge/2}: changes
   * and params merged ({@code other}'s win), errors, required fields, validations and constraints
   * joined without duplicates, preparers run this changeset's first, the action kept if only one has it.
   *
   * @throws IllegalArgumentException when the data, actions or empty values differ
   */
  public Changeset<S> merge(Changeset<S> other) {
    if (!data.equals(other.data)) {
      throw new IllegalArgumentException("different data when merging changesets");
    }
    Action action = identical(state.action(), other.state.action(), "actions");
    Definition<S> theirs = other.definition;
    if (!definition.emptyValues().equals(theirs.emptyValues())) {
      throw new IllegalArgumentException("different empty values (`" + definition.emptyValues() + "` and `"
          + theirs.emptyValues() + "`) when merging changesets");
    }
    Map<String, Object> params = definition.params() == null && theirs.params() == null ? null
        : edited(definition.params(), all -> all.putAll(theirs.params() == null ? Map.of() : theirs.params()));
    Definition<S> merged = definition.withParams(params)
        .withValidations(joined(validations(), other.validations()))
        .withRequired(joined(required(), other.required()))
        .withConstraints(joined(constraints(), other.constraints()))
        .withPrepare(edited(preparers(), all -> all.addAll(other.preparers())))
        .withFilters(edited(filters(), all -> all.putAll(other.filters())));
    State<S> combined = new State<>(edited(changes(), all -> all.putAll(other.changes())),
        edited(assocChanges(), all -> all.putAll(other.assocChanges())), joined(errors(), other.errors()), action,
        state.invalidParams() || other.state.invalidParams(),
        edited(state.embedChanges(), all -> all.putAll(other.state.embedChanges())));
    return with(merged, combined);
  }

  private static Action identical(Action mine, Action theirs, String what) {
    if (mine != null && theirs != null && mine != theirs) {
      throw new IllegalArgumentException("different " + what + " (`" + mine.name().toLowerCase() + "` and `"
          + theirs.name().toLowerCase() + "`) when merging changesets");
    }
    return mine != null ? mine : theirs;
  }

  /** {@code first} then the elements of {@code second} not in it, Ecto's {@code Enum.uniq(a ++ b)}. */
  private static <E> List<E> joined(List<E> first, List<E> second) {
    return edited(first, all -> second.stream().filter(e -> !all.contains(e)).forEach(all::add));
  }

  /** Adds an error on {@code field}, Ecto's {@code add_error/4}. */
  public Changeset<S> addError(Field<S, ?> field, String message, Map<String, Object> keys) {
    return addError(field.name(), message, keys);
  }

  /** Adds an error on {@code field} with no metadata. */
  public Changeset<S> addError(Field<S, ?> field, String message) {
    return addError(field.name(), message, Map.of());
  }

  private Changeset<S> addError(String field, String message, Map<String, Object> keys) {
    return withError(new ChangesetError(field, message, keys));
  }

  /**
   * This changeset with the error {@code constraint} describes, as a repo adds it when PostgreSQL
   * reports the constraint; see {@link #constraints()}.
   */
  Changeset<S> addConstraintError(Constraint constraint, String reportedName) {
    return addError(constraint.field(), constraint.message(),
        orderedKeys("constraint", constraint.errorType(), "constraint_name", reportedName));
  }

  /** This changeset marked with {@code action}. */
  public Changeset<S> withAction(Action action) {
    return action == state.action() ? this : with(state.withAction(action));
  }

  /** {@link #data()} with every change applied, regardless of errors, Ecto's {@code apply_changes/1}. */
  public S applyChanges() {
    S applied = data;
    // Associations first: a belongs_to sets its foreign key from the parent, and a change of that
    // key (the repo's, once the parent is written) then wins.
    if (!assocChanges().isEmpty()) { // no iterator over the (mostly empty) map on every write
      for (Map.Entry<Association<S, ?>, AssocChange<?>> change : assocChanges().entrySet()) {
        applied = change.getValue().applyTo(applied, change.getKey());
      }
    }
    for (Map.Entry<Field<S, ?>, Object> change : changes().entrySet()) {
      applied = apply(applied, change.getKey(), change.getValue());
    }
    return applied;
  }

  private static <S, V> S apply(S struct, Field<S, V> field, Object value) {
    return field.set(struct, field.castValue(value));
  }

  /**
   * The applied data if the changeset is valid, else the changeset marked with {@code action}:
   * Ecto's {@code apply_action/2}, for forms that never reach a database.
   */
  public io.ecto4j.Result<S, Changeset<S>> applyAction(Action action) {
    Objects.requireNonNull(action, "action");
    return isValid() ? io.ecto4j.Result.ok(applyChanges()) : io.ecto4j.Result.err(withAction(action));
  }

  /**
   * The applied data, Ecto's {@code apply_action!/2}.
   *
   * @throws io.ecto4j.repo.InvalidChangesetException when the changeset is invalid ({@code could not
   *     perform update because the Post changeset is invalid.}), carrying it marked with {@code action}
   */
  public S applyActionOrThrow(Action action) {
    return applyAction(action).orElseThrow(io.ecto4j.repo.InvalidChangesetException::new);
  }

  // ---------------------------------------------------------------- validations

  /**
   * Each field must have a value that is not null and, for strings, not blank; Ecto's
   * {@code validate_required/3}: {@code can't be blank}, {@code validation: required}. A field
   * that already has an error is left alone; a blank change is dropped.
   */
  @SafeVarargs
  public final Changeset<S> validateRequired(Field<S, ?>... fields) {
    return validateRequired(Arrays.asList(fields), CANT_BE_BLANK);
  }

  /** {@link #validateRequired(Field[])} with a custom message. */
  public Changeset<S> validateRequired(List<Field<S, ?>> fields, String message) {
    return validateRequired(fields, Message.of(message));
  }

  /** {@link #validateRequired(Field[])} with a custom message and metadata, Ecto's {@code message: {msg, keys}}. */
  public Changeset<S> validateRequired(List<Field<S, ?>> fields, Message message) {
    List<Field<S, ?>> missing = null; // made only for a field missing: most calls find every one
    for (Field<S, ?> field : fields) {
      if (isMissing(field) && errorsOn(field).isEmpty()) {
        missing = missing == null ? new ArrayList<>() : missing;
        missing.add(field);
      }
    }
    Definition<S> declared = definition.withRequired(prepended(fields, required()));
    if (missing == null) {
      return with(declared, state);
    }
    List<ChangesetError> added = new ArrayList<>();
    for (Field<S, ?> field : missing) {
      added.add(message.error(field.name(), orderedKeys("validation", "required")));
    }
    List<Field<S, ?>> blank = missing;
    Map<Field<S, ?>, Object> changes = edited(changes(), all -> blank.forEach(all::remove));
    return with(declared, state.withChanges(changes).withErrors(edited(errors(), all -> all.addAll(0, added))));
  }

  /**
   * Each to-one association must have a child after the change, or as loaded: Ecto's
   * {@code validate_required/3} on a {@code belongs_to} or {@code has_one}, {@code can't be blank}
   * with {@code validation: required} under the association's name. The change of a missing one is
   * dropped, as a blank field's; an association that already has an error is left alone.
   *
   * <pre>{@code
   * Changeset.change(comment).putAssoc(Comments.POST, null).validateRequired(Comments.POST); // post: can't be blank
   * }</pre>
   *
   * @throws IllegalStateException when an association is not loaded on stored data and not changed
   *     (preload it, or use {@code castAssoc} with {@code required})
   * @throws IllegalArgumentException for a to-many association, whose presence this cannot tell
   *     (Ecto warns that it has no effect): use {@code castAssoc}'s {@code required} option
   */
  @SafeVarargs
  public final Changeset<S> validateRequired(Association<S, ?>... associations) {
    List<Association<S, ?>> missing = new ArrayList<>();
    for (Association<S, ?> association : associations) {
      if (!association.kind().isToOne()) {
        throw new IllegalArgumentException("attempting to determine the presence of to-many association "
            + association.name() + " with validateRequired, which cannot tell it; pass AssocOption.required() "
            + "to castAssoc to require children");
      }
      if (hasNoChild(association) && errors().stream().noneMatch(e -> e.field().equals(association.name()))) {
        missing.add(association);
      }
    }
    if (missing.isEmpty()) {
      return this;
    }
    List<ChangesetError> added = new ArrayList<>();
    missing.forEach(association -> added.add(new ChangesetError(association.name(), "can't be blank",
        orderedKeys("validation", "required"))));
    Map<Association<S, ?>, AssocChange<?>> kept = new LinkedHashMap<>(assocChanges());
    missing.forEach(kept::remove);
    return with(definition, state.withAssocChanges(Collections.unmodifiableMap(kept))
        .withErrors(edited(errors(), all -> all.addAll(0, added))));
  }

  /** Whether a to-one association has no child, after the change or as loaded. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean hasNoChild(Association<S, ?> association) {
    // Every association's children are structs; the wildcard only hides that bound from the compiler.
    return getField((Association) association).isEmpty();
  }

  private boolean isMissing(Field<S, ?> field) {
    Object value = getField(field);
    return value == null || Casting.isEmpty(field, value, definition.emptyValues());
  }

  /** The string change must match {@code format}, Ecto's {@code validate_format/4}: {@code has invalid format}. */
  public Changeset<S> validateFormat(Field<S, String> field, Pattern format) {
    return validateFormat(field, format, "has invalid format");
  }

  /** {@link #validateFormat(Field, Pattern)} with a custom message. */
  public Changeset<S> validateFormat(Field<S, String> field, Pattern format, String message) {
    return validateFormat(field, format, Message.of(message));
  }

  /** {@link #validateFormat(Field, Pattern)} with a custom message and metadata. */
  public Changeset<S> validateFormat(Field<S, String> field, Pattern format, Message message) {
    return validate(field, "format", orderedKeys("format", format.pattern()),
        value -> format.matcher(value).find() ? null : error(field, message, "validation", "format"));
  }

  /**
   * The length of the change must fit, Ecto's {@code validate_length/3}. Strings count graphemes by
   * default ({@link Length.Count}); lists count items; {@code byte[]} counts bytes.
   */
  public Changeset<S> validateLength(Field<S, ?> field, Length... options) {
    Length rule = Length.combine(options);
    return validate(field, "length", lengthOptions(rule, options), value -> Lengths.check(field.name(), value, rule));
  }

  /** The options of a length validation as {@link #validations()} records them: those given, as Ecto's. */
  private static Map<String, Object> lengthOptions(Length rule, Length... options) {
    Map<String, Object> declared = orderedKeys();
    if (rule.min != null) {
      declared.put("min", rule.min);
    }
    if (rule.max != null) {
      declared.put("max", rule.max);
    }
    if (rule.is != null) {
      declared.put("is", rule.is);
    }
    if (Arrays.stream(options).anyMatch(option -> option.count != null)) {
      declared.put("count", rule.count.name().toLowerCase());
    }
    return declared;
  }

  /**
   * The number of children {@code association}'s change leaves (those it deletes or replaces not
   * counted) must fit, Ecto's {@code validate_length/3} on an association: {@code should have at
   * least %{count} item(s)}, {@code type: list}. Skipped when the association has no change.
   *
   * <pre>{@code
   * changeset.putAssoc(Posts.TAGS, tags).validateLength(Posts.TAGS, Length.max(5));
   * }</pre>
   */
  public Changeset<S> validateLength(Association<S, ?> association, Length... options) {
    Length rule = Length.combine(options);
    AssocChange<?> change = assocChanges().get(association);
    ChangesetError error = change == null ? null : Lengths.check(association.name(), change.applied(), rule);
    return declaring(new Validation(association.name(), "length", lengthOptions(rule, options)), error);
  }

  /** The number must satisfy every comparison, Ecto's {@code validate_number/3}. */
  public <N extends Number> Changeset<S> validateNumber(Field<S, N> field, Numbers... rules) {
    Message message = null;
    List<Numbers> comparisons = new ArrayList<>();
    Map<String, Object> declared = orderedKeys();
    for (Numbers rule : rules) {
      if (rule.kind == null) {
        message = rule.message;
      } else {
        comparisons.add(rule);
        declared.put(rule.kind.key, rule.number);
      }
    }
    Message custom = message;
    return validate(field, "number", declared, value -> {
      for (Numbers rule : comparisons) {
        if (!rule.kind.holds(Numbers.compare(value, rule.number))) {
          return error(field, custom == null ? Message.of(rule.kind.message) : custom,
              "validation", "number", "kind", rule.kind.key, "number", rule.number);
        }
      }
      return null;
    });
  }

  /** The change must be one of {@code allowed}, Ecto's {@code validate_inclusion/4}: {@code is invalid}. */
  public <V> Changeset<S> validateInclusion(Field<S, V> field, Collection<? extends V> allowed) {
    return validateInclusion(field, allowed, "is invalid");
  }

  /** {@link #validateInclusion(Field, Collection)} with a custom message. */
  public <V> Changeset<S> validateInclusion(Field<S, V> field, Collection<? extends V> allowed, String message) {
    return validateInclusion(field, allowed, Message.of(message));
  }

  /** {@link #validateInclusion(Field, Collection)} with a custom message and metadata. */
  public <V> Changeset<S> validateInclusion(Field<S, V> field, Collection<? extends V> allowed, Message message) {
    List<V> values = List.copyOf(allowed);
    return validate(field, "inclusion", orderedKeys("enum", values), value -> contains(field, values, value)
        ? null : error(field, message, "validation", "inclusion", "enum", values));
  }

  /** The change must not be one of {@code reserved}, Ecto's {@code validate_exclusion/4}: {@code is reserved}. */
  public <V> Changeset<S> validateExclusion(Field<S, V> field, Collection<? extends V> reserved) {
    return validateExclusion(field, reserved, "is reserved");
  }

  /** {@link #validateExclusion(Field, Collection)} with a custom message. */
  public <V> Changeset<S> validateExclusion(Field<S, V> field, Collection<? extends V> reserved, String message) {
    return validateExclusion(field, reserved, Message.of(message));
  }

  /** {@link #validateExclusion(Field, Collection)} with a custom message and metadata. */
  public <V> Changeset<S> validateExclusion(Field<S, V> field, Collection<? extends V> reserved, Message message) {
    List<V> values = List.copyOf(reserved);
    return validate(field, "exclusion", orderedKeys("enum", values), value -> contains(field, values, value)
        ? error(field, message, "validation", "exclusion", "enum", values) : null);
  }

  /** Every element of the list change must be in {@code allowed}, Ecto's {@code validate_subset/4}. */
  public <E> Changeset<S> validateSubset(Field<S, List<E>> field, Collection<? extends E> allowed) {
    return validateSubset(field, allowed, "has an invalid entry");
  }

  /** {@link #validateSubset(Field, Collection)} with a custom message. */
  public <E> Changeset<S> validateSubset(Field<S, List<E>> field, Collection<? extends E> allowed, String message) {
    return validateSubset(field, allowed, Message.of(message));
  }

  /** {@link #validateSubset(Field, Collection)} with a custom message and metadata. */
  public <E> Changeset<S> validateSubset(Field<S, List<E>> field, Collection<? extends E> allowed, Message message) {
    List<E> values = List.copyOf(allowed);
    return validate(field, "subset", orderedKeys("enum", values),
        value -> isSubset(field, value, values) ? null : error(field, message, "validation", "subset", "enum", values));
  }

  /** Each element among {@code allowed} by the field's own equality ({@code 0} equals {@code 0.0} for decimals). */
  private static <E> boolean isSubset(Field<?, List<E>> field, List<E> value, List<E> allowed) {
    return value.stream().allMatch(element -> allowed.stream().anyMatch(candidate ->
        field.type().same(Collections.singletonList(candidate), Collections.singletonList(element))));
  }

  private static <V> boolean contains(Field<?, V> field, List<V> values, V value) {
    return values.stream().anyMatch(candidate -> field.type().same(candidate, value));
  }

  /**
   * The param {@code name} must be accepted ({@code true}, {@code "true"}, {@code "1"}), Ecto's
   * {@code validate_acceptance/3}: {@code must be accepted}. Checked only when cast was given params.
   */
  public Changeset<S> validateAcceptance(String name) {
    return validateAcceptance(name, "must be accepted");
  }

  /** {@link #validateAcceptance(String)} with a custom message. */
  public Changeset<S> validateAcceptance(String name, String message) {
    return validateAcceptance(name, Message.of(message));
  }

  /** {@link #validateAcceptance(String)} with a custom message and metadata. */
  public Changeset<S> validateAcceptance(String name, Message message) {
    Validation declared = new Validation(name, "acceptance", Map.of());
    Map<String, Object> params = definition.params();
    boolean accepted = params == null
        || Boolean.TRUE.equals(io.ecto4j.type.Types.BOOLEAN.cast(params.get(name)).value());
    ChangesetError error = accepted ? null : message.error(name, orderedKeys("validation", "acceptance"));
    return declaring(declared, error);
  }

  /**
   * The param {@code <field>Confirmation} (or {@code <column>_confirmation}) must equal the change,
   * Ecto's {@code validate_confirmation/3}: {@code does not match confirmation} on the confirmation.
   * A missing confirmation passes unless {@code required}, then {@code can't be blank}.
   */
  public <V> Changeset<S> validateConfirmation(Field<S, V> field, boolean required) {
    return validateConfirmation(field, required, "does not match confirmation");
  }

  /** {@link #validateConfirmation(Field, boolean)} with a custom message. */
  public <V> Changeset<S> validateConfirmation(Field<S, V> field, boolean required, String message) {
    return validateConfirmation(field, required, Message.of(message));
  }

  /** {@link #validateConfirmation(Field, boolean)} with a custom message and metadata. */
  public <V> Changeset<S> validateConfirmation(Field<S, V> field, boolean required, Message message) {
    Validation declared = new Validation(field.name(), "confirmation", Map.of());
    return declaring(declared, confirmationError(field, required, message));
  }

  /**
   * As Ecto's, by the params alone: a confirmation that was given must equal the field's param (a
   * null confirmation, or one without the field's param, does not); a missing one passes unless
   * {@code required}. The values are compared cast by the field's type, so {@code "42"} confirms {@code 42}.
   */
  private <V> ChangesetError confirmationError(Field<S, V> field, boolean required, Message message) {
    Map<String, Object> params = definition.params();
    if (params == null) {
      return null;
    }
    String errorKey = field.name() + "Confirmation";
    String columnKey = field.column() + "_confirmation";
    if (!params.containsKey(errorKey) && !params.containsKey(columnKey)) {
      return required ? new ChangesetError(errorKey, "can't be blank", orderedKeys("validation", "required")) : null;
    }
    Object confirmation = params.containsKey(errorKey) ? params.get(errorKey) : params.get(columnKey);
    String paramKey = params.containsKey(field.name()) ? field.name() : field.column();
    boolean matches = params.containsKey(paramKey) && sameParam(field, params.get(paramKey), confirmation);
    return matches ? null : message.error(errorKey, orderedKeys("validation", "confirmation"));
  }

  private static <V> boolean sameParam(Field<?, V> field, Object given, Object confirmation) {
    if (given == null || confirmation == null) {
      return given == confirmation;
    }
    io.ecto4j.type.CastResult<V> left = field.type().cast(given);
    io.ecto4j.type.CastResult<V> right = field.type().cast(confirmation);
    return left.isOk() && right.isOk() ? field.type().same(left.value(), right.value()) : given.equals(confirmation);
  }

  /**
   * Runs {@code validator} on the change of {@code field} (skipped when there is none); a non-null
   * result is the error message. Ecto's {@code validate_change/3}, which records no validation.
   */
  public <V> Changeset<S> validateChange(Field<S, V> field, Function<? super V, String> validator) {
    return validateChange(field, null, (f, value) -> {
      String message = validator.apply(value);
      return message == null ? List.of() : List.of(new ChangesetError(field.name(), message, Map.of()));
    });
  }

  /**
   * Ecto's {@code validate_change/4}: {@code validation} (unless null) is recorded in
   * {@link #validations()} under {@code field}, and {@code validator} gets the field and its change
   * (skipped when there is none) and returns the errors to add, on any keys, with their metadata.
   *
   * <pre>{@code
   * changeset.validateChange(Posts.TITLE, "no_spam", (field, title) -> title.contains("spam")
   *     ? List.of(new ChangesetError("title", "looks like spam", Map.of("type", "spam"))) : List.of());
   * }</pre>
   */
  public <V> Changeset<S> validateChange(Field<S, V> field, String validation,
      BiFunction<Field<S, V>, ? super V, List<ChangesetError>> validator) {
    Changeset<S> declared = validation == null ? this
        : with(definition.withValidations(edited(validations(), all -> all.add(0, new Validation(field.name(),
            validation, Map.of())))));
    V value = hasChange(field) ? field.castValue(changes().get(field)) : null;
    List<ChangesetError> added = value == null ? List.of() : validator.apply(field, value);
    return added.isEmpty() ? declared : declared.with(declared.state.withErrors(
        edited(declared.errors(), all -> all.addAll(0, added))));
  }

  /**
   * Whether {@code field} has no value: null, or empty by the changeset's empty values (a blank
   * string), in its change or else its data. Ecto's {@code field_missing?/2}.
   */
  public boolean fieldMissing(Field<S, ?> field) {
    return isMissing(field);
  }

  private <V> Changeset<S> validate(Field<S, V> field, String kind, Map<String, Object> options,
      Function<V, ChangesetError> check) {
    Validation declared = new Validation(field.name(), kind, options);
    // Without a change there is nothing to check, also for a field whose cast failed (it has an error).
    V value = hasChange(field) ? field.castValue(changes().get(field)) : null;
    return declaring(declared, value == null ? null : check.apply(value));
  }

  /** This changeset with {@code validation} declared and, unless null, {@code error} added: one copy. */
  private Changeset<S> declaring(Validation validation, ChangesetError error) {
    Definition<S> declared = definition.withValidations(edited(validations(), all -> all.add(0, validation)));
    return with(declared, error == null ? state : state.withErrors(edited(errors(), all -> all.add(0, error))));
  }

  private static ChangesetError error(Field<?, ?> field, Message message, Object... keys) {
    return message.error(field.name(), orderedKeys(keys));
  }

  /**
   * Checks with a query that no other row has the same values of {@code fields}, adding
   * {@code has already been taken} to the first field: Ecto's {@code unsafe_validate_unique/4}.
   * "Unsafe" because another transaction may insert the value right after; keep the
   * {@link #uniqueConstraint} too. Recorded in {@link #validations()}; the query is skipped when no
   * field changed, one already has an error, or one is null (see {@link UnsafeUnique#nullsNotDistinct()}).
   *
   * <pre>{@code
   * changeset.unsafeValidateUnique(repo::exists, Users.EMAIL);
   * }</pre>
   */
  @SafeVarargs
  public final Changeset<S> unsafeValidateUnique(Predicate<Query<S>> exists, Field<S, ?>... fields) {
    return unsafeValidateUnique(exists, Arrays.asList(fields));
  }

  /** {@link #unsafeValidateUnique(Predicate, Field[])} with Ecto's options: a message, an error key, nulls not distinct. */
  public Changeset<S> unsafeValidateUnique(Predicate<Query<S>> exists, List<Field<S, ?>> fields,
      UnsafeUnique... options) {
    if (table() instanceof EmbeddedTable<?>) {
      throw new IllegalArgumentException("unsafeValidateUnique does not work with embedded schemas unless a base "
          + "query is given (unsafeValidateUnique(Query.from(\"table\"), repo::exists, fields)), got " + data);
    }
    return unsafeUnique(() -> Query.from(table()), exists, false, fields, options);
  }

  /**
   * {@link #unsafeValidateUnique(Predicate, List, UnsafeUnique...)} over the rows of {@code base}
   * instead of the struct's own table, Ecto's {@code query:} option: the fields are compared with
   * the base query's columns of the same names ({@code Query.column}). For an embedded schema, which
   * has no table, and for a schema whose uniqueness holds among some rows only (not soft-deleted ones).
   *
   * <pre>{@code
   * source.unsafeValidateUnique(Query.from("sources"), repo::exists, List.of(SocialSources.ORIGIN));
   * }</pre>
   */
  public <T> Changeset<S> unsafeValidateUnique(Query<T> base, Predicate<Query<T>> exists, List<Field<S, ?>> fields,
      UnsafeUnique... options) {
    Objects.requireNonNull(base, "base");
    return unsafeUnique(() -> base, exists, true, fields, options);
  }

  private <T> Changeset<S> unsafeUnique(java.util.function.Supplier<Query<T>> base, Predicate<Query<T>> exists,
      boolean byColumn, List<Field<S, ?>> fields, UnsafeUnique... options) {
    if (table() instanceof Schemaless<?>) {
      // As Ecto: there is no table to query; the exists function could only be given a made-up query.
      throw new IllegalArgumentException("unsafeValidateUnique does not work with schemaless changesets, got " + data);
    }
    UnsafeUnique option = UnsafeUnique.combine(options);
    List<String> names = fields.stream().map(Field::name).toList();
    Changeset<S> declared = declaring(new Validation(names.get(0), "unsafe_unique", orderedKeys("fields", names)), null);
    boolean changed = fields.stream().anyMatch(this::hasChange);
    boolean priorErrors = fields.stream().anyMatch(f -> !errorsOn(f).isEmpty());
    boolean distinctNulls = option.nullsDistinct && fields.stream().anyMatch(f -> getField(f) == null);
    if (!changed || priorErrors || distinctNulls) {
      return declared;
    }
    Query<T> query = base.get();
    for (Field<S, ?> field : fields) {
      query = query.where(equalsCurrent(field, byColumn));
    }
    io.ecto4j.meta.PrimaryKeyValue<S> key = io.ecto4j.meta.PrimaryKeyValue.from(table(), data);
    if (!key.values().isEmpty() && data.meta().isLoaded() && key.missing().isEmpty()) {
      // Only a stored row is itself among the rows that would clash, Ecto's check of the loaded state:
      // NOT (id = ?), or NOT (a = ? AND b = ?) for a composite key.
      query = query.where(byColumn ? keyByColumn(key).not() : key.condition().not());
    }
    if (!exists.test(query)) {
      return declared;
    }
    String errorKey = option.errorKey != null ? option.errorKey : names.get(0);
    return declared.addError(errorKey, option.message, orderedKeys("validation", "unsafe_unique", "fields", names));
  }

  /** {@code field = value}, or {@code field IS NULL} for a null value (reached only with nulls not distinct). */
  private <V> io.ecto4j.query.Condition equalsCurrent(Field<S, V> field, boolean byColumn) {
    V value = getField(field);
    io.ecto4j.query.Expression<V> target = compared(field, byColumn);
    return value == null ? target.isNull() : target.eq(value);
  }

  /** The key's condition on the base query's columns of the key fields' names: {@code a = ? AND b = ?}. */
  private io.ecto4j.query.Condition keyByColumn(io.ecto4j.meta.PrimaryKeyValue<S> key) {
    io.ecto4j.query.Condition all = null;
    for (int i = 0; i < key.fields().size(); i++) {
      io.ecto4j.query.Condition part = columnEquals(key.fields().get(i), key.values().get(i));
      all = all == null ? part : all.and(part);
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static <V> io.ecto4j.query.Condition columnEquals(Field<?, V> field, Object value) {
    return compared(field, true).eq((V) value);
  }

  /** The field itself on its table, or the base query's column of the same name. */
  private static <V> io.ecto4j.query.Expression<V> compared(Field<?, V> field, boolean byColumn) {
    return byColumn ? Query.column(field.column(), field.type()) : field;
  }

  // ---------------------------------------------------------------- constraints

  /**
   * A unique index violation on {@code field} becomes {@code has already been taken}; the default
   * name is Ecto's {@code <table>_<column>_index}.
   */
  public Changeset<S> uniqueConstraint(Field<S, ?> field, Constraint.Option... options) {
    return uniqueConstraint(List.of(field), options);
  }

  /** A unique index over several fields; the error goes on the first, the default name joins all. */
  public Changeset<S> uniqueConstraint(List<Field<S, ?>> fields, Constraint.Option... options) {
    return addConstraint(Constraints.unique(table(), fields, options));
  }

  /** A foreign key violation on {@code field} becomes {@code does not exist}; default name {@code <table>_<column>_fkey}. */
  public Changeset<S> foreignKeyConstraint(Field<S, ?> field, Constraint.Option... options) {
    return addConstraint(Constraints.foreignKey(table(), field, options));
  }

  /** The parent of a {@code belongs_to} must exist: {@code does not exist} on the association. */
  public Changeset<S> assocConstraint(Association<S, ?> association, Constraint.Option... options) {
    return addConstraint(Constraints.assoc(table(), association, options));
  }

  /**
   * Deleting must not leave children of a {@code has_one}/{@code has_many} behind: {@code are still
   * associated with this entry} (or {@code is} for has_one), on the association.
   */
  public Changeset<S> noAssocConstraint(Association<S, ?> association, Constraint.Option... options) {
    return addConstraint(Constraints.noAssoc(association, options));
  }

  /** A check constraint, which has no default name: give {@code Constraint.name(…)}. {@code is invalid}. */
  public Changeset<S> checkConstraint(Field<S, ?> field, Constraint.Option... options) {
    return addConstraint(Constraints.check(table(), field, options));
  }

  /** An exclusion constraint; default name {@code <table>_<column>_exclusion}: {@code violates an exclusion constraint}. */
  public Changeset<S> exclusionConstraint(Field<S, ?> field, Constraint.Option... options) {
    return addConstraint(Constraints.exclusion(table(), field, options));
  }

  private Changeset<S> addConstraint(Constraint constraint) {
    return with(definition.withConstraints(prepended(List.of(constraint), constraints())));
  }

  /** The declared constraint PostgreSQL's report of {@code type} on {@code name} matches, if any. */
  Optional<Constraint> constraintFor(Constraint.Type type, String name) {
    return constraints().stream().filter(c -> c.matches(type, name)).findFirst();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Optimistic locking, Ecto's {@code optimistic_lock/3}: the update or delete only happens if
   * {@code version} still holds its current value (the change, if any, else the data's; a null one is
   * compared with {@code IS NULL}), and the write sets it to {@code increment} of that value. The
   * increment is added in a prepare step, as Ecto's, so it is not among {@link #changes()} and an
   * update with no other change writes nothing. A stale struct makes the repo throw
   * {@code StaleEntryException}.
   *
   * <pre>{@code
   * repo.update(Changeset.cast(post, params, Posts.TITLE).optimisticLock(Posts.LOCK_VERSION, v -> v + 2));
   * }</pre>
   */
  public <N extends Number> Changeset<S> optimisticLock(Field<S, N> version, UnaryOperator<N> increment) {
    N current = getField(version);
    Changeset<S> locked = with(definition.withFilters(edited(filters(), all -> all.put(version, current))));
    return locked.prepareChanges(changeset -> changeset.forceChange(version, increment.apply(current)));
  }

  /**
   * {@link #optimisticLock(Field, UnaryOperator)} for an {@code int} version: 1 when null, and back
   * to 1 after {@code 2147483647}, the largest PostgreSQL {@code integer}, as Ecto's rollover.
   */
  public Changeset<S> optimisticLock(Field<S, Integer> version) {
    return optimisticLock(version, v -> v == null || v >= Integer.MAX_VALUE ? 1 : v + 1);
  }

  /**
   * Runs {@code preparer} inside the repo's transaction just before the write, Ecto's
   * {@code prepare_changes/2}: statements it runs (on the same repo, same thread) are part of the
   * transaction, and a changeset it makes invalid stops the write.
   */
  public Changeset<S> prepareChanges(UnaryOperator<Changeset<S>> preparer) {
    Objects.requireNonNull(preparer, "preparer");
    return with(definition.withPrepare(edited(preparers(), all -> all.add(preparer))));
  }

  /** The preparers, in the order given; the repo runs them. */
  public List<UnaryOperator<Changeset<S>>> preparers() {
    return definition.prepare();
  }

  /**
   * The repo writing this changeset, Ecto's {@code changeset.repo}: set when a repo runs its
   * {@link #prepareChanges preparers}, so that a preparer declared where no repo is in scope (a
   * schema's own changeset function) runs its statements in the write's transaction:
   *
   * <pre>{@code
   * .prepareChanges(c -> {
   *   c.repo(Repo.class).updateAll(Posts.query().where(Posts.ID.eq(postId)), Update.inc(Posts.COMMENT_COUNT, 1));
   *   return c;
   * })
   * }</pre>
   *
   * @throws IllegalStateException before a repo writes the changeset (outside a preparer)
   * @throws ClassCastException when the repo is not a {@code type}
   */
  public <R> R repo(Class<R> type) {
    if (repo == null) {
      throw new IllegalStateException("this changeset has no repo yet: a repo sets it when it writes the changeset,"
          + " for its prepareChanges steps; outside them, use the repo you hold");
    }
    return type.cast(repo);
  }

  /** This changeset, written by {@code repo}: what {@link #repo(Class)} gives its preparers. */
  Changeset<S> withRepo(Object repo) {
    return new Changeset<>(data, definition, state, Objects.requireNonNull(repo, "repo"));
  }

  /** This changeset without its preparers, once they ran. */
  private Changeset<S> withoutPreparers() {
    return preparers().isEmpty() ? this : with(definition.withPrepare(edited(preparers(), List::clear)));
  }

  /**
   * This changeset after its preparers ran, in order, then its embeds' (as Ecto prepares embeds
   * when the parent is written); {@code repo} is what each gets as {@link #repo(Class)}.
   */
  Changeset<S> prepared(Object repo) {
    Changeset<S> prepared = withoutPreparers().withRepo(repo);
    for (UnaryOperator<Changeset<S>> preparer : preparers()) {
      prepared = preparer.apply(prepared);
    }
    return prepared.withEmbedsPrepared(repo);
  }

  /** This changeset with its embeds' changesets {@link #prepared}, and the embeds' values applied again from them. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Changeset<S> withEmbedsPrepared(Object repo) {
    Changeset<S> prepared = this;
    for (Map.Entry<Embed<S, ?, ?>, EmbedChange<?>> entry : state.embedChanges().entrySet()) {
      prepared = prepared.withEmbedPrepared((Embed) entry.getKey(), (EmbedChange) entry.getValue(), repo);
    }
    return prepared;
  }

  private <V, E extends Struct<E>> Changeset<S> withEmbedPrepared(Embed<S, V, E> embed, EmbedChange<E> change,
      Object repo) {
    if (change.kept().stream().noneMatch(Changeset::hasPreparers)) {
      return this;
    }
    List<Changeset<E>> children = change.children().stream()
        .map(child -> child.action().orElse(null) == Action.REPLACE ? child : child.prepared(repo)).toList();
    EmbedChange<E> prepared = new EmbedChange<>(embed, children);
    return withEmbedChange(embed, prepared, embed.valueOf(prepared.applied()));
  }

  /** Whether this changeset or one of its embeds' changesets, nested, has a preparer. */
  boolean hasPreparers() {
    if (!preparers().isEmpty()) {
      return true;
    }
    // Asked on every write, mostly of no embeds: no stream over an empty map.
    return !state.embedChanges().isEmpty() && state.embedChanges().values().stream()
        .anyMatch(change -> change.kept().stream().anyMatch(Changeset::hasPreparers));
  }

  // ---------------------------------------------------------------- associations

  /**
   * Casts the params under the association's name with {@code with} into child changesets, Ecto's
   * {@code cast_assoc/3}: a param map without a known key inserts a child, one with the key of a
   * loaded child updates it, and loaded children missing from the params meet {@code onReplace}.
   */
  public <C extends Struct<C>> Changeset<S> castAssoc(Association<S, C> association,
      BiFunction<C, Map<String, ?>, Changeset<C>> with, AssocOption... options) {
    Objects.requireNonNull(with, "with");
    return Assocs.cast(this, association, (child, params, position) -> with.apply(child, params),
        AssocOption.combine(options));
  }

  /**
   * {@link #castAssoc(Association, BiFunction, AssocOption...)} with a function that also gets each
   * child's position in the cast list, Ecto's arity-3 {@code with:}; see {@link PositionedChangeset}.
   */
  public <C extends Struct<C>> Changeset<S> castAssoc(Association<S, C> association, PositionedChangeset<C> with,
      AssocOption... options) {
    return Assocs.cast(this, association, Objects.requireNonNull(with, "with"), AssocOption.combine(options));
  }

  /**
   * Puts children as the association's new value, Ecto's {@code put_assoc/4}: structs, changesets
   * (whose own action, if set, is kept), or attribute maps keyed by the related fields
   * ({@code Map.of(Tags.NAME, "java")}, applied to the loaded child whose key they name, else to a new
   * struct). Children missing from the value meet {@code onReplace}; a value that only names the
   * loaded children, in order and unchanged, is no change.
   */
  public <C extends Struct<C>> Changeset<S> putAssoc(Association<S, C> association, List<?> children,
      AssocOption... options) {
    return Assocs.put(this, association, children, AssocOption.combine(options));
  }

  /**
   * Puts one child, or none ({@code null}), as the new value of a {@code belongs_to} or
   * {@code has_one}, Ecto's {@code put_assoc(changeset, :author, user)}; the current child, if
   * another, meets {@code onReplace}. A to-many association takes a list: this refuses it.
   *
   * <pre>{@code
   * Changeset.change(post).putAssoc(Posts.AUTHOR, ada);               // ada inserted first if new
   * Changeset.change(author).putAssoc(Authors.BIO, (BioStruct) null);  // removes the bio (onReplace)
   * }</pre>
   */
  public <C extends Struct<C>> Changeset<S> putAssoc(Association<S, C> association, C child, AssocOption... options) {
    return Assocs.putOne(this, association, child, AssocOption.combine(options));
  }

  /**
   * {@link #putAssoc(Association, Struct, AssocOption...)} with the child's attributes, Ecto's
   * {@code put_assoc(changeset, :profile, %{name: "michal"})}: applied to the current child if they
   * name its key, else to a new one (the current one then meets {@code onReplace}).
   */
  public <C extends Struct<C>> Changeset<S> putAssoc(Association<S, C> association, Map<?, ?> attributes,
      AssocOption... options) {
    return Assocs.putOne(this, association, Objects.requireNonNull(attributes, "attributes"),
        AssocOption.combine(options));
  }

  /** {@link #putAssoc(Association, Struct, AssocOption...)} with the child's changeset. */
  public <C extends Struct<C>> Changeset<S> putAssoc(Association<S, C> association, Changeset<C> child,
      AssocOption... options) {
    return Assocs.putOne(this, association, child, AssocOption.combine(options));
  }

  /**
   * The children of a to-many association's change in the order that is safe under unique
   * constraints, Ecto's {@code reorder_assoc/2}: deletes (and replaced children the association
   * deletes) first, then updates (and replaced children it nilifies), then inserts, each group in
   * its order. The repo writes them in this order.
   *
   * @throws IllegalArgumentException when {@code association} is to-one or has no change
   */
  public <C extends Struct<C>> Changeset<S> reorderAssoc(Association<S, C> association) {
    AssocChange<C> change = manyChange(association);
    return reorderAssoc(association, Comparator.comparingInt(child -> uniqueSafeRank(child, change.onReplace())));
  }

  /**
   * {@link #reorderAssoc(Association)} in the order of {@code order} (a stable sort), Ecto's
   * {@code reorder_assoc/3}: {@code Comparator.comparing(child -> child.action().orElseThrow() != Action.INSERT)}
   * puts the inserts first.
   *
   * @throws IllegalArgumentException when {@code association} is to-one or has no change
   */
  public <C extends Struct<C>> Changeset<S> reorderAssoc(Association<S, C> association,
      Comparator<Changeset<C>> order) {
    AssocChange<C> change = manyChange(association);
    List<Changeset<C>> sorted = new ArrayList<>(change.children());
    sorted.sort(Objects.requireNonNull(order, "order"));
    return with(state.withAssocChanges(edited(assocChanges(), all -> all.put(association, change.withChildren(sorted)))));
  }

  private <C extends Struct<C>> AssocChange<C> manyChange(Association<S, C> association) {
    AssocChange<C> change = assocChange(association);
    if (association.kind().isToOne() || change == null) {
      throw new IllegalArgumentException("reorderAssoc requires a to-many association with a change; "
          + association.name() + (change == null ? " has no change" : " is to-one"));
    }
    return change;
  }

  /** Ecto's action_sort_rank: what frees a unique value goes before what may take it. */
  private static int uniqueSafeRank(Changeset<?> child, OnReplace onReplace) {
    return switch (child.action().orElse(Action.IGNORE)) {
      case DELETE -> 0;
      case REPLACE -> onReplace == OnReplace.NILIFY ? 1 : 0;
      case UPDATE -> 1;
      case INSERT -> 2;
      default -> 3;
    };
  }

  // ---------------------------------------------------------------- embeds

  /**
   * Casts the params under the embed's name with {@code with} into embedded changesets, Ecto's
   * {@code cast_embed/3}: a param map naming a current embed's key updates it, one without inserts a
   * new embed, and current embeds the params leave out meet {@code onReplace}. Takes the options of
   * {@link #castAssoc}: {@code required}, {@code onReplace}, the messages, {@code sortParam} and
   * {@code dropParam} (embeds_many). The applied value becomes the embed's change, and the repo
   * writes it as the whole {@code jsonb} value.
   *
   * <pre>{@code
   * Changeset.cast(order, params, Orders.NUMBER)
   *     .castEmbed(Orders.ADDRESS, Address::changeset, AssocOption.required())
   *     .castEmbed(Orders.ITEMS, LineItem::changeset, AssocOption.onReplace(OnReplace.DELETE));
   * }</pre>
   */
  public <V, E extends Struct<E>> Changeset<S> castEmbed(Embed<S, V, E> embed,
      BiFunction<E, Map<String, ?>, Changeset<E>> with, AssocOption... options) {
    Objects.requireNonNull(with, "with");
    return Embeds.cast(this, embed, (child, params, position) -> with.apply(child, params),
        AssocOption.combine(options));
  }

  /** {@link #castEmbed(Embed, BiFunction, AssocOption...)} with each embed's position, Ecto's arity-3 {@code with:}. */
  public <V, E extends Struct<E>> Changeset<S> castEmbed(Embed<S, V, E> embed, PositionedChangeset<E> with,
      AssocOption... options) {
    if (!embed.isMany()) {
      throw new IllegalArgumentException("invalid with function for " + embed + ": an embeds_one has no positions; "
          + "give a function of the struct and the params");
    }
    return Embeds.cast(this, embed, Objects.requireNonNull(with, "with"), AssocOption.combine(options));
  }

  /**
   * Puts embeds as the embed's new value, Ecto's {@code put_embed/4}: structs, changesets (whose
   * action, if set, is kept) or attribute maps keyed by the embedded fields or their names. Current
   * embeds left out meet {@code onReplace}; a value that is the current one is no change.
   */
  public <V, E extends Struct<E>> Changeset<S> putEmbed(Embed<S, V, E> embed, List<?> values,
      AssocOption... options) {
    return Embeds.put(this, embed, values, AssocOption.combine(options));
  }

  /**
   * Puts one embed (a struct, a changeset or attributes), or none for {@code null}, as the new value
   * of an embeds_one, Ecto's {@code put_embed(changeset, :profile, %{name: "michal"})}.
   */
  public <V, E extends Struct<E>> Changeset<S> putEmbed(Embed<S, V, E> embed, Object value, AssocOption... options) {
    if (embed.isMany()) {
      throw new IllegalArgumentException("putEmbed(" + embed + ", value) is for embeds_one; " + embed
          + " is an embeds_many: give its embeds as a list");
    }
    return Embeds.put(this, embed, value == null ? List.of() : List.of(value), AssocOption.combine(options));
  }

  /**
   * The embeds as changesets, Ecto's {@code get_embed(changeset, name, :changeset)}: those of its
   * change (each with the action the repo will take, the replaced ones of an embeds_many included),
   * else one {@code change(embed)} per current embed.
   */
  @SuppressWarnings("unchecked")
  public <V, E extends Struct<E>> List<Changeset<E>> getEmbed(Embed<S, V, E> embed) {
    EmbedChange<E> change = (EmbedChange<E>) state.embedChanges().get(embed);
    if (change != null) {
      return embed.isMany() ? change.children() : change.kept();
    }
    return Embeds.currentOrChanged(this, embed).stream().map(Changeset::change).toList();
  }

  /** This changeset with {@code field} among the {@link #required()} ones, as a required castEmbed declares it. */
  Changeset<S> requiring(Field<S, ?> field) {
    return with(definition.withRequired(edited(required(), all -> all.add(0, field))));
  }

  private <V, E extends Struct<E>> Changeset<S> putEmbedValue(Embed<S, V, E> embed, V value) {
    return Embeds.put(this, embed, embed.structsOf(value), AssocOption.combine());
  }

  /** This changeset with {@code embed} changed to {@code value}, {@code change} holding its changesets. */
  <V> Changeset<S> withEmbedChange(Embed<S, V, ?> embed, EmbedChange<?> change, V value) {
    V checked = embed.castValue(value);
    return with(state.withChanges(edited(changes(), all -> all.put(embed, checked)))
        .withEmbedChanges(edited(state.embedChanges(), all -> all.put(embed, change))));
  }

  /** This changeset without a change of {@code embed}, as Ecto's put_embed of the current value. */
  Changeset<S> withoutEmbedChange(Embed<S, ?, ?> embed) {
    return deleteChange(embed);
  }

  /** This changeset without a change of {@code association}, as Ecto's put_assoc drops one equal to the data. */
  Changeset<S> withoutAssocChange(Association<S, ?> association) {
    return assocChanges().containsKey(association)
        ? with(state.withAssocChanges(edited(assocChanges(), all -> all.remove(association)))) : this;
  }

  Changeset<S> withError(ChangesetError error) {
    return with(state.withErrors(edited(errors(), all -> all.add(0, error))));
  }

  /** This changeset with {@code other}'s errors before its own, as Ecto puts a join row's errors on its child. */
  Changeset<S> withErrorsOf(Changeset<?> other) {
    return other.errors().isEmpty() ? this : with(state.withErrors(edited(errors(), all -> all.addAll(0, other.errors()))));
  }

  /** This changeset expecting {@code other}'s constraints too, as Ecto's join row takes its owner's. */
  Changeset<S> withConstraintsOf(Changeset<?> other) {
    return other.constraints().isEmpty() ? this
        : with(definition.withConstraints(edited(constraints(), all -> all.addAll(0, other.constraints()))));
  }

  /** This changeset with the association's change replaced; the repo reports written children this way. */
  <C extends Struct<C>> Changeset<S> withAssocChange(Association<S, C> association, AssocChange<C> change) {
    return withAssocChange(association, change, null);
  }

  <C extends Struct<C>> Changeset<S> withAssocChange(Association<S, C> association, AssocChange<C> change,
      ChangesetError error) {
    State<S> changed = change == null ? state
        : state.withAssocChanges(edited(assocChanges(), all -> all.put(association, change)));
    return with(error == null ? changed : changed.withErrors(edited(errors(), all -> all.add(0, error))));
  }

  /**
   * The errors by field with their placeholders filled in, Ecto's {@code traverse_errors/2}; an
   * association's entry is the list of its children's error maps (a map for to-one).
   */
  public Map<String, Object> traverseErrors() {
    return traverseErrors(ChangesetError::interpolated);
  }

  /** {@link #traverseErrors()} with the caller's rendering of each error, e.g. for translation. */
  public Map<String, Object> traverseErrors(Function<ChangesetError, String> render) {
    Map<String, Object> byField = new LinkedHashMap<>();
    for (ChangesetError error : reversed(errors())) {
      @SuppressWarnings("unchecked")
      List<String> messages = (List<String>) byField.computeIfAbsent(error.field(), k -> new ArrayList<String>());
      messages.add(0, render.apply(error));
    }
    assocChanges().forEach((association, change) -> {
      Object nested = change.traverseErrors(render);
      if (nested != null) {
        byField.put(association.name(), nested);
      }
    });
    state.embedChanges().forEach((embed, change) -> {
      Object nested = change.traverseErrors(render);
      if (nested != null) {
        byField.put(embed.name(), nested);
      }
    });
    return byField;
  }

  /**
   * The validations by field, newest first as in Ecto's {@code traverse_validations/2}:
   * {@code {title=[title: format {format=@}, title: length {min=1, max=20}]}}; an association's entry
   * is the list of its children's maps (a map for to-one), as in {@link #traverseErrors()}.
   */
  public Map<String, Object> traverseValidations() {
    return traverseValidations(Function.identity());
  }

  /** {@link #traverseValidations()} with each validation rendered by {@code render}, e.g. for a form's client-side rules. */
  public <R> Map<String, Object> traverseValidations(Function<Validation, R> render) {
    Map<String, Object> byField = new LinkedHashMap<>();
    for (Validation validation : validations()) {
      @SuppressWarnings("unchecked")
      List<R> rendered = (List<R>) byField.computeIfAbsent(validation.field(), k -> new ArrayList<R>());
      rendered.add(render.apply(validation));
    }
    assocChanges().forEach((association, change) -> {
      Object nested = change.traverseValidations(render);
      if (nested != null) {
        byField.put(association.name(), nested);
      }
    });
    state.embedChanges().forEach((embed, change) -> {
      Object nested = change.traverseValidations(render);
      if (nested != null) {
        byField.put(embed.name(), nested);
      }
    });
    return byField;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  // ---------------------------------------------------------------- plumbing

  private Changeset<S> with(Definition<S> definition) {
    return new Changeset<>(data, definition, state, repo);
  }

  private Changeset<S> with(State<S> state) {
    return new Changeset<>(data, definition, state, repo);
  }

  private Changeset<S> with(Definition<S> definition, State<S> state) {
    return new Changeset<>(data, definition, state, repo);
  }

  /**
   * {@code front} followed by {@code list}, immutable: without a copy step when {@code list} is
   * empty, as it is the first time a changeset declares each kind (required fields, constraints).
   */
  private static <E> List<E> prepended(List<? extends E> front, List<E> list) {
    return list.isEmpty() ? List.copyOf(front) : edited(list, all -> all.addAll(0, front));
  }

  /** {@code list} after {@code edit}, copied once: a step copies the collections it changes, not the rest. */
  private static <E> List<E> edited(List<E> list, Consumer<List<E>> edit) {
    CopyOnWrite<List<E>> copy = CopyOnWrite.list(list);
    edit.accept(copy.write());
    return copy.frozenList();
  }

  /** {@code map} (which may be null) after {@code edit}, copied once. */
  private static <K, V> Map<K, V> edited(Map<K, V> map, Consumer<Map<K, V>> edit) {
    CopyOnWrite<Map<K, V>> copy = CopyOnWrite.map(map);
    edit.accept(copy.write());
    return copy.frozenMap();
  }

  @Override
  public String toString() {
    Action action = state.action();
    StringBuilder text = new StringBuilder("#Changeset<action: ")
        .append(action == null ? "nil" : action.name().toLowerCase()).append(", changes: ").append(changesText());
    return text.append(", errors: ").append(errors()).append(", data: ").append(table().schemaName())
        .append(", valid?: ").append(isValid()).append('>').toString();
  }

  /** The changes as {@code {title: Hi, body: **redacted**}}, association changes last. */
  private String changesText() {
    StringBuilder text = new StringBuilder("{");
    int i = 0;
    for (Map.Entry<Field<S, ?>, Object> change : changes().entrySet()) {
      Field<S, ?> field = change.getKey();
      text.append(i++ == 0 ? "" : ", ").append(field.name()).append(": ")
          .append(field.shown(change.getValue()));
    }
    for (Map.Entry<Association<S, ?>, AssocChange<?>> change : assocChanges().entrySet()) {
      text.append(i++ == 0 ? "" : ", ").append(change.getKey().name()).append(": ").append(change.getValue());
    }
    return text.append('}').toString();
  }

  @Override
  /** Equal data, state (changes, association changes, errors, action), params and filters. */
  public boolean equals(Object o) {
    return o instanceof Changeset<?> other && data.equals(other.data) && state.equals(other.state)
        && Objects.equals(definition.params(), other.definition.params())
        && definition.filters().equals(other.definition.filters());
  }

  @Override
  public int hashCode() {
    return Objects.hash(data, changes(), errors(), state.action());
  }

  static Pattern graphemePattern() {
    return GRAPHEME;
  }
}
