package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.query.OnConflict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of one write, Ecto's keyword options of {@code Repo.insert/2}, {@code update/2},
 * {@code delete/2}, {@code insert_or_update/2} and {@code insert_all/3}, in one immutable value:
 *
 * <pre>{@code
 * repo.insert(changeset, WriteOptions.defaults().onConflict(OnConflict.nothing().target(Posts.TITLE)));
 * repo.update(changeset, WriteOptions.defaults().force().returning(Posts.UPDATED_AT));
 * repo.delete(post, WriteOptions.defaults().staleErrorField(Posts.ID));
 * repo.insertAll("posts_tags", rows, WriteOptions.defaults().placeholders(Map.of("now", now)));
 * }</pre>
 *
 * <table>
 *   <caption>Ecto → ecto4j</caption>
 *   <tr><td>{@code on_conflict:} with {@code conflict_target:}</td><td>{@link #onConflict(OnConflict)} (the target is
 *       the {@code OnConflict}'s own); inserts only</td></tr>
 *   <tr><td>{@code returning: [:id, :title]} / {@code true} / {@code false}</td><td>{@link #returning(Field[])},
 *       {@link #returningAll()} (the default), {@link #returningNone()}</td></tr>
 *   <tr><td>{@code force: true}</td><td>{@link #force()}; updates only</td></tr>
 *   <tr><td>{@code stale_error_field:}, {@code stale_error_message:}</td><td>{@link #staleErrorField(Field)},
 *       {@link #staleErrorMessage(String)}</td></tr>
 *   <tr><td>{@code allow_stale: true}</td><td>{@link #allowStale()}</td></tr>
 *   <tr><td>{@code prefix:}</td><td>{@link #prefix(String)}</td></tr>
 *   <tr><td>{@code placeholders:}</td><td>{@link #placeholders(Map)} with {@link io.ecto4j.query.Placeholder#of(String)}
 *       values; {@code insertAll} only</td></tr>
 * </table>
 *
 * <p>An option the operation cannot use ({@code onConflict} on an update, {@code force} on an
 * insert, {@code placeholders} outside {@code insertAll}) is refused with
 * {@link IllegalArgumentException} rather than ignored, as Ecto ignores it: a typo'd intent should
 * not pass silently. {@code insertOrUpdate} takes both an insert's and an update's options, each
 * used by the write it turns into. Options left unset take the repo's defaults
 * ({@code Repo.builder().defaultOptions(…)}), then Ecto's.
 */
public final class WriteOptions {
  /** What a write reads back ({@code RETURNING}). */
  enum Returning { ALL, FIELDS, NONE }

  private static final WriteOptions DEFAULTS = new WriteOptions(new Values());

  private final Values values;

  /** The option values; a null is "not given", so that defaults can be merged under them. */
  private static final class Values implements Cloneable {
    OnConflict onConflict;
    Returning returning;
    List<Field<?, ?>> returningFields = List.of();
    Boolean force;
    Field<?, ?> staleErrorField;
    String staleErrorMessage;
    Boolean allowStale;
    String prefix;
    boolean prefixGiven;
    Map<String, Object> placeholders;
    Boolean timestamps;
    Boolean statementSavepoint;

    Values copy() {
      try {
        return (Values) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private WriteOptions(Values values) {
    this.values = values;
  }

  /** No options: Ecto's defaults. */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  private WriteOptions with(java.util.function.Consumer<Values> change) {
    Values copy = values.copy();
    change.accept(copy);
    return new WriteOptions(copy);
  }

  /**
   * What an insert does when its row conflicts with a stored one, Ecto's {@code on_conflict:} and
   * {@code conflict_target:}. With {@link OnConflict#nothing()} a skipped row comes back {@code Ok}
   * with the struct as given (its database key null); an update whose {@code where} leaves the
   * stored row alone is a stale entry (see {@link #staleErrorField}), as in Ecto.
   */
  public WriteOptions onConflict(OnConflict onConflict) {
    Objects.requireNonNull(onConflict, "onConflict");
    return with(v -> v.onConflict = onConflict);
  }

  /**
   * Reads back only these fields (and the primary key), Ecto's {@code returning: [fields]}: the
   * write returns the struct as written, with these fields as the database has them.
   */
  public WriteOptions returning(Field<?, ?>... fields) {
    Objects.requireNonNull(fields, "fields");
    if (fields.length == 0) {
      throw new IllegalArgumentException("returning expects at least one field to be given, got an empty list;"
          + " use returningNone() to read nothing back");
    }
    List<Field<?, ?>> list = List.of(fields);
    return with(v -> {
      v.returning = Returning.FIELDS;
      v.returningFields = list;
    });
  }

  /** Reads back every column (the default), Ecto's {@code returning: true}. */
  public WriteOptions returningAll() {
    return with(v -> {
      v.returning = Returning.ALL;
      v.returningFields = List.of();
    });
  }

  /**
   * Reads nothing back but the key a database generates on insert, Ecto's {@code returning: false}:
   * an update returns the changeset's data with its changes, a delete the data given.
   */
  public WriteOptions returningNone() {
    return with(v -> {
      v.returning = Returning.NONE;
      v.returningFields = List.of();
    });
  }

  /**
   * Updates even a changeset without changes, Ecto's {@code force: true}: the row's
   * {@code updated_at} is touched (a schema without timestamps has nothing to write, so still no
   * statement), and a row that is gone is found stale.
   */
  public WriteOptions force() {
    return with(v -> v.force = true);
  }

  /**
   * A stale entry (the row is gone, its lock version moved on, or an upsert's condition left it
   * alone) comes back as {@code Err} with an error {@code "is stale"} on {@code field} (metadata
   * {@code stale: true}), Ecto's {@code stale_error_field:}, instead of {@link StaleEntryException}.
   */
  public WriteOptions staleErrorField(Field<?, ?> field) {
    Objects.requireNonNull(field, "field");
    return with(v -> v.staleErrorField = field);
  }

  /** The message of {@link #staleErrorField}'s error, {@code "is stale"} by default. */
  public WriteOptions staleErrorMessage(String message) {
    Objects.requireNonNull(message, "message");
    return with(v -> v.staleErrorMessage = message);
  }

  /**
   * A stale entry is not an error, Ecto's {@code allow_stale: true}: the write returns {@code Ok}
   * with the struct as given (an update's changes applied). Association writes inherit it.
   */
  public WriteOptions allowStale() {
    return with(v -> v.allowStale = true);
  }

  /**
   * Writes in the PostgreSQL schema {@code prefix}, Ecto's {@code prefix:}, association writes
   * included; null writes where the connection's {@code search_path} says, whatever the repo's
   * prefix.
   */
  public WriteOptions prefix(String prefix) {
    return with(v -> {
      v.prefix = prefix;
      v.prefixGiven = true;
    });
  }

  /**
   * Values an {@code insertAll} binds once however many rows use them, Ecto's {@code placeholders:}:
   * a row's value {@link io.ecto4j.query.Placeholder#of(String) Placeholder.of("now")} is the value under
   * {@code "now"}. Use it for a large value repeated in many rows.
   */
  public WriteOptions placeholders(Map<String, ?> placeholders) {
    Objects.requireNonNull(placeholders, "placeholders");
    Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
    return with(v -> v.placeholders = copy);
  }

  /**
   * Sets {@code inserted_at} and {@code updated_at} from the repo's clock where an
   * {@code insertAll} row leaves them null. Ecto's {@code insert_all} autogenerates no timestamps,
   * and neither does ecto4j's unless asked with this; {@code insert} always sets them.
   */
  public WriteOptions timestamps() {
    return with(v -> v.timestamps = true);
  }

  /**
   * Inside a transaction, writes without the savepoint ecto4j sends around the one statement of a
   * write whose changeset declares constraints. A violation still comes back as {@code Err} with
   * the constraint's error, but it aborts the transaction, as in Ecto without
   * {@code mode: :savepoint}: every later statement fails until the transaction rolls back. For a
   * write whose failure ends its transaction anyway (a Multi's own steps write this way); it saves
   * the server a subtransaction per write. Outside a transaction, and for a write of several
   * statements (preparers, association changes), it changes nothing.
   */
  public WriteOptions noStatementSavepoint() {
    return with(v -> v.statementSavepoint = false);
  }

  /** These options, with those it leaves unset taken from {@code defaults}. */
  WriteOptions over(WriteOptions defaults) {
    if (defaults == DEFAULTS || defaults == null) {
      return this;
    }
    Values d = defaults.values;
    return with(v -> {
      if (v.onConflict == null) {
        v.onConflict = d.onConflict;
      }
      if (v.returning == null) {
        v.returning = d.returning;
        v.returningFields = d.returningFields;
      }
      v.force = v.force == null ? d.force : v.force;
      v.staleErrorField = v.staleErrorField == null ? d.staleErrorField : v.staleErrorField;
      v.staleErrorMessage = v.staleErrorMessage == null ? d.staleErrorMessage : v.staleErrorMessage;
      v.allowStale = v.allowStale == null ? d.allowStale : v.allowStale;
      if (!v.prefixGiven) {
        v.prefix = d.prefix;
        v.prefixGiven = d.prefixGiven;
      }
      v.placeholders = v.placeholders == null ? d.placeholders : v.placeholders;
      v.timestamps = v.timestamps == null ? d.timestamps : v.timestamps;
      v.statementSavepoint = v.statementSavepoint == null ? d.statementSavepoint : v.statementSavepoint;
    });
  }

  /**
   * Refuses the options {@code operation} cannot use; {@code insert}, {@code update},
   * {@code delete}, {@code insertOrUpdate} or {@code insertAll}.
   */
  WriteOptions requireFor(String operation) {
    boolean inserts = operation.startsWith("insert");
    boolean updates = operation.equals("update") || operation.equals("insertOrUpdate");
    refuse(values.onConflict != null && !inserts, "onConflict", operation, "inserts");
    refuse(values.force != null && !updates, "force", operation, "updates");
    refuse(values.placeholders != null && !operation.equals("insertAll"), "placeholders", operation, "insertAll");
    refuse(values.timestamps != null && !operation.equals("insertAll"), "timestamps", operation,
        "insertAll (insert always sets them)");
    boolean stale = values.staleErrorField != null || values.staleErrorMessage != null || values.allowStale != null;
    refuse(stale && operation.equals("insertAll"), "staleErrorField/staleErrorMessage/allowStale", operation,
        "insert, update and delete");
    refuse(values.statementSavepoint != null && operation.equals("insertAll"), "noStatementSavepoint", operation,
        "insert, update and delete (an insertAll declares no constraints)");
    return this;
  }

  private static void refuse(boolean given, String option, String operation, String applies) {
    if (given) {
      throw new IllegalArgumentException("the " + option + " option applies to " + applies + ", not to repo."
          + operation + "; remove it from the WriteOptions");
    }
  }

  /** The options association writes inherit, as Ecto passes them: the prefix and {@code allowStale}. */
  WriteOptions forChildren() {
    Values children = new Values();
    children.prefix = values.prefix;
    children.prefixGiven = values.prefixGiven;
    children.allowStale = values.allowStale;
    return new WriteOptions(children);
  }

  OnConflict onConflict() {
    return values.onConflict == null ? OnConflict.raise() : values.onConflict;
  }

  boolean hasOnConflict() {
    return values.onConflict != null && values.onConflict != OnConflict.raise();
  }

  Returning returning() {
    return values.returning == null ? Returning.ALL : values.returning;
  }

  /** Whether the options (or the repo's defaults) say what to return; a plain insert otherwise returns its generated fields. */
  boolean returningGiven() {
    return values.returning != null;
  }

  List<Field<?, ?>> returningFields() {
    return values.returningFields;
  }

  boolean forced() {
    return Boolean.TRUE.equals(values.force);
  }

  Field<?, ?> staleErrorField() {
    return values.staleErrorField;
  }

  String staleErrorMessage() {
    return values.staleErrorMessage == null ? "is stale" : values.staleErrorMessage;
  }

  boolean staleAllowed() {
    return Boolean.TRUE.equals(values.allowStale);
  }

  boolean prefixGiven() {
    return values.prefixGiven;
  }

  String prefix() {
    return values.prefix;
  }

  Map<String, Object> placeholders() {
    return values.placeholders == null ? Map.of() : values.placeholders;
  }

  /** Whether a one-statement write with declared constraints runs in its own savepoint in a transaction. */
  boolean statementSavepoint() {
    return !Boolean.FALSE.equals(values.statementSavepoint);
  }

  boolean stampsTimestamps() {
    return Boolean.TRUE.equals(values.timestamps);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("WriteOptions[");
    if (values.onConflict != null) {
      s.append(values.onConflict).append(", ");
    }
    if (values.returning != null) {
      s.append("returning: ").append(values.returning == Returning.FIELDS ? values.returningFields
          : values.returning == Returning.ALL).append(", ");
    }
    append(s, "force", values.force);
    append(s, "stale_error_field", values.staleErrorField);
    append(s, "stale_error_message", values.staleErrorMessage);
    append(s, "allow_stale", values.allowStale);
    if (values.prefixGiven) {
      s.append("prefix: ").append(values.prefix).append(", ");
    }
    append(s, "placeholders", values.placeholders == null ? null : values.placeholders.keySet());
    append(s, "timestamps", values.timestamps);
    append(s, "statement_savepoint", values.statementSavepoint);
    if (s.charAt(s.length() - 1) == ' ') {
      s.setLength(s.length() - 2);
    }
    return s.append(']').toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(name).append(": ").append(value).append(", ");
    }
  }
}
