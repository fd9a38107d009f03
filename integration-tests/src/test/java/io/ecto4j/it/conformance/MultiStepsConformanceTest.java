package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/multi_test.exs} for the step kinds run to the end on
 * PostgreSQL: the function forms of update, delete, the reads and the bulk steps, a merged Multi's
 * failure and repeated names, a whole Multi of every kind, and {@code inspect(only: …)}.
 */
@EctoTest
class MultiStepsConformanceTest {
  private static final Key<UserStruct> USER = Key.named("user");
  private static final Key<Long> COUNT = Key.named("count");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static Changeset<UserStruct> named(String name) {
    return Changeset.cast(new UserStruct(), Map.of("name", name, "email", name + "@example.com"), Users.NAME,
        Users.EMAIL);
  }

  private static UserStruct row(String name) {
    Instant now = Instant.now();
    return new UserStruct().withName(name).withEmail(name + "@example.com").withInsertedAt(now).withUpdatedAt(now);
  }

  private static Query<UserStruct> users() {
    return Query.from(Users.SCHEMA);
  }

  private static List<String> names(Repo repo) {
    return repo.all(users().orderBy(Users.NAME.asc())).stream().map(UserStruct::name).toList();
  }

  /** Ports "update fun" and "delete fun": the changeset is built from the changes so far, then written. */
  @Test
  void updateAndDeleteBuiltFromTheChangesSoFar(Repo repo) {
    Key<UserStruct> renamed = Key.named("renamed");
    Key<UserStruct> deleted = Key.named("deleted");
    Multi multi = Multi.create()
        .insert(USER, named("ada"))
        .update(renamed, changes -> Changeset.change(changes.get(USER)).putChange(Users.NAME, "grace"))
        .delete(deleted, changes -> Changeset.change(changes.get(renamed)));

    Changes changes = repo.transaction(multi).orElseThrow();

    assertThat(changes.get(renamed).name()).isEqualTo("grace");
    assertThat(changes.get(deleted).id()).isEqualTo(changes.get(USER).id());
    assertThat(names(repo)).isEmpty();
  }

  /**
   * Ports "one queryable", "all fun" and "exists? fun": reads of a query, or of one built from the
   * changes so far.
   */
  @Test
  void readsOfAQueryOrOfOneBuiltFromTheChanges(Repo repo) {
    Key<Optional<UserStruct>> one = Key.named("one");
    Key<List<UserStruct>> all = Key.named("all");
    Key<Boolean> exists = Key.named("exists");
    Multi multi = Multi.create()
        .insert(USER, named("ada"))
        .one(one, users())
        .all(all, changes -> users().where(Users.ID.eq(changes.get(USER).id())))
        .exists(exists, changes -> users().where(Users.NAME.eq(changes.get(USER).name())));

    Changes changes = repo.transaction(multi).orElseThrow();

    assertThat(changes.get(one)).map(UserStruct::name).contains("ada");
    assertThat(changes.get(all)).extracting(UserStruct::name).containsExactly("ada");
    assertThat(changes.get(exists)).isTrue();
  }

  /**
   * Ports "insert_all fun", "update_all fun", "delete_all schema" and "delete_all fun": each bulk
   * step's count is its change.
   */
  @Test
  void bulkStepsBuiltFromTheChangesSoFar(Repo repo) {
    Key<Long> inserted = Key.named("inserted");
    Key<Long> updated = Key.named("updated");
    Key<Long> deletedOne = Key.named("deleted_one");
    Key<Long> deletedAll = Key.named("deleted_all");
    Multi multi = Multi.create()
        .insertAll(inserted, Users.SCHEMA, changes -> List.of(row("ada"), row("grace")))
        .updateAll(updated, changes -> users().where(Users.NAME.eq("ada")), Update.set(Users.AGE, 36))
        .deleteAll(deletedOne, changes -> users().where(Users.AGE.eq(36)))
        .deleteAll(deletedAll, users());

    Changes changes = repo.transaction(multi).orElseThrow();

    assertThat(List.of(changes.get(inserted), changes.get(updated), changes.get(deletedOne), changes.get(deletedAll)))
        .containsExactly(2L, 1L, 1L, 1L);
    assertThat(names(repo)).isEmpty();
  }

  /**
   * Ports "Repo.transaction / on success": put, insert, run, update, update by function, delete,
   * insert_all, update_all and delete_all in one Multi, each change under its name.
   */
  @Test
  void aMultiOfEveryKindSucceeds(Repo repo) {
    Key<Integer> put = Key.named("put");
    Key<Changes> run = Key.named("run");
    Key<UserStruct> update = Key.named("update");
    Key<UserStruct> updateFun = Key.named("update_fun");
    Key<UserStruct> delete = Key.named("delete");
    Key<Long> updateAll = Key.named("update_all");
    Key<Long> deleteAll = Key.named("delete_all");
    Multi multi = Multi.create()
        .put(put, 1)
        .insert(USER, named("ada"))
        .run(run, (r, changes) -> Result.ok(changes))
        .update(update, changes -> Changeset.change(changes.get(USER)).putChange(Users.AGE, 36))
        .update(updateFun, changes -> Changeset.change(changes.get(update)).putChange(Users.NAME, "Ada"))
        .delete(delete, changes -> Changeset.change(changes.get(updateFun)))
        .insertAll(COUNT, Users.SCHEMA, List.of(row("grace")))
        .updateAll(updateAll, users(), Update.set(Users.AGE, 1))
        .deleteAll(deleteAll, users());

    Changes changes = repo.transaction(multi).orElseThrow();

    assertThat(changes.asMap()).containsOnlyKeys("put", "user", "run", "update", "update_fun", "delete", "count",
        "update_all", "delete_all");
    assertThat(changes.get(run).asMap()).containsOnlyKeys("put", "user");
    assertThat(changes.get(updateFun).name()).isEqualTo("Ada");
    assertThat(List.of(changes.get(COUNT), changes.get(updateAll), changes.get(deleteAll))).containsExactly(1L, 1L, 1L);
  }

  /** Ports "add changeset with duplicate action": a changeset already marked with the step's action is taken. */
  @Test
  void aChangesetMarkedWithTheStepsOwnActionIsTaken(Repo repo) {
    Changeset<UserStruct> marked = named("ada").withAction(Changeset.Action.INSERT);
    Multi multi = Multi.create().insert(USER, marked);

    assertThat(multi.toList()).singleElement()
        .satisfies(operation -> assertThat(operation.staticChangeset().action()).contains(Changeset.Action.INSERT));
    assertThat(repo.transaction(multi).orElseThrow().get(USER).name()).isEqualTo("ada");
  }

  /**
   * Ports "merge/2 / rollbacks on errors": the failure names the merged Multi's step, its changes
   * so far hold the outer and the inner steps before it, and nothing is kept.
   */
  @Test
  void aFailureInsideAMergedMultiNamesItsStep(Repo repo) {
    Key<String> outsideOk = Key.named("outside_ok");
    Key<String> insideOk = Key.named("inside_ok");
    Key<String> insideError = Key.named("inside_error");
    Multi multi = Multi.create()
        .insert(USER, named("ada"))
        .run(outsideOk, (r, changes) -> Result.ok("ok"))
        .merge(changes -> Multi.create()
            .run(insideOk, (r, inner) -> Result.ok("ok"))
            .run(insideError, (r, inner) -> Result.err("error")))
        .run(Key.named("outside_error"), (r, changes) -> Result.err("error"));

    Result<Changes, MultiFailure> result = repo.transaction(multi);

    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) result).error();
    assertThat(failure.step()).isEqualTo(insideError);
    assertThat(failure.value()).isEqualTo("error");
    assertThat(failure.changesSoFar().asMap()).containsOnlyKeys("user", "outside_ok", "inside_ok");
    assertThat(names(repo)).isEmpty();
  }

  /**
   * Ports "merge/2 / does not allow repeated operations": a merged Multi repeating a step name
   * (either way round) is refused when it runs, naming the step, and nothing is kept.
   */
  @Test
  void aMergedMultiRepeatingAStepNameIsRefused(Repo repo) {
    Key<String> step = Key.named("run");
    Multi mergedFirst = Multi.create()
        .insert(USER, named("ada"))
        .merge(changes -> Multi.create().run(step, (r, inner) -> Result.ok("ok")))
        .run(step, (r, changes) -> Result.ok("ok"));
    Multi mergedLast = Multi.create()
        .run(step, (r, changes) -> Result.ok("ok"))
        .merge(changes -> Multi.create().run(step, (r, inner) -> Result.ok("ok")));

    assertThatThrownBy(() -> repo.transaction(mergedFirst)).isInstanceOf(IllegalStateException.class)
        .hasMessage("a merged Multi repeats the step name \"run\"; step names must be unique across merges");
    assertThatThrownBy(() -> repo.transaction(mergedLast)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"run\"");
    assertThat(names(repo)).isEmpty();
  }

  /**
   * Ports "Repo.transaction / with inspect": {@code inspect()} prints every change so far on
   * standard output, {@code inspect(keys…)} only those, Ecto's {@code only:}; neither adds a change.
   */
  @Test
  void inspectPrintsTheChangesSoFarOrOnlyThoseNamed(Repo repo) {
    Key<Integer> put = Key.named("put");
    Key<Integer> put2 = Key.named("put2");
    Multi multi = Multi.create().inspect().put(put, 1).put(put2, 1).inspect(put).inspect(put2);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream standardOutput = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    Changes changes;
    try {
      changes = repo.transaction(multi).orElseThrow();
    } finally {
      System.setOut(standardOutput);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly("{}", "{put=1}", "{put2=1}");
    assertThat(changes.asMap()).containsOnlyKeys("put", "put2");
  }
}
