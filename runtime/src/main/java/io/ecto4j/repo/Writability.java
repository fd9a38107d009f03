package io.ecto4j.repo;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.schema.Writable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ecto's {@code writable:} on a changeset write: a change to a field the action may not write is
 * dropped, and the field's {@code onWritableViolation} says whether that is silent, logged or an
 * {@link IllegalArgumentException}. An insert also refuses a value of a {@link Writable#NEVER}
 * field already on the data, as Ecto's {@code detect_unsurfaced_non_writable_data!} does.
 */
final class Writability {
  private static final Logger LOG = LoggerFactory.getLogger(Writability.class);

  private Writability() {}

  /** {@code changeset} without the changes its action ({@code insert} or {@code update}) may not write. */
  static <S extends Struct<S>> Changeset<S> writableChanges(Changeset<S> changeset, Changeset.Action action) {
    boolean insert = action == Changeset.Action.INSERT;
    Changeset<S> kept = changeset;
    for (Field<S, ?> field : changeset.table().fields()) {
      if (insert ? field.isInsertable() : field.isUpdatable()) {
        continue;
      }
      if (insert && field.get(changeset.data()) != null) {
        violated(field, action);
      }
      if (changeset.changes().containsKey(field)) {
        violated(field, action);
        kept = kept.deleteChange(field);
      }
    }
    return kept;
  }

  /**
   * insertAll's rows, held to the rule of an insert's data: a value of a field that is not
   * insertable is left out of the statement, and the field's {@code onWritableViolation} says
   * whether that is silent, logged (once per field) or refused before anything is written.
   */
  static <S> void insertableRows(Table<S> table, List<S> rows) {
    for (Field<S, ?> field : table.fields()) {
      if (!field.isInsertable() && rows.stream().anyMatch(row -> field.get(row) != null)) {
        violated(field, Changeset.Action.INSERT);
      }
    }
  }

  private static void violated(Field<?, ?> field, Changeset.Action action) {
    switch (field.onWritableViolation()) {
      case RAISE -> throw new IllegalArgumentException(message(field, action));
      case WARN -> LOG.warn(message(field, action));
      default -> { } // NOTHING: the change is dropped silently, Ecto's default
    }
  }

  private static String message(Field<?, ?> field, Changeset.Action action) {
    return "you are attempting to write to the field " + field + " (column \"" + field.column() + "\" of table \""
        + field.table().name() + "\") but it is declared writable = " + field.writable() + ", so it is not written"
        + " during an " + action.name().toLowerCase() + "; declare another @Field(writable = …) to write it, or"
        + " @Field(onWritableViolation = …) to change what a write does with such a change";
  }
}
