package io.ecto4j.repo;

import io.ecto4j.Result;
import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.changeset.Schemaless;
import io.ecto4j.internal.AssociationChange;
import io.ecto4j.internal.ChangesetInternals;
import io.ecto4j.internal.Internals;
import io.ecto4j.internal.QueryInternals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.type.UnpairedSurrogateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes changesets: one statement for a plain insert, update or delete; a transaction when the
 * changeset has preparers or association changes. A violated constraint the changeset declared
 * becomes its error; one it did not declare is a {@link ConstraintException}.
 */
final class ChangesetWriter {
  private static final ChangesetInternals CHANGESETS = Internals.changeset();
  private static final QueryInternals SQL = Internals.query();

  private final Executor executor;
  private final Clock clock;
  /** The repo this writer writes for: what a changeset's preparers get as {@code changeset.repo(Repo.class)}. */
  private final Repo repo;

  ChangesetWriter(Executor executor, Clock clock, Repo repo) {
    this.executor = executor;
    this.clock = clock;
    this.repo = repo;
  }

  // ---------------------------------------------------------------- insert

  /** This writer, writing in the PostgreSQL schema {@code prefix} (children too), Ecto's {@code prefix:} option. */
  ChangesetWriter withPrefix(String prefix) {
    return new ChangesetWriter(executor.withPrefix(prefix), clock, repo);
  }

  <S extends Struct<S>> Result<S, Changeset<S>> insert(Changeset<S> changeset) {
    return insert(changeset, WriteOptions.defaults());
  }

  <S extends Struct<S>> Result<S, Changeset<S>> update(Changeset<S> changeset) {
    return update(changeset, WriteOptions.defaults());
  }

  <S extends Struct<S>> Result<S, Changeset<S>> delete(Changeset<S> changeset) {
    return delete(changeset, WriteOptions.defaults());
  }

  <S extends Struct<S>> Result<S, Changeset<S>> insert(Changeset<S> changeset, WriteOptions options) {
    // Ecto's insert surfaces the associations loaded on the struct: they are written with it.
    return write(CHANGESETS.surfaceAssocs(changeset), Changeset.Action.INSERT, options);
  }

  <S extends Struct<S>> Result<S, Changeset<S>> update(Changeset<S> changeset, WriteOptions options) {
    // Ecto's force_update_on_change: a castAssoc change runs the row's update, updated_at touched, even alone.
    boolean forcedByAssocs = CHANGESETS.assocChanges(changeset).values().stream()
        .anyMatch(AssociationChange::forcesUpdate);
    return write(changeset, Changeset.Action.UPDATE, forcedByAssocs ? options.force() : options);
  }

  <S extends Struct<S>> Result<S, Changeset<S>> delete(Changeset<S> changeset, WriteOptions options) {
    return write(changeset, Changeset.Action.DELETE, options);
  }

  /**
   * A row write of a prepared, valid changeset, with its parents written and its children to come;
   * {@code guarded}, its one statement fails alone inside a transaction ({@link StatementSavepoint}).
   */
  @FunctionalInterface
  private interface RowWrite {
    <S extends Struct<S>> S write(Changeset<S> changeset, WriteOptions options, boolean guarded);
  }

  private <S extends Struct<S>> Result<S, Changeset<S>> write(Changeset<S> changeset, Changeset.Action action,
      WriteOptions options) {
    String prefix = options.prefixGiven() ? options.prefix() : changeset.data().meta().prefix();
    if (prefix != null && !prefix.equals(executor.prefix())) {
      // A struct loaded from (or built for) a prefix is written there, unless the call names another.
      return withPrefix(prefix).writeHere(changeset, action, options);
    }
    return writeHere(changeset, action, options);
  }

  /** {@link #write} in this writer's prefix; what comes back carries its state, Ecto's {@code put_meta}. */
  private <S extends Struct<S>> Result<S, Changeset<S>> writeHere(Changeset<S> changeset, Changeset.Action action,
      WriteOptions options) {
    RowWrite row = switch (action) {
      case INSERT -> this::insertRow;
      case UPDATE -> this::updateRow;
      default -> this::deleteRow;
    };
    Result<S, Changeset<S>> result = rowWrites(changeset, action, options, row);
    if (result instanceof Result.Ok<S, Changeset<S>> ok) {
      Meta.State state = action == Changeset.Action.DELETE ? Meta.State.DELETED : Meta.State.LOADED;
      S written = ok.value();
      // A row read back whole is a new struct: it keeps the table it was written to, Ecto's __meta__.source.
      Meta meta = written.meta().withState(state).withSource(changeset.data().meta().source())
          .withPrefix(executor.prefix());
      return meta == written.meta() ? result : Result.ok(written.withMeta(meta));
    }
    return result;
  }

  private <S extends Struct<S>> Result<S, Changeset<S>> rowWrites(Changeset<S> changeset, Changeset.Action action,
      WriteOptions options, RowWrite row) {
    requireTable(changeset, action);
    requireAction(changeset, action);
    if (!changeset.isValid()) {
      return Result.err(changeset.withAction(action));
    }
    Changeset<S> marked = writable(changeset.withAction(action));
    if (action == Changeset.Action.UPDATE && marked.changes().isEmpty() && CHANGESETS.assocChanges(marked).isEmpty()
        && !options.forced()) {
      Keys.keyOf(marked.table(), marked.data(), "update"); // a struct never inserted is still refused
      return Result.ok(marked.applyChanges()); // Ecto's update without changes: no statement, no prepare step
    }
    if (!CHANGESETS.hasPreparers(marked) && CHANGESETS.assocChanges(marked).isEmpty()) {
      // In a transaction, a failed statement would abort it: its own savepoint lets the caller go on after Err.
      boolean guarded = !marked.constraints().isEmpty() && options.statementSavepoint();
      return mappingConstraints(marked, () -> Result.ok(row.write(marked, options, guarded)));
    }
    return atomically(() -> writeInTransaction(marked, options, row));
  }

  /**
   * A schemaless changeset has no table to write to: refused before anything runs, with what to use
   * instead (Ecto fails deep inside the repo, on data that is no schema struct).
   */
  private static void requireTable(Changeset<?> changeset, Changeset.Action action) {
    if (changeset.table() instanceof Schemaless<?>) {
      throw new IllegalArgumentException("cannot " + action.name().toLowerCase() + " a schemaless changeset of "
          + changeset.table() + ": it has no table. Use changeset.applyAction(Changeset.Action."
          + action.name() + ") to get its data, and a @Schema for data that is stored");
    }
  }

  /**
   * A changeset marked for another action (by {@code applyAction}, another repo call or a Multi) is
   * refused, as Ecto's {@code put_repo_and_action} does; one marked {@code IGNORE} may only be given
   * when invalid, and then comes back as {@code Err}.
   */
  private static void requireAction(Changeset<?> changeset, Changeset.Action action) {
    Changeset.Action given = changeset.action().orElse(action);
    if (given == Changeset.Action.IGNORE && changeset.isValid()) {
      throw new IllegalArgumentException("a valid changeset with action ignore was given to " + call(action)
          + ". Changesets can only be ignored in a repository action if they are also invalid");
    }
    if (given != action && given != Changeset.Action.IGNORE) {
      throw new IllegalArgumentException("a changeset with action " + given.name().toLowerCase() + " was given to "
          + call(action) + "; give it a changeset without an action, or build a new one with Changeset.change(data)");
    }
  }

  /** {@code repo.insert}, as a refusal names the call (built only then: every write passes the check). */
  private static String call(Changeset.Action action) {
    return "repo." + action.name().toLowerCase();
  }

  /**
   * Runs {@code write} in a transaction (a savepoint inside one) that an {@code Err} rolls back, so
   * that a failed write leaves nothing behind and the caller's transaction usable.
   */
  private <S extends Struct<S>> Result<S, Changeset<S>> atomically(Supplier<Result<S, Changeset<S>>> write) {
    Transactions transactions = executor.transactions();
    Supplier<Result<S, Changeset<S>>> orRollback = () -> {
      Result<S, Changeset<S>> result = write.get();
      if (result instanceof Result.Err<S, Changeset<S>> err) {
        throw new Transactions.Rollback(err.error());
      }
      return result;
    };
    Result<Result<S, Changeset<S>>, Changeset<S>> outcome = transactions.active()
        ? transactions.savepoint(orRollback)
        : transactions.run(TransactionOptions.defaults(), orRollback);
    return outcome instanceof Result.Err<Result<S, Changeset<S>>, Changeset<S>> err
        ? Result.err(err.error())
        : outcome.orElseThrow();
  }

  private <S extends Struct<S>> Result<S, Changeset<S>> writeInTransaction(Changeset<S> changeset,
      WriteOptions options, RowWrite row) {
    Changeset<S> afterPreparers = prepare(changeset);
    if (!afterPreparers.isValid()) {
      return Result.err(afterPreparers);
    }
    Changeset<S> prepared = writable(afterPreparers); // as Ecto, again: the prepare steps may have changed anything
    return mappingConstraints(prepared, () -> new AssocWrites<>(prepared, options).write(row));
  }

  /** Without the changes its action may not write (Ecto's {@code writable:}); a delete writes no field. */
  private static <S extends Struct<S>> Changeset<S> writable(Changeset<S> changeset) {
    Changeset.Action action = changeset.action().orElseThrow();
    return action == Changeset.Action.DELETE ? changeset : Writability.writableChanges(changeset, action);
  }

  private <S extends Struct<S>> Changeset<S> prepare(Changeset<S> changeset) {
    return CHANGESETS.prepared(changeset, repo);
  }

  /**
   * Runs {@code write}; a constraint violation becomes the changeset's error, if it declared one,
   * and a stale entry its stale error, when the options asked for one.
   */
  @SuppressWarnings("unchecked")
  private static <S extends Struct<S>> Result<S, Changeset<S>> mappingConstraints(Changeset<S> changeset,
      Supplier<Result<S, Changeset<S>>> write) {
    try {
      return write.get();
    } catch (StaleError e) {
      return Result.err((Changeset<S>) e.changeset);
    } catch (QueryException e) {
      Optional<Constraint.Type> type = Constraint.Type.ofSqlState(e.sqlState());
      if (type.isEmpty() || e.constraint().isEmpty()) {
        throw e;
      }
      String name = e.constraint().get();
      Constraint declared = CHANGESETS.constraintFor(changeset, type.get(), name)
          .orElseThrow(() -> new ConstraintException(changeset, type.get(), name, e));
      return Result.err(CHANGESETS.addConstraintError(changeset, declared, name));
    }
  }

  // ---------------------------------------------------------------- rows

  /**
   * Inserts the changeset's data with its changes applied (and its timestamps and autogenerated
   * fields), and returns that struct with the fields the database filled in read back
   * ({@link Table#insertReturning()}: the key, the columns left to the database, the
   * {@code readAfterWrites} ones), as Ecto does. Options that ask for other columns, or a conflict
   * handling, take {@link #insertWithOptions}.
   */
  private <S extends Struct<S>> S insertRow(Changeset<S> changeset, WriteOptions options, boolean guarded) {
    Table<S> table = changeset.table();
    S struct = InsertStamps.prepare(table, InsertStamps.autogenerate(table, changeset.applyChanges()), clock.instant());
    boolean keyGiven = table.primaryKeyGeneratedByDatabase() && table.primaryKey().orElseThrow().get(struct) != null;
    if (options.hasOnConflict() || options.returningGiven()) {
      return insertWithOptions(changeset, table, struct, keyGiven ? table.insertableFields() : table.insertFields(),
          options, guarded);
    }
    String source = changeset.data().meta().source(); // the schema's table, or another: Ecto's __meta__.source
    String sql = keyGiven
        ? SQL.insertAllColumns(table, source, executor.prefix())
        : SQL.insert(table, source, executor.prefix());
    List<Field<S, ?>> bound = keyGiven ? table.insertableFields() : table.insertFields();
    Executor.Binder binder = keyGiven
        ? statement -> Field.bindAll(statement, bound, struct)
        : statement -> bindInsert(table, statement, struct);
    return executor.write(sql, () -> Shown.of(bound, struct), binder,
        ReturnedFields.onto(struct, table.insertReturning()), guarded).get(0);
  }

  /**
   * An insert with Ecto's options: the conflict handling, and only the {@code returning} fields
   * read back onto the struct as written. A row that {@code ON CONFLICT DO NOTHING} skipped comes
   * back as given; one that an upsert's {@code where} left alone is a stale entry, as in Ecto.
   */
  private <S extends Struct<S>> S insertWithOptions(Changeset<S> changeset, Table<S> table, S struct,
      List<Field<S, ?>> columns, WriteOptions options, boolean guarded) {
    List<Field<S, ?>> returning = ReturnedFields.of(table, options);
    OnConflict onConflict = options.onConflict();
    Sql sql = SQL.insertInto(changeset.data().meta().source(), table, columns, List.of(struct), onConflict, returning);
    List<S> rows = executor.write(sql,
        ReturnedFields.reader(table, returning, struct), guarded);
    if (!rows.isEmpty()) {
      return keepVirtualFields(table, struct, rows.get(0));
    }
    if (SQL.onConflictSkipsQuietly(onConflict)) {
      return struct;
    }
    return staleOutcome(changeset, options, struct, () -> new StaleEntryException("attempted to insert a stale struct: "
        + onConflict + " updated no " + table.schemaName() + " in table \"" + table.name() + "\""));
  }

  /**
   * The values a row write binds, in placeholder order, for its telemetry event, Ecto's logged
   * parameters: a redacted field's value is shown masked.
   */
  private static final class Shown {
    private final List<Object> values = new ArrayList<>();

    static <S> Probe.Parameters of(List<Field<S, ?>> fields, S struct) {
      return new Shown().addAll(fields, field -> field.get(struct)).parameters();
    }

    <S> Shown add(Field<S, ?> field, Object value) {
      values.add(field.shown(value));
      return this;
    }

    <S> Shown addKey(PrimaryKeyValue<S> key) {
      for (int i = 0; i < key.values().size(); i++) {
        add(key.fields().get(i), key.values().get(i));
      }
      return this;
    }

    <S> Shown addAll(List<Field<S, ?>> fields, Function<Field<S, ?>, Object> value) {
      fields.forEach(field -> add(field, value.apply(field)));
      return this;
    }

    Probe.Parameters parameters() {
      return Probe.Parameters.bound(Collections.unmodifiableList(values));
    }
  }

  /** The binder generated for the table, which binds parameter i to insert field i - 1: a bad string names its field. */
  private static <S> void bindInsert(Table<S> table, PreparedStatement statement, S struct) throws SQLException {
    try {
      table.bindInsert(statement, struct);
    } catch (UnpairedSurrogateException e) {
      throw e.field().isPresent() ? e : e.inField(table.insertFields().get(e.parameterIndex() - 1).toString());
    } catch (io.ecto4j.type.TimePrecisionException e) {
      throw e.field().isPresent() ? e : e.inField(table.insertFields().get(e.parameterIndex() - 1).toString());
    }
  }

  private <S extends Struct<S>> S updateRow(Changeset<S> changeset, WriteOptions options, boolean guarded) {
    Table<S> table = changeset.table();
    PrimaryKeyValue<S> key = Keys.keyOf(table, changeset.data(), "update");
    Map<Field<S, ?>, Object> changes = persistedChanges(changeset);
    S applied = changeset.applyChanges();
    if (changes.isEmpty() && !options.forced()) {
      return applied;
    }
    touchUpdatedAt(table, changes);
    if (changes.isEmpty()) {
      return applied; // forced, but nothing to write: Ecto's no-op
    }
    S written = applied;
    for (Map.Entry<Field<S, ?>, Object> change : changes.entrySet()) {
      written = copyValue(change.getKey(), change.getValue(), written);
    }
    List<Field<S, ?>> changed = new ArrayList<>(changes.keySet());
    List<Field<S, ?>> filters = new ArrayList<>(changeset.filters().keySet());
    List<Field<S, ?>> returning = ReturnedFields.of(table, options);
    String sql = SQL.update(table, changeset.data().meta().source(), changed, key.fields(), filters, returning,
        executor.prefix());
    S base = written;
    Supplier<Probe.Parameters> shown = () -> new Shown().addAll(changed, changes::get).addKey(key)
        .addAll(filters, changeset.filters()::get).parameters();
    List<S> rows = byKey("update", changeset.data().meta().source(), key, () -> executor.write(sql, shown, statement -> {
      int index = 1;
      for (Field<S, ?> field : changed) {
        field.bindValue(statement, index++, changes.get(field));
      }
      index = bindKey(statement, index, key);
      for (Field<S, ?> filter : filters) {
        filter.bindValue(statement, index++, changeset.filters().get(filter));
      }
    }, ReturnedFields.reader(table, returning, base), guarded));
    if (rows.isEmpty()) {
      return staleOutcome(changeset, options, written,
          () -> Keys.stale("update", table, key, changeset.filters()));
    }
    return keepVirtualFields(table, applied, rows.get(0));
  }

  private <S extends Struct<S>> S deleteRow(Changeset<S> changeset, WriteOptions options, boolean guarded) {
    Table<S> table = changeset.table();
    PrimaryKeyValue<S> key = Keys.keyOf(table, changeset.data(), "delete");
    List<Field<S, ?>> filters = new ArrayList<>(changeset.filters().keySet());
    List<Field<S, ?>> returning = ReturnedFields.of(table, options);
    String sql = SQL.delete(table, changeset.data().meta().source(), key.fields(), filters, returning,
        executor.prefix());
    Supplier<Probe.Parameters> shown = () -> new Shown().addKey(key)
        .addAll(filters, changeset.filters()::get).parameters();
    List<S> rows = byKey("delete", changeset.data().meta().source(), key, () -> executor.write(sql, shown, statement -> {
      int index = bindKey(statement, 1, key);
      for (Field<S, ?> filter : filters) {
        filter.bindValue(statement, index++, changeset.filters().get(filter));
      }
    }, ReturnedFields.reader(table, returning, changeset.data()), guarded));
    if (rows.isEmpty()) {
      return staleOutcome(changeset, options, changeset.data(),
          () -> Keys.stale("delete", table, key, changeset.filters()));
    }
    return keepVirtualFields(table, changeset.data(), rows.get(0));
  }

  /** Binds the key's values from {@code index} on, in the order of its fields; the index after them. */
  private static <S> int bindKey(PreparedStatement statement, int index, PrimaryKeyValue<S> key) throws SQLException {
    int at = index;
    for (int i = 0; i < key.values().size(); i++) {
      key.fields().get(i).bindValue(statement, at++, key.values().get(i));
    }
    return at;
  }

  /**
   * What a stale entry gives, Ecto's {@code :allow_stale} and {@code :stale_error_field}: the
   * struct as written, an error on the changeset (returned as {@code Err} by
   * {@link #mappingConstraints}), or the exception.
   */
  private static <S extends Struct<S>> S staleOutcome(Changeset<S> changeset, WriteOptions options, S asWritten,
      Supplier<StaleEntryException> exception) {
    if (options.staleAllowed()) {
      return asWritten;
    }
    Field<?, ?> field = options.staleErrorField();
    if (field == null) {
      throw exception.get().carrying(changeset);
    }
    if (field.table() != changeset.table()) {
      throw new IllegalArgumentException("staleErrorField(" + field + ") is not a field of "
          + changeset.table().schemaName() + "; name a field of the changeset's schema");
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("stale", true);
    @SuppressWarnings("unchecked")
    Field<S, ?> own = (Field<S, ?>) field;
    throw new StaleError(changeset.addError(own, options.staleErrorMessage(), keys));
  }

  /** A stale entry that the options turned into a changeset error; {@link #mappingConstraints} returns it. */
  private static final class StaleError extends RuntimeException {
    private final transient Changeset<?> changeset;

    StaleError(Changeset<?> changeset) {
      super(null, null, false, false);
      this.changeset = changeset;
    }
  }

  @SuppressWarnings("unchecked")
  private static <S, V> S copyValue(Field<S, V> field, Object value, S to) {
    return field.set(to, (V) value);
  }

  /**
   * Runs a write by primary key. Its key condition is a scalar subquery (see
   * {@code TableStatements}), so a key found on several rows makes PostgreSQL refuse the statement
   * with a cardinality violation: nothing is written, and the caller gets a
   * {@link MultiplePrimaryKeyException}. Outside a transaction the rows are then counted for the
   * message (a statement only on this failure); inside one, the refusal aborted it.
   */
  private <S> List<S> byKey(String operation, String source, PrimaryKeyValue<S> key, Supplier<List<S>> write) {
    try {
      return write.get();
    } catch (QueryException e) {
      if (!Failures.cardinalityViolation(e)) {
        throw e;
      }
      OptionalLong count = executor.transactions().active() ? OptionalLong.empty() : OptionalLong.of(rowsWith(source, key));
      boolean single = key.values().size() == 1;
      String condition = single ? key.fields().get(0) + " = " + key.values().get(0)
          : String.join(" and ", java.util.stream.IntStream.range(0, key.values().size())
              .mapToObj(i -> key.fields().get(i) + " = " + key.values().get(i)).toList());
      throw new MultiplePrimaryKeyException(operation, source, condition, single ? key.values().get(0) : key,
          count, e.sql(), (SQLException) e.getCause());
    }
  }

  /** The rows of {@code source} (the struct's table, its schema's or another) with {@code key}. */
  private <S> long rowsWith(String source, PrimaryKeyValue<S> key) {
    Aggregate<Long> count = Aggregate.count();
    Query<S> rows = Query.from(source, key.table()).where(key.condition());
    return executor.read(SQL.aggregate(rows, count), row -> count.resultType().read(row, 1)).get(0);
  }

  private static <S extends Struct<S>> Map<Field<S, ?>, Object> persistedChanges(Changeset<S> changeset) {
    Map<Field<S, ?>, Object> changes = new LinkedHashMap<>();
    changeset.changes().forEach((field, value) -> {
      if (field.isPersisted()) {
        changes.put(field, value);
      }
    });
    return changes;
  }

  private <S> void touchUpdatedAt(Table<S> table, Map<Field<S, ?>, Object> changes) {
    table.timestamps().ifPresent(timestamps -> timestamps.updatedAt().ifPresent(updatedAt -> {
      if (!changes.containsKey(updatedAt)) {
        changes.put(updatedAt, timestamps.updateValue(clock.instant()).orElseThrow());
      }
    }));
  }

  /** The database row has no virtual fields; carry them over from what was written. */
  static <S> S keepVirtualFields(Table<S> table, S written, S row) {
    S result = row;
    for (Field<S, ?> field : table.virtualFields()) {
      result = copy(field, written, result);
    }
    return result;
  }

  private static <S, V> S copy(Field<S, V> field, S from, S to) {
    return field.set(to, field.get(from));
  }

  // ---------------------------------------------------------------- associations

  /**
   * The writes of one changeset with association changes, in Ecto's order: {@code belongs_to}
   * parents first (their keys go into the row), the row itself, then {@code has_one}/{@code has_many}
   * children with the row's key. A child's failure fails the whole changeset.
   */
  private final class AssocWrites<S extends Struct<S>> {
    private Changeset<S> changeset;
    private final WriteOptions options;
    /** What association writes inherit (the prefix and allowStale), as Ecto's {@code assoc_opts}. */
    private final WriteOptions childOptions;

    AssocWrites(Changeset<S> changeset, WriteOptions options) {
      this.changeset = changeset;
      this.options = options;
      this.childOptions = options.forChildren();
    }

    Result<S, Changeset<S>> write(RowWrite row) {
      Map<Association<S, ?>, List<?>> written = new LinkedHashMap<>();
      for (Map.Entry<Association<S, ?>, AssociationChange<?>> entry : CHANGESETS.assocChanges(changeset).entrySet()) {
        if (entry.getKey().kind() == Association.Kind.BELONGS_TO && !writeParent(entry.getKey(), entry.getValue(), written)) {
          return Result.err(changeset);
        }
      }
      S struct = row.write(changeset, options, false); // in the write's own transaction or savepoint
      for (Map.Entry<Association<S, ?>, AssociationChange<?>> entry : CHANGESETS.assocChanges(changeset).entrySet()) {
        Association.Kind kind = entry.getKey().kind();
        boolean ok = switch (kind) {
          case BELONGS_TO -> true;
          case MANY_TO_MANY -> writeJoined(entry.getKey(), entry.getValue(), struct, written);
          default -> writeChildren(entry.getKey(), entry.getValue(), struct, written);
        };
        if (!ok) {
          return Result.err(changeset);
        }
      }
      for (Map.Entry<Association<S, ?>, List<?>> entry : written.entrySet()) {
        struct = putWritten(struct, entry.getKey(), entry.getValue());
      }
      return Result.ok(struct);
    }

    @SuppressWarnings("unchecked")
    private <C extends Struct<C>> S putWritten(S struct, Association<S, ?> association, List<?> children) {
      return Internals.association().put((Association<S, C>) association, struct, (List<C>) children);
    }

    @SuppressWarnings("unchecked")
    private <C extends Struct<C>> boolean writeParent(Association<S, ?> untyped, AssociationChange<?> untypedChange,
        Map<Association<S, ?>, List<?>> written) {
      Association<S, C> association = (Association<S, C>) untyped;
      AssociationChange<C> change = (AssociationChange<C>) untypedChange;
      Field<S, Object> foreignKey = ownerField(association);
      Field<C, Object> referenced = relatedField(association);
      if (change.kept().isEmpty() && !change.replaced().isEmpty()) {
        changeset = changeset.forceChange(foreignKey, null);
      }
      return writeKept(association, change, UnaryOperator.identity(), (child, parent) -> {
        changeset = changeset.forceChange(foreignKey, referenced.get(parent));
        return null;
      }, written);
    }

    @SuppressWarnings("unchecked")
    private <C extends Struct<C>> boolean writeChildren(Association<S, ?> untyped, AssociationChange<?> untypedChange,
        S owner, Map<Association<S, ?>, List<?>> written) {
      Association<S, C> association = (Association<S, C>) untyped;
      AssociationChange<C> change = (AssociationChange<C>) untypedChange;
      Object ownerKey = ownerField(association).get(owner);
      Field<C, Object> foreignKey = relatedField(association);
      for (Changeset<C> gone : change.replaced()) {
        // A replaced child is marked REPLACE; it is written as the delete or update it stands for.
        boolean ifExists = change.onReplace() == OnReplace.DELETE_IF_EXISTS; // a child already gone is no error
        boolean deleting = ifExists || change.onReplace() == OnReplace.DELETE;
        Changeset<C> replaced = deleting
            ? gone.withAction(Changeset.Action.DELETE) : Changeset.change(gone.data()).forceChange(foreignKey, null);
        Result<C, Changeset<C>> result = deleting
            ? delete(replaced, ifExists ? childOptions.allowStale() : childOptions) : update(replaced, childOptions);
        if (result.isErr()) {
          changeset = CHANGESETS.withAssocChange(changeset, association, change);
          return false;
        }
      }
      return writeKept(association, change, child -> child.forceChange(foreignKey, ownerKey), (child, c) -> null,
          written);
    }

    /**
     * A many-to-many's writes, Ecto's {@code ManyToMany.on_repo_change}: replaced children lose
     * their join rows (the related rows stay); each kept child is inserted or updated, then linked
     * by a join row unless it was already linked (the parent and the child existed, and the child
     * was among the loaded ones).
     */
    @SuppressWarnings("unchecked")
    private <C extends Struct<C>> boolean writeJoined(Association<S, ?> untyped, AssociationChange<?> untypedChange,
        S owner, Map<Association<S, ?>, List<?>> written) {
      ManyToManyAssociation<S, C, ?, ?> association = (ManyToManyAssociation<S, C, ?, ?>) untyped;
      AssociationChange<C> change = (AssociationChange<C>) untypedChange;
      Object ownerKey = joinKey("insert", association.ownerField(), owner);
      Field<C, Object> relatedKey = relatedField(association);
      List<Object> replacedKeys = new ArrayList<>();
      for (Changeset<C> gone : change.replaced()) {
        replacedKeys.add(joinKey("delete", relatedKey, gone.data()));
      }
      if (!replacedKeys.isEmpty()) {
        executor.update(SQL.deleteJoinRows(association, ownerKey, replacedKeys));
      }
      List<Object> linked = linkedKeys(association, relatedKey);
      boolean parentInserted = changeset.action().orElseThrow() == Changeset.Action.INSERT;
      return writeKept(association, change, UnaryOperator.identity(), (child, related) -> {
        boolean childInserted = child.action().orElse(Changeset.Action.INSERT) == Changeset.Action.INSERT;
        if (!parentInserted && !childInserted && linked.contains(relatedKey.get(related))) {
          return null;
        }
        Object relatedValue = joinKey("insert", relatedKey, related);
        if (association.joinSchema().isEmpty()) {
          executor.update(SQL.insertJoinRow(association, ownerKey, relatedValue));
          return null;
        }
        Changeset<?> failed = failedJoinRow(association, association.joinSchema().get(), ownerKey, relatedValue);
        return failed == null ? null : CHANGESETS.withErrorsOf(child, failed);
      }, written);
    }

    /**
     * A join row of a join schema, Ecto's {@code insert_join} for {@code join_through: PostTag}: a new
     * struct of the join schema (its defaults, timestamps and autogenerated fields filled in by the
     * insert) with the two keys, expecting the owner changeset's constraints, so that a violation
     * the owner declared comes back as the join changeset's error. Returns null when written, else
     * the join changeset with its errors.
     */
    @SuppressWarnings("unchecked")
    private <J extends Struct<J>> Changeset<J> failedJoinRow(ManyToManyAssociation<S, ?, ?, ?> association,
        Table<?> untyped, Object ownerKey, Object relatedKey) {
      Table<J> joinSchema = (Table<J>) untyped;
      Map<Field<J, ?>, Object> keys = new LinkedHashMap<>();
      keys.put(joinField(association, joinSchema, association.join().ownerColumn()), ownerKey);
      keys.put(joinField(association, joinSchema, association.join().relatedColumn()), relatedKey);
      Changeset<J> row = CHANGESETS.withConstraintsOf(Changeset.change(joinSchema.newStruct(), keys), changeset);
      return insert(row, childOptions) instanceof Result.Err<J, Changeset<J>> err ? err.error() : null;
    }

    /**
     * Writes the kept children in order, each first {@code prepare}d, hands each written one to
     * {@code afterWrite} (which returns null, or the child's changeset with the errors of what it
     * wrote after the child, as a failed join row), and records them as the association's written
     * value. On the first failure the children so far and the failed one become the association's
     * change, and it returns false.
     */
    private <C extends Struct<C>> boolean writeKept(Association<S, C> association, AssociationChange<C> change,
        UnaryOperator<Changeset<C>> prepare, BiFunction<Changeset<C>, C, Changeset<C>> afterWrite,
        Map<Association<S, ?>, List<?>> written) {
      List<Changeset<C>> results = new ArrayList<>();
      List<C> kept = new ArrayList<>();
      for (Changeset<C> child : change.kept()) {
        Result<C, Changeset<C>> result = writeChild(prepare.apply(child));
        Changeset<C> failed = result instanceof Result.Err<C, Changeset<C>> err ? err.error() : null;
        boolean deleted = child.action().orElse(null) == Changeset.Action.DELETE;
        if (failed == null && !deleted) {
          failed = afterWrite.apply(child, result.orElseThrow());
        }
        if (failed != null) {
          results.add(failed);
          changeset = CHANGESETS.withAssocChange(changeset, association, change.withChildren(results));
          return false;
        }
        results.add(child);
        if (!deleted) { // a child put with its own DELETE action is gone, as Ecto's apply_changes drops it
          kept.add(result.orElseThrow());
        }
      }
      written.put(association, kept);
      return true;
    }

    /** The keys of the children loaded on the changeset's data: those already have a join row. */
    private <C extends Struct<C>> List<Object> linkedKeys(Association<S, C> association, Field<C, Object> relatedKey) {
      S data = changeset.data();
      if (!association.isLoaded(data)) {
        return List.of();
      }
      return Internals.association().children(association, data).stream().map(relatedKey::get).toList();
    }

    private <C extends Struct<C>> Result<C, Changeset<C>> writeChild(Changeset<C> child) {
      return switch (child.action().orElse(Changeset.Action.INSERT)) {
        case UPDATE -> update(child, childOptions);
        case DELETE -> delete(child, childOptions);
        default -> insert(child, childOptions);
      };
    }
  }

  /** A join row's key from {@code struct}; Ecto's "could not insert join entry because `id` is nil". */
  private static <T> Object joinKey(String operation, Field<T, ?> key, T struct) {
    Object value = key.get(struct);
    if (value == null) {
      throw new IllegalStateException("could not " + operation + " join entry because `" + key + "` is nil in "
          + struct);
    }
    return value;
  }

  /**
   * The join schema's field of {@code column}; the processor checked that the join schema has it, so
   * a missing one is a companion out of step with its schema.
   */
  @SuppressWarnings("unchecked")
  private static <J> Field<J, Object> joinField(ManyToManyAssociation<?, ?, ?, ?> association, Table<J> joinSchema,
      String column) {
    return (Field<J, Object>) joinSchema.fields().stream().filter(field -> field.column().equals(column)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the join schema " + joinSchema.schemaName() + " of "
            + association + " has no field for the column " + column + "; recompile both schemas"));
  }

  /** The owner's key field; written as {@code Object} because a change copies its value across. */
  @SuppressWarnings("unchecked")
  private static <P> Field<P, Object> ownerField(Association<P, ?> association) {
    return (Field<P, Object>) association.ownerField();
  }

  @SuppressWarnings("unchecked")
  private static <C> Field<C, Object> relatedField(Association<?, C> association) {
    return (Field<C, Object>) association.relatedField();
  }
}
