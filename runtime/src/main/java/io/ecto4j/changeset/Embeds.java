package io.ecto4j.changeset;

import static io.ecto4j.changeset.Casting.orderedKeys;

import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Struct;
import io.ecto4j.schema.OnReplace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cast_embed} and {@code put_embed}: Ecto's {@code Relation} rules of {@link Assocs}, for
 * structs that live in their parent's column. The current embeds are the data's (there is nothing to
 * preload); a new value is matched against them by primary key; the applied value becomes the
 * embed field's change, so the repo writes the whole {@code jsonb} value with the row.
 */
final class Embeds {
  private Embeds() {}

  static <S extends Struct<S>, V, E extends Struct<E>> Changeset<S> cast(Changeset<S> parent, Embed<S, V, E> embed,
      PositionedChangeset<E> with, AssocOption options) {
    requireSupported(embed, options);
    Changeset<S> declared = options.required ? parent.requiring(embed) : parent;
    return castParams(declared, embed, with, options);
  }

  private static <S extends Struct<S>, V, E extends Struct<E>> Changeset<S> castParams(Changeset<S> parent,
      Embed<S, V, E> embed, PositionedChangeset<E> with, AssocOption options) {
    Map<String, Object> params = parent.params().orElseThrow(() -> new IllegalStateException(
        "castEmbed(" + embed + ") needs params: call cast(data, params, …) before castEmbed"));
    List<?> sort = listParam(params, options.sortParam);
    List<?> drop = listParam(params, options.dropParam);
    if (!embed.isMany() && (sort != null || drop != null)) {
      throw new IllegalArgumentException((sort != null ? "sortParam" : "dropParam")
          + " is only for embeds_many: " + embed + " is an embeds_one");
    }
    Casting.ParamLookup found = Casting.ParamLookup.find(params, embed);
    List<E> current = embed.structs(parent.data());
    if (!found.present() && sort == null && drop == null) {
      return requireNotEmpty(parent, embed, currentOrChanged(parent, embed).isEmpty(), options);
    }
    Object raw = sort != null || drop != null ? Assocs.sortedAndDropped(found.value(), sort, drop) : found.value();
    if (!embed.isMany() && ("".equals(raw) || raw == null) && current.isEmpty()) {
      return requireNotEmpty(parent, embed, true, options); // nothing onto nothing is no change
    }
    Optional<List<Map<String, ?>>> maps = Assocs.paramMaps("".equals(raw) ? null : raw, !embed.isMany());
    if (maps.isEmpty()) {
      return parent.withError(invalid(embed, options, true));
    }
    List<Changeset<E>> children = new ArrayList<>();
    List<E> untouched = new ArrayList<>(current);
    boolean unchanged = true;
    int position = 0;
    for (Map<String, ?> childParams : maps.get()) {
      E existing = matching(embed, untouched, childParams, options);
      boolean inPlace = existing != null && untouched.get(0) == existing;
      untouched.remove(existing);
      Changeset<E> child = with.apply(existing != null ? existing : embed.related().newStruct(), childParams,
          position++);
      Changeset.Action action = checkedAction(embed, child, existing != null, true);
      if (action == Changeset.Action.IGNORE) {
        if (!embed.isMany()) {
          return parent; // an ignored embeds_one child is no change: the current one stays, as in Ecto
        }
        continue;
      }
      children.add(child.withAction(action));
      unchanged &= inPlace && Assocs.unchangedUpdate(child, action);
    }
    if (unchanged && untouched.isEmpty()) {
      // Ecto's skip?: params naming every current embed, in order, and changing none are no change.
      return requireNotEmpty(parent, embed, current.isEmpty(), options);
    }
    return replace(parent, embed, children, untouched, options, true);
  }

  /**
   * {@code put_embed}: each value a struct, a changeset or an attribute map becomes a child, matched
   * by key (or, without one, by being the current struct unchanged) against the current embeds;
   * unmatched ones are inserted, as an embed has no row that could be updated elsewhere.
   */
  static <S extends Struct<S>, V, E extends Struct<E>> Changeset<S> put(Changeset<S> parent, Embed<S, V, E> embed,
      List<?> values, AssocOption options) {
    requireSupported(embed, options);
    if (!embed.isMany() && values.size() > 1) {
      throw new IllegalArgumentException("putEmbed(" + embed + ") is an embeds_one: give at most one struct, got "
          + values.size());
    }
    EmbeddedTable<E> related = embed.related();
    List<E> current = embed.structs(parent.data());
    List<E> untouched = new ArrayList<>(current);
    List<Changeset<E>> children = new ArrayList<>();
    boolean unchanged = true;
    for (Object value : values) {
      Changeset<E> child = childChangeset(embed, value, untouched);
      E existing = current(embed, untouched, child);
      boolean inPlace = existing != null && untouched.get(0) == existing;
      untouched.remove(existing);
      Changeset.Action action = checkedAction(embed, child, existing != null, false);
      if (action != Changeset.Action.IGNORE) {
        children.add(child.withAction(action));
        unchanged &= inPlace && Assocs.unchangedUpdate(child, action);
      }
    }
    if (unchanged && untouched.isEmpty()) {
      return parent.withoutEmbedChange(embed); // Ecto's :ignore: the value is the current one
    }
    return replace(parent, embed, children, untouched, options, false);
  }

  /**
   * The current embed {@code child} stands for: none when the embedded schema has no key (Ecto's
   * {@code @primary_key false} embeds never match, so each put replaces); for an embeds_one, the
   * current one when their keys are equal, null ones too (Ecto compares key values); for an
   * embeds_many, the one with its key (or, without one, the same struct unchanged).
   */
  private static <E extends Struct<E>> E current(Embed<?, ?, E> embed, List<E> untouched, Changeset<E> child) {
    EmbeddedTable<E> related = embed.related();
    if (related.primaryKey().isEmpty()) {
      return null;
    }
    Object key = Assocs.keyOf(related, child.data());
    if (!embed.isMany()) {
      return untouched.stream().filter(c -> Objects.equals(key, Assocs.keyOf(related, c))).findFirst().orElse(null);
    }
    return untouched.stream().filter(c -> Assocs.sameEntry(related, key, c, child)).findFirst().orElse(null);
  }

  /** The embeds a changeset gives {@code embed}: its change's, else the data's. */
  static <S extends Struct<S>, V, E extends Struct<E>> List<E> currentOrChanged(Changeset<S> changeset,
      Embed<S, V, E> embed) {
    return embed.structsOf(changeset.getField(embed));
  }

  private static List<?> listParam(Map<String, Object> params, String name) {
    return name != null && params.get(name) instanceof List<?> list ? list : null;
  }

  /**
   * A struct of the embedded schema (a change of it), a changeset of one (kept as it is, with its
   * action), or attributes keyed by its fields or their names (applied to the current struct whose
   * key they name, else to a new one).
   */
  private static <E extends Struct<E>> Changeset<E> childChangeset(Embed<?, ?, E> embed, Object value,
      List<E> current) {
    String call = "putEmbed(" + embed + ")";
    return value instanceof Map<?, ?> attributes ? Assocs.fromAttributes(embed.related(), attributes, current,
        embed.related()::newStruct, call)
        : Assocs.childChangeset(embed.related(), value, call);
  }

  /**
   * The action a child is written with: its own, as Ecto's {@code put_new_action}, else {@code UPDATE}
   * for a current embed and {@code INSERT} for a new one; checked as Ecto's {@code check_action!}: a
   * current embed is never inserted again, and a cast one (not a put one, as Ecto's
   * {@code Relation.change} keeps any action) is updated or deleted only when current.
   */
  private static Changeset.Action checkedAction(Embed<?, ?, ?> embed, Changeset<?> child, boolean current,
      boolean cast) {
    Changeset.Action action = child.action().orElse(current ? Changeset.Action.UPDATE : Changeset.Action.INSERT);
    switch (action) {
      case IGNORE -> { }
      case INSERT -> {
        if (current) {
          throw new IllegalStateException("cannot insert related " + child.data() + " because it is already "
              + "associated with the given struct (" + embed + ")");
        }
      }
      case UPDATE, DELETE -> {
        if (!current && cast) {
          throw new IllegalStateException("cannot " + action.name().toLowerCase() + " related " + child.data()
              + " because it already exists and it is not currently associated with the given struct (" + embed
              + "): an embed is matched by its primary key, and this one matches none of the current ones");
        }
      }
      default -> throw new IllegalStateException(embed + ": a child marked " + action.name().toLowerCase()
          + "; an embed is inserted, updated, deleted or ignored (IGNORE leaves it out)");
    }
    return action;
  }

  private static <S extends Struct<S>, V, E extends Struct<E>> Changeset<S> replace(Changeset<S> parent,
      Embed<S, V, E> embed, List<Changeset<E>> children, List<E> untouched, AssocOption options, boolean cast) {
    OnReplace onReplace = onReplaceOf(embed, options);
    if (!untouched.isEmpty()) {
      switch (onReplace) {
        case RAISE -> throw new IllegalStateException("you are attempting to change " + embed + " but its on_replace "
            + "option is RAISE: the new value leaves out " + untouched.size() + " current "
            + embed.related().schemaName() + "(s). Pass AssocOption.onReplace(DELETE or MARK_AS_INVALID"
            + (embed.isMany() ? "" : " or UPDATE") + ") to castEmbed/putEmbed, or declare it on the embed");
        case MARK_AS_INVALID -> {
          return parent.withError(invalid(embed, options, cast));
        }
        default -> untouched.forEach(gone ->
            // First, the last left out first, as Ecto's reduce_delete_changesets lists them.
            children.add(0, Changeset.change(gone).withAction(Changeset.Action.REPLACE)));
      }
    }
    EmbedChange<E> change = new EmbedChange<>(embed, children);
    Changeset<S> updated = parent.withEmbedChange(embed, change, embed.valueOf(change.applied()));
    return requireNotEmpty(updated, embed, change.kept().isEmpty(), options);
  }

  /** Ecto's {@code {"is invalid", [validation: :embed, type: …]}}; put_embed's has no validation. */
  private static ChangesetError invalid(Embed<?, ?, ?> embed, AssocOption options, boolean cast) {
    String type = embed.isMany() ? "list<map>" : "map";
    return new ChangesetError(embed.name(), options.invalidMessage,
        cast ? orderedKeys("validation", "embed", "type", type) : orderedKeys("type", type));
  }

  private static OnReplace onReplaceOf(Embed<?, ?, ?> embed, AssocOption options) {
    return options.onReplace != null ? options.onReplace : embed.onReplace();
  }

  /** Ecto's embed {@code on_replace} options: {@code UPDATE} for embeds_one only; no foreign key to nilify. */
  private static void requireSupported(Embed<?, ?, ?> embed, AssocOption options) {
    OnReplace onReplace = onReplaceOf(embed, options);
    if (onReplace == OnReplace.NILIFY || onReplace == OnReplace.DELETE_IF_EXISTS
        || onReplace == OnReplace.UPDATE && embed.isMany()) {
      throw new IllegalArgumentException("invalid `:on_replace` option for " + embed + " ("
          + (embed.isMany() ? "embeds_many" : "embeds_one") + "): " + onReplace + ". The valid options are RAISE, "
          + "MARK_AS_INVALID, DELETE" + (embed.isMany() ? "" : " and UPDATE"));
    }
  }

  private static <S extends Struct<S>> Changeset<S> requireNotEmpty(Changeset<S> changeset, Embed<S, ?, ?> embed,
      boolean empty, AssocOption options) {
    if (!options.required || !empty) {
      return changeset;
    }
    return changeset.withError(
        new ChangesetError(embed.name(), options.requiredMessage, orderedKeys("validation", "required")));
  }

  /** The current embed the params name by primary key; for embeds_one with on_replace UPDATE, the current one. */
  private static <E extends Struct<E>> E matching(Embed<?, ?, E> embed, List<E> candidates, Map<String, ?> params,
      AssocOption options) {
    if (!embed.isMany() && onReplaceOf(embed, options) == OnReplace.UPDATE && !candidates.isEmpty()) {
      return candidates.get(0);
    }
    return Assocs.namedByKey(embed.related(), candidates, params);
  }
}
