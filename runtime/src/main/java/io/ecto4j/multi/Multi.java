package io.ecto4j.multi;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Named steps that run in one transaction, Ecto's {@code Ecto.Multi}. Each step may use what the
 * earlier ones produced; the first that fails rolls everything back and is reported with its value
 * and the changes so far. A Multi is an immutable value: build it, inspect it with
 * {@link #toList()}, test it without a database, and run it with {@code repo.transaction(multi)}.
 *
 * <pre>{@code
 * static final Key<UserStruct> USER = Key.named("user");
 * static final Key<ProfileStruct> PROFILE = Key.named("profile");
 *
 * Multi multi = Multi.create()
 *     .insert(USER, User.registrationChangeset(new UserStruct(), attrs))
 *     .insert(PROFILE, changes -> Profile.changeset(new ProfileStruct(),
 *         Map.of("userId", changes.get(USER).id(), "displayName", changes.get(USER).name())));
 * Result<Changes, MultiFailure> result = repo.transaction(multi);
 * }</pre>
 *
 * <p>A changeset given directly (not through a function) that is already invalid fails the Multi
 * before any transaction opens, as in Ecto; so does an empty Multi succeed without one.
 */
public final class Multi {
  static {
    Internals.register(new Bridge());
  }

  private static final Multi EMPTY = new Multi(List.of());
  /**
   * How the Multi's own write steps write: a failed step rolls the whole Multi back, so a savepoint
   * around the step's statement (what keeps a transaction usable after a constraint's Err) would
   * protect nothing, and costs the server a subtransaction per write. Ecto's Multi writes so too.
   */
  private static final WriteOptions STEP_WRITES = WriteOptions.defaults().noStatementSavepoint();

  private final List<Operation> operations;

  private Multi(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  /** An empty Multi, Ecto's {@code Multi.new()}. */
  public static Multi create() {
    return EMPTY;
  }

  /** What a step does, named as Ecto's {@code Multi.to_list/1} names it ({@code :insert}, {@code :run}, …). */
  public enum Kind {
    INSERT, UPDATE, DELETE, INSERT_OR_UPDATE, INSERT_ALL, UPDATE_ALL, DELETE_ALL, ONE, ALL, EXISTS, RUN, PUT, ERROR,
    MERGE,
    INSPECT;

    /** Ecto's name, e.g. {@code insert_or_update}. */
    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One step as {@link #toList()} shows it, Ecto's {@code {name, {kind, changeset, opts}}}: its
   * name, its kind, and the changeset it was given when it was given one (not one built from the
   * changes so far). What the step does stays inside the Multi.
   */
  public static final class Operation {
    private final Key<?> key;
    private final Kind kind;
    private final Step step;
    private final Changeset<?> staticChangeset;

    Operation(Key<?> key, Kind kind, Step step, Changeset<?> staticChangeset) {
      this.key = key;
      this.kind = kind;
      this.step = step;
      this.staticChangeset = staticChangeset;
    }

    public Key<?> key() {
      return key;
    }

    public Kind kind() {
      return kind;
    }

    /** The changeset given to {@code insert}, {@code update}, … directly; null for a function or another kind. */
    public Changeset<?> staticChangeset() {
      return staticChangeset;
    }

    Step step() {
      return step;
    }

    /**
     * Whether the step's name is a name of the Multi's: a {@code merge} or {@code inspect} step
     * is named by its kind, as in Ecto, and adds no change, so it may appear any number of times.
     */
    boolean isNamed() {
      return kind != Kind.MERGE && kind != Kind.INSPECT;
    }

    /** Runs the step; {@code Err} fails the Multi. */
    Result<?, ?> run(Repo repo, Changes changes) {
      return step.run(repo, changes);
    }

    /** {@code user: insert}: the step's name and kind. */
    @Override
    public String toString() {
      return key + ": " + kind;
    }
  }

  /** What a step does. */
  @FunctionalInterface
  interface Step {
    Result<?, ?> run(Repo repo, Changes changes);
  }

  // ---------------------------------------------------------------- writes

  /**
   * Inserts the changeset's data, Ecto's {@code Multi.insert/3}; for a struct as it is,
   * {@code Changeset.change(struct)}. (No struct overload: it would make a lambda argument ambiguous.)
   */
  public <S extends Struct<S>> Multi insert(Key<S> key, Changeset<S> changeset) {
    Changeset<S> marked = marked(changeset, Changeset.Action.INSERT);
    return add(key, Kind.INSERT, (repo, changes) -> repo.insert(marked, STEP_WRITES), marked);
  }

  /** Inserts the changeset built from the changes so far. */
  public <S extends Struct<S>> Multi insert(Key<S> key, Function<Changes, Changeset<S>> build) {
    return add(key, Kind.INSERT, (repo, changes) -> repo.insert(build.apply(changes), STEP_WRITES), null);
  }

  /** Updates with the changeset, Ecto's {@code Multi.update/3}. */
  public <S extends Struct<S>> Multi update(Key<S> key, Changeset<S> changeset) {
    Changeset<S> marked = marked(changeset, Changeset.Action.UPDATE);
    return add(key, Kind.UPDATE, (repo, changes) -> repo.update(marked, STEP_WRITES), marked);
  }

  /** Updates with the changeset built from the changes so far. */
  public <S extends Struct<S>> Multi update(Key<S> key, Function<Changes, Changeset<S>> build) {
    return add(key, Kind.UPDATE, (repo, changes) -> repo.update(build.apply(changes), STEP_WRITES), null);
  }

  /**
   * Deletes with the changeset (its constraints and lock apply), Ecto's {@code Multi.delete/3};
   * for a struct, {@code Changeset.change(struct)}.
   */
  public <S extends Struct<S>> Multi delete(Key<S> key, Changeset<S> changeset) {
    Changeset<S> marked = marked(changeset, Changeset.Action.DELETE);
    return add(key, Kind.DELETE, (repo, changes) -> repo.delete(marked, STEP_WRITES), marked);
  }

  /** Deletes with the changeset built from the changes so far. */
  public <S extends Struct<S>> Multi delete(Key<S> key, Function<Changes, Changeset<S>> build) {
    return add(key, Kind.DELETE, (repo, changes) -> repo.delete(build.apply(changes), STEP_WRITES), null);
  }

  /**
   * Inserts when the changeset's data is built, updates it when loaded, Ecto's
   * {@code Multi.insert_or_update/3}; a deleted struct's changeset is refused here, when the step
   * is added, as Ecto refuses it.
   */
  public <S extends Struct<S>> Multi insertOrUpdate(Key<S> key, Changeset<S> changeset) {
    Changeset<S> marked = marked(changeset, isStored(changeset) ? Changeset.Action.UPDATE : Changeset.Action.INSERT);
    return add(key, Kind.INSERT_OR_UPDATE, (repo, changes) -> insertOrUpdate(repo, marked), marked);
  }

  /** {@link #insertOrUpdate(Key, Changeset)} with the changeset built from the changes so far. */
  public <S extends Struct<S>> Multi insertOrUpdate(Key<S> key, Function<Changes, Changeset<S>> build) {
    return add(key, Kind.INSERT_OR_UPDATE, (repo, changes) -> insertOrUpdate(repo, build.apply(changes)), null);
  }

  private static <S extends Struct<S>> Result<S, Changeset<S>> insertOrUpdate(Repo repo, Changeset<S> changeset) {
    return isStored(changeset) ? repo.update(changeset, STEP_WRITES) : repo.insert(changeset, STEP_WRITES);
  }

  /** Whether the data is loaded (update) rather than built (insert); a deleted one is refused, as in Ecto. */
  private static <S extends Struct<S>> boolean isStored(Changeset<S> changeset) {
    return changeset.data().meta().updatesOnInsertOrUpdate("Multi.insertOrUpdate");
  }

  /**
   * {@code changeset} marked with the step's action, as Ecto's Multi marks it; one already marked
   * with another action is refused, since the repo would refuse it only when the Multi runs.
   */
  private static <S extends Struct<S>> Changeset<S> marked(Changeset<S> changeset, Changeset.Action action) {
    Objects.requireNonNull(changeset, "changeset");
    Optional<Changeset.Action> given = changeset.action();
    if (given.isPresent() && given.get() != action) {
      throw new IllegalArgumentException("you provided a changeset with an action already set to "
          + name(given.get()) + " when trying to " + name(action) + " it");
    }
    return changeset.withAction(action);
  }

  private static String name(Changeset.Action action) {
    return action.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Inserts many rows in one statement, Ecto's {@code Multi.insert_all/5}: the count. */
  public <S> Multi insertAll(Key<Long> key, Table<S> table, List<S> rows) {
    return insertAll(key, table, changes -> rows);
  }

  /** Inserts the rows built from the changes so far in one statement: the count. */
  public <S> Multi insertAll(Key<Long> key, Table<S> table, Function<Changes, List<S>> build) {
    return add(key, Kind.INSERT_ALL, (repo, changes) -> Result.ok(repo.insertAll(table, build.apply(changes))), null);
  }

  /**
   * Updates every row the query matches, Ecto's {@code Multi.update_all/5}: the count. A step
   * that must change rows can check it in a following {@link #run} step.
   */
  public Multi updateAll(Key<Long> key, Query<?> query, Update... updates) {
    return updateAll(key, changes -> query, updates);
  }

  /** Updates every row of the query built from the changes so far: the count. */
  public Multi updateAll(Key<Long> key, Function<Changes, Query<?>> build, Update... updates) {
    Update[] copy = updates.clone();
    return add(key, Kind.UPDATE_ALL, (repo, changes) -> Result.ok(repo.updateAll(build.apply(changes), copy)), null);
  }

  /** Deletes every row the query matches, Ecto's {@code Multi.delete_all/4}: the count. */
  public Multi deleteAll(Key<Long> key, Query<?> query) {
    return deleteAll(key, changes -> query);
  }

  /** Deletes every row of the query built from the changes so far: the count. */
  public Multi deleteAll(Key<Long> key, Function<Changes, Query<?>> build) {
    return add(key, Kind.DELETE_ALL, (repo, changes) -> Result.ok(repo.deleteAll(build.apply(changes))), null);
  }

  // ---------------------------------------------------------------- reads

  /** The query's single row, if any, Ecto's {@code Multi.one/3}. */
  public <T> Multi one(Key<Optional<T>> key, Query<T> query) {
    return one(key, changes -> query);
  }

  /** The single row of the query built from the changes so far. */
  public <T> Multi one(Key<Optional<T>> key, Function<Changes, Query<T>> build) {
    return add(key, Kind.ONE, (repo, changes) -> Result.ok(repo.one(build.apply(changes))), null);
  }

  /** Every row of the query, Ecto's {@code Multi.all/3}. */
  public <T> Multi all(Key<List<T>> key, Query<T> query) {
    return all(key, changes -> query);
  }

  /** Every row of the query built from the changes so far. */
  public <T> Multi all(Key<List<T>> key, Function<Changes, Query<T>> build) {
    return add(key, Kind.ALL, (repo, changes) -> Result.ok(repo.all(build.apply(changes))), null);
  }

  /** Whether the query matches a row, Ecto's {@code Multi.exists?/3}. */
  public Multi exists(Key<Boolean> key, Query<?> query) {
    return exists(key, changes -> query);
  }

  /** Whether the query built from the changes so far matches a row. */
  public Multi exists(Key<Boolean> key, Function<Changes, Query<?>> build) {
    return add(key, Kind.EXISTS, (repo, changes) -> Result.ok(repo.exists(build.apply(changes))), null);
  }

  // ---------------------------------------------------------------- functions and values

  /**
   * Runs {@code function} with the repo and the changes so far, Ecto's {@code Multi.run/3}: its
   * {@code Ok} value becomes the step's result, an {@code Err} fails the Multi.
   */
  public <T> Multi run(Key<T> key, BiFunction<Repo, Changes, ? extends Result<T, ?>> function) {
    return add(key, Kind.RUN, function::apply, null);
  }

  /** Puts {@code value} under {@code key}, Ecto's {@code Multi.put/3}. */
  public <T> Multi put(Key<T> key, T value) {
    return add(key, Kind.PUT, (repo, changes) -> Result.ok(value), null);
  }

  /** Fails the Multi at this step with {@code value}, Ecto's {@code Multi.error/3}. */
  public Multi error(Key<?> key, Object value) {
    Objects.requireNonNull(value, "value");
    return add(key, Kind.ERROR, new Failing(value), null);
  }

  /**
   * Builds a Multi from the changes so far and runs its steps here, Ecto's {@code Multi.merge/2};
   * its step names must not repeat names already run.
   */
  public Multi merge(Function<Changes, Multi> build) {
    return add(Key.named("merge"), Kind.MERGE, new Merge(build), null);
  }

  /**
   * Prints the changes so far when the Multi reaches this point, Ecto's {@code Multi.inspect/2}:
   * a debugging aid that adds no change.
   */
  public Multi inspect() {
    return inspect(changes -> System.out.println(changes));
  }

  /**
   * Prints the results of the steps {@code only} names (those that have run), Ecto's
   * {@code Multi.inspect(only: […])}.
   */
  public Multi inspect(Key<?>... only) {
    Set<Key<?>> keys = Set.of(only);
    return inspect(changes -> System.out.println(changes.only(keys)));
  }

  /** Hands the changes so far to {@code sink} when the Multi reaches this point (a logger, a test). */
  public Multi inspect(Consumer<? super Changes> sink) {
    Objects.requireNonNull(sink, "sink");
    return add(Key.named("inspect"), Kind.INSPECT, new Inspect(sink), null);
  }

  /** This Multi's steps, then {@code other}'s, Ecto's {@code Multi.append/2}. */
  public Multi append(Multi other) {
    return combine(this, other);
  }

  /** {@code other}'s steps, then this Multi's, Ecto's {@code Multi.prepend/2}. */
  public Multi prepend(Multi other) {
    return combine(other, this);
  }

  private static Multi combine(Multi first, Multi second) {
    Multi combined = first;
    for (Operation operation : second.operations) {
      combined = combined.add(operation);
    }
    return combined;
  }

  /** The steps in order, Ecto's {@code Multi.to_list/1}: for testing a Multi without a database. */
  public List<Operation> toList() {
    return operations;
  }

  /** The names of the steps that produce a change, in order (a {@code merge} or {@code inspect} produces none). */
  public List<String> names() {
    return operations.stream().filter(Operation::isNamed).map(operation -> operation.key().name()).toList();
  }

  private Multi add(Key<?> key, Kind kind, Step step, Changeset<?> staticChangeset) {
    return add(new Operation(Objects.requireNonNull(key, "key"), kind, step, staticChangeset));
  }

  private Multi add(Operation operation) {
    for (int i = 0; i < operations.size(); i++) { // indexed: a Multi is often built per call
      Operation existing = operations.get(i);
      if (operation.isNamed() && existing.isNamed() && existing.key().equals(operation.key())) {
        throw new IllegalArgumentException("a step named \"" + operation.key() + "\" is already in this Multi "
            + names() + "; give each step its own name");
      }
    }
    Operation[] next = operations.toArray(new Operation[operations.size() + 1]);
    next[operations.size()] = operation;
    return new Multi(List.of(next)); // List.copyOf in the constructor keeps this list as it is
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs the steps on {@code repo} in one transaction; {@code repo.transaction(multi)} calls this.
   * Returns {@code Ok(changes)}, or {@code Err} naming the failed step. An invalid changeset or an
   * {@link #error} step fails the Multi before any transaction is opened, as in Ecto.
   */
  Result<Changes, MultiFailure> runIn(Repo repo) {
    Optional<MultiFailure> known = failureKnownBeforeRunning();
    if (known.isPresent()) {
      return Result.err(known.get());
    }
    if (operations.isEmpty()) {
      return Result.ok(Changes.empty());
    }
    Progress progress = new Progress();
    Result<Changes, MultiFailure> outcome =
        repo.transaction(tx -> runSteps(repo, Changes.empty(), tx::rollback, progress));
    if (outcome instanceof Result.Err<?, ?> err && !(err.error() instanceof MultiFailure)) {
      // repo.rollback(value) inside a step: Ecto raises; the step and its value are a typed failure here.
      return Result.err(new MultiFailure(progress.step, err.error(), progress.changes));
    }
    return outcome;
  }

  private Optional<MultiFailure> failureKnownBeforeRunning() {
    for (Operation operation : operations) {
      Changeset<?> changeset = operation.staticChangeset();
      if (changeset != null && !changeset.isValid()) {
        return Optional.of(new MultiFailure(operation.key(), changeset, Changes.empty()));
      }
      if (operation.step() instanceof Failing failing) {
        return Optional.of(new MultiFailure(operation.key(), failing.value, Changes.empty()));
      }
    }
    return Optional.empty();
  }

  /** The step running and the changes before it, for a failure the step did not return. */
  private static final class Progress {
    Key<?> step;
    Changes changes = Changes.empty();
  }

  /** Runs the steps after {@code start}; a name already in the changes (a merged Multi's repeat) is refused. */
  private Changes runSteps(Repo repo, Changes start, Function<MultiFailure, Changes> fail, Progress progress) {
    Changes changes = start;
    for (Operation operation : operations) {
      if (operation.step() instanceof Merge merge) {
        changes = merge.build.apply(changes).runSteps(repo, changes, fail, progress);
        continue;
      }
      if (operation.step() instanceof Inspect inspect) {
        inspect.sink.accept(changes);
        continue;
      }
      if (changes.contains(operation.key())) { // keys are equal by name: every step run so far is in the changes
        throw new IllegalStateException("a merged Multi repeats the step name \"" + operation.key()
            + "\"; step names must be unique across merges");
      }
      progress.step = operation.key();
      progress.changes = changes;
      Result<?, ?> result = operation.run(repo, changes);
      if (result == null) {
        throw new IllegalStateException("expected the Multi step \"" + operation.key()
            + "\" to return Result.ok(value) or Result.err(error), got null");
      }
      if (result instanceof Result.Err<?, ?> err) {
        return fail.apply(new MultiFailure(operation.key(), err.error(), changes));
      }
      changes = changes.with(operation.key(), ((Result.Ok<?, ?>) result).value());
    }
    return changes;
  }

  /** A step that fails with its value: the Multi fails before it opens a transaction. */
  private record Failing(Object value) implements Step {
    @Override
    public Result<?, ?> run(Repo repo, Changes changes) {
      return Result.err(value);
    }
  }

  /** A step that shows the changes so far and adds none. */
  private record Inspect(Consumer<? super Changes> sink) implements Step {
    @Override
    public Result<?, ?> run(Repo repo, Changes changes) {
      sink.accept(changes);
      return Result.ok(null);
    }
  }

  /** A step that expands into another Multi's steps when it runs. */
  private record Merge(Function<Changes, Multi> build) implements Step {
    @Override
    public Result<?, ?> run(Repo repo, Changes changes) {
      throw new IllegalStateException("a merge runs as part of its Multi");
    }
  }

  @Override
  public String toString() {
    return "#Multi<" + operations + ">";
  }
}
