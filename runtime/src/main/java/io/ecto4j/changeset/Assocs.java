package io.ecto4j.changeset;

import static io.ecto4j.changeset.Casting.orderedKeys;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.meta.ThroughAssociation;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.type.CastResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code cast_assoc} and {@code put_assoc}: matching new children against the loaded ones. */
final class Assocs {
  private Assocs() {}

  static <S extends Struct<S>, C extends Struct<C>> Changeset<S> cast(Changeset<S> parent,
      Association<S, C> association, PositionedChangeset<C> with, AssocOption options) {
    requireWritable(association, "castAssoc");
    requireSupported(association, options);
    Map<String, Object> params = parent.params().orElseThrow(() -> new IllegalStateException(
        "castAssoc(" + association + ") needs params: call cast(data, params, …) before castAssoc"));
    List<?> sort = options.sortParam != null && params.get(options.sortParam) instanceof List<?> list ? list : null;
    List<?> drop = options.dropParam != null && params.get(options.dropParam) instanceof List<?> list ? list : null;
    if (!params.containsKey(association.name()) && sort == null && drop == null) {
      // No param is no change: the children need loading only to tell whether a required one is there.
      return options.required ? requireNotEmpty(parent, association, loaded(parent, association).isEmpty(), options)
          : parent;
    }
    List<C> current = loaded(parent, association);
    Object raw = params.get(association.name());
    boolean toOne = association.kind().isToOne();
    if (toOne && (sort != null || drop != null)) {
      throw new IllegalArgumentException((sort != null ? "sortParam" : "dropParam")
          + " is not supported for belongs_to/has_one: " + association + " is " + association.kind().name().toLowerCase());
    }
    if (sort != null || drop != null) {
      raw = sortedAndDropped(raw, sort, drop);
    }
    boolean loaded = association.isLoaded(parent.data());
    if (toOne && current.isEmpty() && ("".equals(raw) || raw == null && loaded)) {
      // An empty value is no child, as Ecto reads it; nothing onto nothing is no change (onto a new
      // struct's unloaded slot, null is the change to nothing, as Ecto's nil differs from NotLoaded).
      return requireNotEmpty(parent, association, true, options);
    }
    if (toOne && "".equals(raw)) {
      raw = null;
    }
    Optional<List<Map<String, ?>>> maps = paramMaps(raw, toOne);
    if (maps.isEmpty()) {
      return parent.withError(invalid(association, options));
    }
    List<Changeset<C>> children = new ArrayList<>();
    List<C> untouched = new ArrayList<>(current);
    boolean unchanged = true;
    int position = 0;
    for (Map<String, ?> childParams : maps.get()) {
      C existing = matching(association, untouched, childParams, options);
      boolean inPlace = existing != null && untouched.get(0) == existing;
      if (existing != null) {
        untouched.remove(existing);
      }
      Changeset<C> child = with.apply(existing != null ? existing : association.newChild(parent.data()), childParams,
          position++);
      Changeset.Action action = actionOf(association, child, existing != null);
      if (action != Changeset.Action.IGNORE) {
        children.add(child.withAction(action));
        unchanged &= inPlace && unchangedUpdate(child, action);
      } else if (toOne) {
        return parent; // an ignored to-one child is no change: the current one stays, as in Ecto
      }
    }
    if (unchanged && untouched.isEmpty() && (loaded || !maps.get().isEmpty())) {
      // Ecto's skip?: params that name every loaded child, in order, and change none (or children all
      // ignored) are no change; nothing onto a new struct's unloaded slot is the change to nothing.
      return requireNotEmpty(parent, association, current.isEmpty(), options);
    }
    return replace(parent, association, children, untouched, options, true);
  }

  /** A valid update that changes nothing, Ecto's {@code skip?} of a cast child. */
  static boolean unchangedUpdate(Changeset<?> child, Changeset.Action action) {
    return action == Changeset.Action.UPDATE && child.isValid() && child.changes().isEmpty()
        && child.assocChanges().isEmpty();
  }

  /**
   * The action a cast child is written with: the one its {@code with} function set, as Ecto's
   * {@code put_new_action} keeps it ({@code IGNORE} leaves the child out, {@code DELETE} deletes a
   * loaded one), else {@code UPDATE} for a loaded child and {@code INSERT} for a new one.
   */
  private static Changeset.Action actionOf(Association<?, ?> association, Changeset<?> child, boolean loaded) {
    Changeset.Action action = child.action().orElse(loaded ? Changeset.Action.UPDATE : Changeset.Action.INSERT);
    // Ecto's check_action!: a loaded child can only be updated or deleted, a new one only inserted.
    switch (action) {
      case IGNORE -> { }
      case INSERT -> {
        if (loaded) {
          throw new IllegalStateException("cannot insert related " + child.data() + " because it is already "
              + "associated with the given struct (castAssoc(" + association + "))");
        }
      }
      case UPDATE, DELETE -> {
        if (!loaded) {
          throw new IllegalStateException("cannot " + action.name().toLowerCase() + " related " + child.data()
              + " because it already exists and it is not currently associated with the given struct. ecto4j forbids "
              + "casting existing records through the association field for security reasons, as Ecto does. Instead, "
              + "set the foreign key value accordingly (castAssoc(" + association + "))");
        }
      }
      default -> throw new IllegalStateException("castAssoc(" + association + "): the with function marked a child "
          + action.name().toLowerCase() + "; a cast child is inserted, updated, deleted or ignored (IGNORE leaves it "
          + "out), and a loaded child left out of the params is replaced by the association's onReplace");
    }
    return action;
  }

  static <S extends Struct<S>, C extends Struct<C>> Changeset<S> put(Changeset<S> parent,
      Association<S, C> association, List<?> values, AssocOption options) {
    requireWritable(association, "putAssoc");
    requireSupported(association, options);
    if (association.kind().isToOne() && values.size() > 1) {
      throw new IllegalArgumentException("putAssoc(" + association + ") is to-one: give at most one child, got " + values.size());
    }
    return put(parent, association, values, loaded(parent, association), options);
  }

  /** A to-one {@code putAssoc}: one child, or none for {@code null}. */
  static <S extends Struct<S>, C extends Struct<C>> Changeset<S> putOne(Changeset<S> parent,
      Association<S, C> association, Object child, AssocOption options) {
    requireWritable(association, "putAssoc");
    if (!association.kind().isToOne()) {
      throw new IllegalArgumentException("putAssoc(" + association + ", child) is for belongs_to and has_one; "
          + association + " is " + association.kind().name().toLowerCase() + ": give its children as a list");
    }
    return put(parent, association, child == null ? List.of() : List.of(child), options);
  }

  /**
   * The changeset of a struct to insert with the associations loaded on it as association changes,
   * Ecto's {@code surface_changes} on insert: each child is put onto an empty association (a child
   * with a key is updated, one without inserted), unless the changeset already changes it.
   */
  static <S extends Struct<S>> Changeset<S> surface(Changeset<S> changeset) {
    Changeset<S> surfaced = changeset;
    for (Association<S, ?> association : changeset.table().associations()) {
      if (!(association instanceof ThroughAssociation<?, ?>) && !changeset.assocChanges().containsKey(association)
          && association.isLoaded(changeset.data())) {
        surfaced = surfaceLoaded(surfaced, association);
      }
    }
    return surfaced;
  }

  @SuppressWarnings("unchecked")
  private static <S extends Struct<S>, C extends Struct<C>> Changeset<S> surfaceLoaded(Changeset<S> changeset,
      Association<S, ?> untyped) {
    Association<S, C> association = (Association<S, C>) untyped;
    List<C> children = Internals.association().children(association, changeset.data());
    if (children.isEmpty()) {
      return changeset;
    }
    return put(changeset, association, children, List.of(), AssocOption.combine());
  }

  /**
   * Ecto's {@code Relation.change}: each value becomes a child changeset matched by key against the
   * loaded children. A child keeps the action it carries ({@code IGNORE} leaves it out, {@code DELETE}
   * deletes it), else it is updated when it has a key and inserted when not; a loaded child may not be
   * inserted again. Values that only name the loaded children, in order and unchanged, are no change.
   */
  private static <S extends Struct<S>, C extends Struct<C>> Changeset<S> put(Changeset<S> parent,
      Association<S, C> association, List<?> values, List<C> current, AssocOption options) {
    List<C> untouched = new ArrayList<>(current);
    List<Changeset<C>> children = new ArrayList<>();
    Table<C> related = association.related();
    boolean unchanged = true;
    // Under on_replace UPDATE a to-one's attributes change the current child, whatever key they hold (Ecto's single_change).
    boolean updateInPlace = association.kind().isToOne() && !current.isEmpty()
        && onReplaceOf(association, options) == OnReplace.UPDATE;
    for (Object value : values) {
      boolean attributes = value instanceof Map<?, ?>;
      Changeset<C> child = attributes
          ? fromAttributes(related, (Map<?, ?>) value, updateInPlace ? List.of() : untouched,
              () -> updateInPlace ? current.get(0) : association.newChild(parent.data()), "putAssoc(" + association + ")")
          : childChangeset(related, value, "putAssoc(" + association + ")");
      Object key = keyOf(related, child.data());
      C existing = untouched.stream().filter(c -> c == child.data() || sameEntry(related, key, c, child))
          .findFirst().orElse(null);
      if (existing == null && !attributes && updateInPlace) {
        throw updatingWithStruct(association, child.data());
      }
      boolean inPlace = existing != null && untouched.get(0) == existing;
      untouched.remove(existing);
      // Attributes applied to a loaded child update it, to a built one insert it (Ecto's action_from_changeset).
      Changeset.Action action = attributes
          ? child.action().orElse(actionOfState(child.data())) : putAction(association, child, existing != null);
      if (action != Changeset.Action.IGNORE) {
        Changeset<C> marked = child.withAction(action);
        children.add(marked);
        unchanged &= inPlace && unchangedUpdate(marked, action);
      }
    }
    if (unchanged && untouched.isEmpty() && (association.isLoaded(parent.data()) || !values.isEmpty())) {
      return parent.withoutAssocChange(association); // Ecto's :ignore: the value is the loaded one
    }
    return replace(parent, association, children, untouched, options, false);
  }

  /**
   * Ecto's refusal of a struct or changeset other than the current one for a to-one association
   * whose on_replace is {@code UPDATE}: only the current child may be changed, by attributes.
   */
  private static IllegalStateException updatingWithStruct(Association<?, ?> association, Object given) {
    return new IllegalStateException("you have set that the relation " + association + " has onReplace UPDATE but "
        + "you are giving it a struct/changeset to putAssoc. Since onReplace is UPDATE, you are only allowed to "
        + "update the existing entry by giving updated fields as a map, or set it to null. If you indeed want to "
        + "replace the existing " + association.name() + ", change the foreign key field directly. Got: " + given);
  }

  /** The action of a put child: its own (Ecto's put_new_action), checked as Ecto's {@code check_action!}. */
  private static <C extends Struct<C>> Changeset.Action putAction(Association<?, ?> association,
      Changeset<C> child, boolean loaded) {
    Changeset.Action action = child.action().orElse(loaded ? Changeset.Action.UPDATE : actionOfState(child.data()));
    if (action == Changeset.Action.INSERT && loaded) {
      throw new IllegalStateException("cannot insert related " + child.data() + " because it is already associated "
          + "with the given struct (putAssoc(" + association + "))");
    }
    if (action == Changeset.Action.REPLACE) {
      throw new IllegalStateException("cannot replace related " + child.data() + ". This typically happens when you "
          + "are calling putAssoc with the results of a previous putAssoc/castAssoc, which is not supported. You must "
          + "call such operations only once per association, in order for ecto4j to track changes efficiently");
    }
    return action;
  }

  /**
   * The action of a put child that is none of the loaded ones, by its metadata, Ecto's
   * {@code action_from_changeset}: a built struct is inserted (even with a key set), a loaded one
   * updated, a deleted one deleted.
   */
  private static <C extends Struct<C>> Changeset.Action actionOfState(C data) {
    return switch (data.meta().state()) {
      case BUILT -> Changeset.Action.INSERT;
      case LOADED -> Changeset.Action.UPDATE;
      case DELETED -> Changeset.Action.DELETE;
    };
  }

  /**
   * Whether {@code child} stands for the loaded {@code candidate}: the same key, or, for an unchanged
   * child without a key, the same struct (Ecto compares keys, nil ones included, so putting back
   * the unchanged loaded struct is no change).
   */
  static <C extends Struct<C>> boolean sameEntry(Table<C> related, Object key, C candidate, Changeset<C> child) {
    return key != null ? key.equals(keyOf(related, candidate))
        : child.changes().isEmpty() && child.action().isEmpty() && candidate.equals(child.data());
  }

  /**
   * Ecto's {@code put_assoc} with attributes: a map keyed by the related schema's fields or their
   * names, applied as by {@link Changeset#change(Struct, Map)} to the current child it names by key (one
   * without a key when it names none), else to a new struct.
   */
  static <C extends Struct<C>> Changeset<C> fromAttributes(Table<C> related, Map<?, ?> attributes, List<C> loaded,
      Supplier<C> newChild, String call) {
    Map<Field<C, ?>, Object> typed = typedAttributes(related, attributes, call);
    Object key = keyIn(related, typed);
    // Ecto matches attributes to a loaded child by key, a missing key matching a child without one.
    C existing = loaded.stream().filter(c -> Objects.equals(key, keyOf(related, c))).findFirst().orElse(null);
    return Changeset.change(existing != null ? existing : newChild.get(), typed);
  }

  /**
   * Attributes keyed by {@code related}'s fields or their names (Java or column), keyed by the fields.
   *
   * @throws IllegalArgumentException naming {@code call}, for a key that is no field of {@code related}
   */
  static <C> Map<Field<C, ?>, Object> typedAttributes(Table<C> related, Map<?, ?> attributes, String call) {
    Map<String, Object> named = Changeset.stringKeyed(attributes);
    Map<Field<C, ?>, Object> typed = new LinkedHashMap<>();
    for (Field<C, ?> field : related.fields()) {
      Casting.ParamLookup found = Casting.ParamLookup.find(named, field);
      if (found.present()) {
        typed.put(field, found.value());
        named.remove(named.containsKey(field.name()) ? field.name() : field.column());
      }
    }
    if (!named.isEmpty()) {
      throw new IllegalArgumentException(call + ": unknown fields " + named.keySet() + " for "
          + related.schemaName() + "; the attributes name its fields");
    }
    return typed;
  }

  /** {@code value}, a changeset or a struct of {@code related}, as a changeset; {@code call} names the call refusing anything else. */
  static <C extends Struct<C>> Changeset<C> childChangeset(Table<C> related, Object value, String call) {
    if (value instanceof Changeset<?> changeset && changeset.table() == related) {
      @SuppressWarnings("unchecked")
      Changeset<C> typed = (Changeset<C>) changeset;
      return typed;
    }
    if (value instanceof Struct<?> struct && struct.schema() == related) {
      @SuppressWarnings("unchecked")
      C typed = (C) struct;
      return Changeset.change(typed);
    }
    throw new IllegalArgumentException(call + " takes " + related.schemaName()
        + " structs or changesets, got " + (value == null ? "null" : value.getClass().getName()));
  }

  private static <S extends Struct<S>, C extends Struct<C>> Changeset<S> replace(Changeset<S> parent,
      Association<S, C> association, List<Changeset<C>> children, List<C> untouched, AssocOption options,
      boolean cast) {
    if (association instanceof ManyToManyAssociation<S, C, ?, ?> manyToMany && manyToMany.unique()) {
      children = takenTwice(association.related(), children);
    }
    OnReplace onReplace = onReplaceOf(association, options);
    if (!untouched.isEmpty()) {
      switch (onReplace) {
        case RAISE -> throw new IllegalStateException("you are attempting to change " + association
            + " but its on_replace option is RAISE: the new value leaves out " + untouched.size()
            + " loaded " + association.related().schemaName() + "(s). Pass AssocOption.onReplace(DELETE, NILIFY, "
            + "MARK_AS_INVALID or UPDATE) to castAssoc/putAssoc to say what should happen to them");
        case MARK_AS_INVALID -> {
          // The error only, no change, as Ecto's on_replace; put_assoc's metadata has no validation.
          ChangesetError error = invalid(association, options);
          return parent.withError(cast ? error : new ChangesetError(error.field(), error.message(),
              orderedKeys("type", error.keys().get("type"))));
        }
        case UPDATE -> {
          if (!association.kind().isToOne()) {
            throw new IllegalArgumentException("on_replace UPDATE is only for to-one associations, " + association
                + " is " + association.kind());
          }
        }
        case NILIFY, DELETE, DELETE_IF_EXISTS -> {
          if (association.kind() == Association.Kind.BELONGS_TO && onReplace == OnReplace.DELETE) {
            break;
          }
        }
      }
      for (C gone : untouched) {
        // First, the last left out first, as Ecto's reduce_delete_changesets lists them.
        children.add(0, Changeset.change(gone).withAction(Changeset.Action.REPLACE));
      }
    }
    AssocChange<C> change = new AssocChange<>(association.kind(), children, onReplace,
        cast && forceUpdateOf(association, options));
    Changeset<S> updated = parent.withAssocChange(association, change, null);
    return requireNotEmpty(updated, association, change.kept().isEmpty(), options);
  }

  /**
   * Ecto's {@code unique: true} of a many_to_many: a child whose key an earlier child has is marked
   * {@code has already been taken} on its key, so the changeset is invalid before anything is written.
   */
  private static <C extends Struct<C>> List<Changeset<C>> takenTwice(Table<C> related, List<Changeset<C>> children) {
    Optional<Field<C, ?>> key = related.primaryKey();
    if (key.isEmpty()) {
      return children;
    }
    Set<Object> seen = new HashSet<>();
    List<Changeset<C>> marked = new ArrayList<>();
    for (Changeset<C> child : children) {
      Object value = child.getField(key.get());
      marked.add(value != null && !seen.add(value) ? child.addError(key.get(), "has already been taken") : child);
    }
    return marked;
  }

  /** Ecto's {@code {"is invalid", [validation: :assoc, type: …]}} on the association. */
  private static ChangesetError invalid(Association<?, ?> association, AssocOption options) {
    return new ChangesetError(association.name(), options.invalidMessage,
        orderedKeys("validation", "assoc", "type", association.kind().isToOne() ? "map" : "list<map>"));
  }

  /** The call's force_update_on_change, else the association's declared one. */
  private static boolean forceUpdateOf(Association<?, ?> association, AssocOption options) {
    return options.forceUpdateOnChange != null ? options.forceUpdateOnChange : association.forcesUpdateOnChange();
  }

  /** The call's on_replace, else the association's declared one. */
  private static OnReplace onReplaceOf(Association<?, ?> association, AssocOption options) {
    return options.onReplace != null ? options.onReplace : association.onReplace();
  }

  private static <S extends Struct<S>> Changeset<S> requireNotEmpty(Changeset<S> changeset,
      Association<S, ?> association, boolean empty, AssocOption options) {
    if (!options.required || !empty) {
      return changeset;
    }
    return changeset.withError(
        new ChangesetError(association.name(), options.requiredMessage, orderedKeys("validation", "required")));
  }

  /** The loaded children; a struct not yet inserted has none, anything else must be preloaded. */
  static <S extends Struct<S>, C extends Struct<C>> List<C> loaded(Changeset<S> parent, Association<S, C> association) {
    S data = parent.data();
    if (association.isLoaded(data)) {
      return Internals.association().children(association, data);
    }
    if (data.meta().state() == Meta.State.BUILT) {
      return List.of(); // Ecto's load! of a built struct: nothing stored yet, so no children either
    }
    throw new IllegalStateException(association + " is not loaded, and the " + parent.table().schemaName()
        + " is already stored: preload it first, repo.preload(struct, " + association + "), so that the "
        + "changeset knows which children to keep");
  }

  /**
   * A many-to-many's replaced children can only lose their join rows ({@code DELETE}), be refused
   * ({@code RAISE}) or mark the changeset invalid, Ecto's {@code @on_replace_opts} of many_to_many.
   */
  /** A through association only reads its path, as Ecto leaves it out of {@code __changeset__}. */
  private static void requireWritable(Association<?, ?> association, String call) {
    if (association.owner() instanceof EmbeddedTable<?>) {
      // Its parent row is written with the embed's JSON only: nothing would write the child.
      throw new IllegalArgumentException("cannot " + call + ": " + association + " belongs to the embedded schema "
          + association.owner().schemaName() + ", which is stored in its parent's jsonb column and writes no"
          + " associated rows; insert the related struct first and set the foreign key field "
          + association.ownerField().constant() + " instead");
    }
    if (association.isThrough()) {
      String path = association.throughPath().stream().map(Object::toString).collect(Collectors.joining(", then "));
      throw new IllegalArgumentException("cannot " + call + ": " + association + " is a through association (" + path
          + "), which is read-only; change the associations of its path instead");
    }
  }

  private static void requireSupported(Association<?, ?> association, AssocOption options) {
    OnReplace onReplace = onReplaceOf(association, options);
    if (association.kind() == Association.Kind.MANY_TO_MANY
        && (onReplace == OnReplace.NILIFY || onReplace == OnReplace.UPDATE || onReplace == OnReplace.DELETE_IF_EXISTS)) {
      throw new IllegalArgumentException("invalid `:on_replace` option for " + association + " (many_to_many): "
          + onReplace + ". The only valid options are RAISE, MARK_AS_INVALID and DELETE (which deletes the join "
          + "rows only, never the related rows)");
    }
  }

  /** A list of param maps (one for to-one, from a map or null), or empty when the shape is wrong. */
  static Optional<List<Map<String, ?>>> paramMaps(Object raw, boolean toOne) {
    if (toOne) {
      if (raw == null) {
        return Optional.of(List.of());
      }
      return raw instanceof Map<?, ?> map ? Optional.of(List.of(stringKeyed(map))) : Optional.empty();
    }
    List<Object> items = new ArrayList<>();
    if (raw instanceof List<?> list) {
      items.addAll(list);
    } else if (raw instanceof Map<?, ?> indexed && indexed.keySet().stream().allMatch(k -> k instanceof String s && s.matches("\\d{1,9}"))) {
      // A form's comments[0][body]=… arrives as {"0": {...}, "1": {...}}; order by index, as Ecto does.
      TreeMap<Integer, Object> sorted = new TreeMap<>();
      indexed.forEach((k, v) -> sorted.put(Integer.parseInt((String) k), v));
      items.addAll(sorted.values());
    } else {
      return Optional.empty();
    }
    List<Map<String, ?>> maps = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      maps.add(stringKeyed(map));
    }
    return Optional.of(maps);
  }

  /**
   * Ecto's {@code cast_params} for {@code sort_param}/{@code drop_param}: indexed params (a map by
   * index) become a list, the sorted indexes first (an unknown one a new, empty child), then the
   * rest in index order, leaving out the dropped ones. A list is left as it is.
   */
  static Object sortedAndDropped(Object raw, List<?> sort, List<?> drop) {
    if (raw != null && !(raw instanceof Map<?, ?>)) {
      return raw;
    }
    Map<String, Object> pending = new LinkedHashMap<>();
    if (raw != null) {
      ((Map<?, ?>) raw).forEach((k, v) -> pending.put(String.valueOf(k), v));
    }
    List<String> dropped = drop == null ? List.of() : drop.stream().map(String::valueOf).toList();
    List<Object> result = new ArrayList<>();
    if (sort != null) {
      for (Object index : sort) {
        String key = String.valueOf(index);
        if (!dropped.contains(key)) {
          Object value = pending.remove(key);
          result.add(value != null ? value : Map.of());
        }
      }
    }
    dropped.forEach(pending::remove);
    pending.entrySet().stream().sorted(Map.Entry.comparingByKey(Assocs::compareIndexes))
        .forEach(entry -> result.add(entry.getValue()));
    return result;
  }

  /** Integer indexes in numeric order, before any other key (Elixir's term order). */
  private static int compareIndexes(String a, String b) {
    boolean aNumber = a.matches("-?\\d{1,9}");
    boolean bNumber = b.matches("-?\\d{1,9}");
    if (aNumber && bNumber) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    return aNumber ? -1 : bNumber ? 1 : a.compareTo(b);
  }

  private static Map<String, Object> stringKeyed(Map<?, ?> map) {
    Map<String, Object> safe = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (k instanceof String name) {
        safe.put(name, v);
      } else if (k instanceof Field<?, ?> field) {
        safe.put(field.name(), v); // a nested map keyed by fields, Ecto's atom keys
      }
    });
    return safe;
  }

  /** The loaded child the params name by primary key; for to-one with on_replace UPDATE, the current one. */
  private static <C extends Struct<C>> C matching(Association<?, C> association, List<C> candidates,
      Map<String, ?> params, AssocOption options) {
    if (association.kind().isToOne() && onReplaceOf(association, options) == OnReplace.UPDATE && !candidates.isEmpty()) {
      return candidates.get(0);
    }
    return namedByKey(association.related(), candidates, params);
  }

  /**
   * The candidate whose primary key the params hold (cast by the key's type), every part of a
   * composite key; null without a key or a match.
   */
  static <C> C namedByKey(Table<C> related, List<C> candidates, Map<String, ?> params) {
    List<Field<C, ?>> key = related.primaryKeys();
    if (key.isEmpty()) {
      return null;
    }
    List<Object> values = new java.util.ArrayList<>();
    for (Field<C, ?> part : key) {
      Casting.ParamLookup found = Casting.ParamLookup.find(params, part);
      if (!found.present() || found.value() == null) {
        return null;
      }
      CastResult<?> cast = part.type().cast(found.value());
      if (!cast.isOk()) {
        return null;
      }
      values.add(cast.value());
    }
    Object named = key.size() == 1 ? values.get(0) : PrimaryKeyValue.of(related, values.toArray());
    return candidates.stream().filter(c -> Objects.equals(named, keyOf(related, c))).findFirst().orElse(null);
  }

  /** The key attributes name: the single key's value, or a composite {@link PrimaryKeyValue} when every part is given. */
  private static <C> Object keyIn(Table<C> related, Map<Field<C, ?>, Object> typed) {
    List<Field<C, ?>> key = related.primaryKeys();
    if (key.isEmpty() || !typed.keySet().containsAll(key)) {
      return null;
    }
    if (key.size() == 1) {
      return key.get(0).castValue(typed.get(key.get(0)));
    }
    Object[] values = key.stream().map(typed::get).toArray();
    return java.util.Arrays.stream(values).anyMatch(Objects::isNull) ? null : PrimaryKeyValue.of(related, values);
  }

  /**
   * A struct's key as children are matched by: the value of a single key, a {@link PrimaryKeyValue} for a
   * composite one (null when a part is), null without a key.
   */
  static <C> Object keyOf(Table<C> table, C struct) {
    if (table.primaryKeys().size() <= 1) {
      return table.primaryKey().map(key -> key.get(struct)).orElse(null);
    }
    PrimaryKeyValue<C> key = PrimaryKeyValue.from(table, struct);
    return key.missing().isPresent() ? null : key;
  }
}
