package io.ecto4j.changeset;

import static io.ecto4j.changeset.Casting.orderedKeys;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
 * (and whitespace-only ones) count as missing and become the field's default; a value equal to the
 * current one is no change; a value that cannot be cast is the error {@code is invalid} with
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

  /** Ecto's default empty value: a string that is empty once trimmed. */
  public static final Predicate<Object> EMPTY_TRIMMED_STRING = value -> value instanceof String s && s.isBlank();

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private final S data;
  private final Definition<S> definition;
  private final State<S> state;

  private Changeset(S data, Definition<S> definition, State<S> state) {
    this.data = data;
    this.definition = definition;
    this.state = state;
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
   */
  @SafeVarargs
  public static <S extends Struct<S>> Changeset<S> cast(S data, Map<String, ?> params, Field<S, ?>... permitted) {
    return change(data).cast(params, permitted);
  }

  /** Like {@link #cast(Struct, Map, Field[])} with Ecto's {@code empty_values:} option. */
  public static <S extends Struct<S>> Changeset<S> cast(S data, Map<String, ?> params, List<Field<S, ?>> permitted,
      Predicate<Object> emptyValues) {
    Changeset<S> changeset = change(data);
    Objects.requireNonNull(emptyValues, "emptyValues");
    return changeset.with(changeset.definition.withEmptyValues(emptyValues)).cast(params, permitted);
  }

  /** Casts more params onto this changeset; errors and changes add up, params merge. */
  @SafeVarargs
  public final Changeset<S> cast(Map<String, ?> params, Field<S, ?>... permitted) {
    return cast(params, Arrays.asList(permitted));
  }

  private Changeset<S> cast(Map<String, ?> newParams, List<Field<S, ?>> permitted) {
    Map<String, Object> safe = stringKeyed(newParams == null ? Map.of() : newParams);
    Casting.Outcome<S> outcome = Casting.cast(data, table(), safe, permitted, changes(), definition.emptyValues());
    CopyOnWrite<Map<Field<S, ?>, Object>> changes = CopyOnWrite.map(changes());
    changes.replace(new LinkedHashMap<>(outcome.changes()));
    List<ChangesetError> errors = outcome.newErrors().isEmpty()
        ? errors() : edited(errors(), all -> all.addAll(outcome.newErrors()));
    return with(definition.withParams(edited(definition.params(), all -> all.putAll(safe))),
        state.withChanges(changes.frozenMap()).withErrors(errors));
  }

  /** Params keyed by strings; any other key (from an unchecked map) is ignored, as not permitted. */
  private static Map<String, Object> stringKeyed(Map<?, ?> params) {
    Map<String, Object> safe = new LinkedHashMap<>();
    params.forEach((key, value) -> {
      if (key instanceof String name) {
        safe.put(name, value);
      }
    });
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
    if (!errors().isEmpty()) {
      return false;
    }
    for (AssocChange<?> change : assocChanges().values()) {
      if (!change.isValid()) {
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

  /** The change to {@code field}, if there is one (a change to null is empty too; see {@link #hasChange}). */
  public <V> Optional<V> getChange(Field<S, V> field) {
    return Optional.ofNullable(field.castValue(changes().get(field)));
  }

  /** Whether {@code field} has a change (possibly to null). */
  public boolean hasChange(Field<S, ?> field) {
    return changes().containsKey(field);
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

  /** Drops the change to {@code field}, if any. */
  public Changeset<S> deleteChange(Field<S, ?> field) {
    return hasChange(field) ? with(state.withChanges(edited(changes(), all -> all.remove(field)))) : this;
  }

  /** Replaces the change to {@code field} with {@code update} of it, if there is one. */
  public <V> Changeset<S> updateChange(Field<S, V> field, UnaryOperator<V> update) {
    if (!hasChange(field)) {
      return this;
    }
    // As put_change: an update that lands back on the data's value is no change.
    return putChange(field, update.apply(field.castValue(changes().get(field))));
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
    for (Map.Entry<Field<S, ?>, Object> change : changes().entrySet()) {
      applied = apply(applied, change.getKey(), change.getValue());
    }
    for (Map.Entry<Association<S, ?>, AssocChange<?>> change : assocChanges().entrySet()) {
      applied = change.getValue().applyTo(applied, change.getKey());
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

  // ---------------------------------------------------------------- validations

  /**
   * Each field must have a value that is not null and, for strings, not blank; Ecto's
   * {@code validate_required/3}: {@code can't be blank}, {@code validation: required}. A field
   * that already has an error is left alone; a blank change is dropped.
   */
  @SafeVarargs
  public final Changeset<S> validateRequired(Field<S, ?>... fields) {
    return validateRequired(Arrays.asList(fields), "can't be blank");
  }

  /** {@link #validateRequired(Field[])} with a custom message. */
  public Changeset<S> validateRequired(List<Field<S, ?>> fields, String message) {
    List<Field<S, ?>> missing = new ArrayList<>();
    for (Field<S, ?> field : fields) {
      if (isMissing(field) && errorsOn(field).isEmpty()) {
        missing.add(field);
      }
    }
    Definition<S> declared = definition.withRequired(edited(required(), all -> all.addAll(0, fields)));
    if (missing.isEmpty()) {
      return with(declared, state);
    }
    List<ChangesetError> added = new ArrayList<>();
    for (Field<S, ?> field : missing) {
      added.add(new ChangesetError(field.name(), message, orderedKeys("validation", "required")));
    }
    Map<Field<S, ?>, Object> changes = edited(changes(), all -> missing.forEach(all::remove));
    return with(declared, state.withChanges(changes).withErrors(edited(errors(), all -> all.addAll(0, added))));
  }

  private boolean isMissing(Field<S, ?> field) {
    Object value = getField(field);
    return value == null || definition.emptyValues().test(value);
  }

  /** The string change must match {@code format}, Ecto's {@code validate_format/4}: {@code has invalid format}. */
  public Changeset<S> validateFormat(Field<S, String> field, Pattern format) {
    return validateFormat(field, format, "has invalid format");
  }

  /** {@link #validateFormat(Field, Pattern)} with a custom message. */
  public Changeset<S> validateFormat(Field<S, String> field, Pattern format, String message) {
    return validate(field, "format", orderedKeys("format", format.pattern()),
        value -> format.matcher(value).find() ? null : error(field, message, "validation", "format"));
  }

  /**
   * The length of the change must fit, Ecto's {@code validate_length/3}. Strings count graphemes by
   * default ({@link Length.Count}); lists count items; {@code byte[]} counts bytes.
   */
  public Changeset<S> validateLength(Field<S, ?> field, Length... options) {
    Length rule = Length.combine(options);
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
    declared.put("count", rule.count.name().toLowerCase());
    return validate(field, "length", declared, value -> Lengths.check(field.name(), value, rule));
  }

  /** The number must satisfy every comparison, Ecto's {@code validate_number/3}. */
  public <N extends Number> Changeset<S> validateNumber(Field<S, N> field, Numbers... rules) {
    String message = null;
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
    String custom = message;
    return validate(field, "number", declared, value -> {
      for (Numbers rule : comparisons) {
        if (!rule.kind.holds(Numbers.compare(value, rule.number))) {
          return error(field, custom == null ? rule.kind.message : custom,
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
    Validation declared = new Validation(name, "acceptance", Map.of());
    Map<String, Object> params = definition.params();
    boolean accepted = params == null
        || Boolean.TRUE.equals(io.ecto4j.type.Types.BOOLEAN.cast(params.get(name)).value());
    ChangesetError error = accepted ? null : new ChangesetError(name, message, orderedKeys("validation", "acceptance"));
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
    Validation declared = new Validation(field.name(), "confirmation", Map.of());
    return declaring(declared, confirmationError(field, required, message));
  }

  /**
   * As Ecto's, by the params alone: a confirmation that was given must equal the field's param (a
   * null confirmation, or one without the field's param, does not); a missing one passes unless
   * {@code required}. The values are compared cast by the field's type, so {@code "42"} confirms {@code 42}.
   */
  private <V> ChangesetError confirmationError(Field<S, V> field, boolean required, String message) {
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
    return matches ? null : new ChangesetError(errorKey, message, orderedKeys("validation", "confirmation"));
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
   * result is the error message. Ecto's {@code validate_change/3}.
   */
  public <V> Changeset<S> validateChange(Field<S, V> field, Function<? super V, String> validator) {
    return validate(field, "change", Map.of(), value -> {
      String message = validator.apply(value);
      return message == null ? null : new ChangesetError(field.name(), message, Map.of());
    });
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

  private static ChangesetError error(Field<?, ?> field, String message, Object... keys) {
    return new ChangesetError(field.name(), message, orderedKeys(keys));
  }

  /**
   * Checks with a query that no other row has the same values of {@code fields}, adding
   * {@code has already been taken} to the first field: Ecto's {@code unsafe_validate_unique/4}.
   * "Unsafe" because another transaction may insert the value right after; keep the
   * {@link #uniqueConstraint} too. Skipped when the fields have no change or already have errors.
   *
   * <pre>{@code
   * changeset.unsafeValidateUnique(repo::exists, Users.EMAIL);
   * }</pre>
   */
  @SafeVarargs
  public final Changeset<S> unsafeValidateUnique(Predicate<Query<S>> exists, Field<S, ?>... fields) {
    List<Field<S, ?>> all = Arrays.asList(fields);
    Field<S, ?> first = all.get(0);
    boolean changed = all.stream().anyMatch(this::hasChange);
    if (!changed || all.stream().anyMatch(f -> !errorsOn(f).isEmpty() || getField(f) == null)) {
      return this;
    }
    Query<S> query = Query.from(table());
    for (Field<S, ?> field : all) {
      query = query.where(equalsCurrent(field));
    }
    Optional<Field<S, ?>> key = table().primaryKey();
    if (key.isPresent() && key.get().get(data) != null) {
      query = query.where(notEqualsCurrent(key.get()));
    }
    if (!exists.test(query)) {
      return this;
    }
    List<String> names = all.stream().map(Field::name).toList();
    return addError(first.name(), "has already been taken", orderedKeys("validation", "unsafe_unique", "fields", names));
  }

  private <V> io.ecto4j.query.Condition equalsCurrent(Field<S, V> field) {
    return field.eq(getField(field));
  }

  private <V> io.ecto4j.query.Condition notEqualsCurrent(Field<S, V> field) {
    return field.ne(field.get(data));
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
    return with(definition.withConstraints(edited(constraints(), all -> all.add(0, constraint))));
  }

  /** The declared constraint PostgreSQL's report of {@code type} on {@code name} matches, if any. */
  Optional<Constraint> constraintFor(Constraint.Type type, String name) {
    return constraints().stream().filter(c -> c.matches(type, name)).findFirst();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Optimistic locking, Ecto's {@code optimistic_lock/3}: the update or delete only happens if
   * {@code version} still holds the value read, and an update increments it. A stale struct makes
   * the repo throw {@code StaleEntryException}.
   */
  public <N extends Number> Changeset<S> optimisticLock(Field<S, N> version, UnaryOperator<N> increment) {
    N current = version.get(data);
    Changeset<S> locked = with(definition.withFilters(edited(filters(), all -> all.put(version, current))));
    return locked.forceChange(version, increment.apply(current));
  }

  /** {@link #optimisticLock(Field, UnaryOperator)} for an {@code int} version starting at 1 when null. */
  public Changeset<S> optimisticLock(Field<S, Integer> version) {
    return optimisticLock(version, v -> v == null ? 1 : v + 1);
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

  /** This changeset without its preparers, once they ran. */
  Changeset<S> withoutPreparers() {
    return preparers().isEmpty() ? this : with(definition.withPrepare(edited(preparers(), List::clear)));
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
   * Puts children (structs or changesets) as the association's new value, Ecto's
   * {@code put_assoc/4}; children missing from the value meet {@code onReplace}.
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

  /** {@link #putAssoc(Association, Struct, AssocOption...)} with the child's changeset. */
  public <C extends Struct<C>> Changeset<S> putAssoc(Association<S, C> association, Changeset<C> child,
      AssocOption... options) {
    return Assocs.putOne(this, association, child, AssocOption.combine(options));
  }

  Changeset<S> withError(ChangesetError error) {
    return with(state.withErrors(edited(errors(), all -> all.add(0, error))));
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
    return byField;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  // ---------------------------------------------------------------- plumbing

  private Changeset<S> with(Definition<S> definition) {
    return new Changeset<>(data, definition, state);
  }

  private Changeset<S> with(State<S> state) {
    return new Changeset<>(data, definition, state);
  }

  private Changeset<S> with(Definition<S> definition, State<S> state) {
    return new Changeset<>(data, definition, state);
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
        .append(action == null ? "nil" : action.name().toLowerCase()).append(", changes: {");
    int i = 0;
    for (Map.Entry<Field<S, ?>, Object> change : changes().entrySet()) {
      Field<S, ?> field = change.getKey();
      text.append(i++ == 0 ? "" : ", ").append(field.name()).append(": ")
          .append(field.isRedacted() ? "**redacted**" : change.getValue());
    }
    for (Map.Entry<Association<S, ?>, AssocChange<?>> change : assocChanges().entrySet()) {
      text.append(i++ == 0 ? "" : ", ").append(change.getKey().name()).append(": ").append(change.getValue());
    }
    return text.append("}, errors: ").append(errors()).append(", data: ").append(table().schemaName())
        .append(", valid?: ").append(isValid()).append('>').toString();
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
