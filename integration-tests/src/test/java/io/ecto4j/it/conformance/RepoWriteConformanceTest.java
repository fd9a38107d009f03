package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.meta.Struct;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.MultiplePrimaryKeyException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18's wrong answers of struct writes: a key on several rows, a null lock version, an
 * insert of no columns, and a changeset marked for another action. No sandbox: a write outside a
 * transaction must be seen to commit, or not, on its own.
 */
@EctoTest
class RepoWriteConformanceTest {
  /** A table whose key column has no unique constraint in the database (Ecto's {@code CorruptedPk}). */
  @Schema("loose_keys")
  interface LooseKey {
    @Field String title();

    @Field Integer lockVersion();
  }

  /** Nothing to insert but the key the database generates. */
  @Schema("tallies")
  interface Tally {}

  private static final String TABLES = "CREATE TABLE %1$s.loose_keys (id bigint, title text, lock_version integer);"
      + "CREATE TABLE %1$s.tallies (id bigserial PRIMARY KEY)";

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(TABLES.formatted("public"));
    db.execute("CREATE SCHEMA tenant_b; " + TABLES.formatted("tenant_b"));
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    db.execute("TRUNCATE public.loose_keys, public.tallies, tenant_b.loose_keys, tenant_b.tallies");
  }

  private static LooseKeyStruct row(long id, String title) {
    return new LooseKeyStruct().withId(id).withTitle(title);
  }

  /** Three rows under key 1, and one under key 2. */
  private static LooseKeyStruct threeTwins(Repo repo) {
    LooseKeyStruct twin = repo.insertOrThrow(row(1, "twin"));
    repo.insertOrThrow(row(1, "twin"));
    repo.insertOrThrow(row(1, "twin"));
    repo.insertOrThrow(row(2, "single"));
    return twin;
  }

  private static List<String> titles(Repo repo) {
    return repo.all(Query.from(LooseKeys.SCHEMA).orderBy(LooseKeys.ID.asc(), LooseKeys.TITLE.asc())).stream()
        .map(LooseKeyStruct::title).toList();
  }

  // ---------------------------------------------------------------- a key on several rows

  /**
   * Ports ecto_sql integration_test/sql/sql.exs "raises when primary key is not unique on struct
   * operation"; unlike Ecto, nothing is deleted.
   */
  @Test
  void deleteOfAKeyOnSeveralRowsRaisesAndDeletesNothing(Repo repo) {
    LooseKeyStruct twin = threeTwins(repo);
    assertThatThrownBy(() -> repo.deleteOrThrow(twin))
        .isInstanceOfSatisfying(MultiplePrimaryKeyException.class, e -> {
          assertThat(e.operation()).isEqualTo("delete");
          assertThat(e.table()).isEqualTo("loose_keys");
          assertThat(e.key()).isEqualTo(1L);
          assertThat(e.count()).isEqualTo(OptionalLong.of(3));
          assertThat(e.sqlState()).isEqualTo("21000");
        })
        .hasMessageStartingWith("expected delete on loose_keys to return at most one entry but got 3 entries")
        .hasMessageContaining("LooseKey.id = 1 matches several rows of \"loose_keys\"")
        .hasMessageContaining("nothing was written");
    assertThat(titles(repo)).containsExactly("twin", "twin", "twin", "single");
  }

  /** Regression test for issue #18: an update of a key on several rows changed them all. */
  @Test
  void updateOfAKeyOnSeveralRowsRaisesAndUpdatesNothing(Repo repo) {
    LooseKeyStruct twin = threeTwins(repo);
    assertThatThrownBy(() -> repo.update(Changeset.change(twin).putChange(LooseKeys.TITLE, "changed")))
        .isInstanceOf(MultiplePrimaryKeyException.class)
        .hasMessageStartingWith("expected update on loose_keys to return at most one entry but got 3 entries");
    assertThat(titles(repo)).containsExactly("twin", "twin", "twin", "single");
  }

  /**
   * Regression test for issue #18: inside a transaction the refusal propagates and rolls the
   * transaction back (the rows cannot be counted in an aborted transaction).
   */
  @Test
  void insideATransactionTheRefusalRollsItBack(Repo repo) {
    LooseKeyStruct twin = threeTwins(repo);
    assertThatThrownBy(() -> repo.transaction(tx -> {
      repo.insertOrThrow(row(3, "written before"));
      repo.update(Changeset.change(twin).putChange(LooseKeys.TITLE, "changed"));
      return "never";
    })).isInstanceOfSatisfying(MultiplePrimaryKeyException.class, e -> assertThat(e.count()).isEmpty())
        .hasMessageStartingWith("expected update on loose_keys to return at most one entry but got more than one entry");
    assertThat(titles(repo)).containsExactly("twin", "twin", "twin", "single");
  }

  /** Regression test for issue #18: the key condition rendered for a prefix refuses as well. */
  @Test
  void aPrefixedWriteOfAKeyOnSeveralRowsRaises(Repo repo) {
    Repo tenant = repo.withPrefix("tenant_b");
    LooseKeyStruct twin = threeTwins(tenant);
    LooseKeyStruct single = tenant.getOrThrow(LooseKeys.SCHEMA, 2L);
    assertThatThrownBy(() -> tenant.delete(twin)).isInstanceOf(MultiplePrimaryKeyException.class)
        .hasMessageStartingWith("expected delete on loose_keys to return at most one entry but got 3 entries");
    assertThat(tenant.update(Changeset.change(single).putChange(LooseKeys.TITLE, "renamed")).isOk()).isTrue();
    assertThat(tenant.deleteOrThrow(tenant.getOrThrow(LooseKeys.SCHEMA, 2L)).title()).isEqualTo("renamed");
    assertThat(titles(tenant)).containsExactly("twin", "twin", "twin");
    assertThat(titles(repo)).isEmpty();
  }

  /** Regression test for issue #18: a key on one row is written as before, and a gone one is stale. */
  @Test
  void aKeyOnOneRowIsWrittenAndAGoneOneIsStale(Repo repo) {
    threeTwins(repo);
    LooseKeyStruct single = repo.getOrThrow(LooseKeys.SCHEMA, 2L);
    assertThat(repo.update(Changeset.change(single).putChange(LooseKeys.TITLE, "renamed")).orElseThrow().title())
        .isEqualTo("renamed");
    assertThat(repo.deleteOrThrow(single).title()).isEqualTo("renamed");
    assertThatThrownBy(() -> repo.delete(single)).isInstanceOf(StaleEntryException.class);
    assertThat(titles(repo)).containsExactly("twin", "twin", "twin");
  }

  /** Regression test for issue #18: only the writes by key become MultiplePrimaryKeyException. */
  @Test
  void aCardinalityViolationOfAnotherStatementStaysAQueryException(Repo repo) {
    assertThatThrownBy(() -> repo.query("SELECT (SELECT 1 UNION ALL SELECT 2)", List.of(), row -> row.getInt(1)))
        .isInstanceOf(QueryException.class)
        .isNotInstanceOf(MultiplePrimaryKeyException.class)
        .satisfies(e -> assertThat(((QueryException) e).sqlState()).isEqualTo("21000"));
  }

  // ---------------------------------------------------------------- null in a key or filter

  /** Regression test for issue #18: a null lock version rendered {@code = NULL} and never matched. */
  @Test
  void aNullLockVersionMatchesARowWhoseVersionIsNull(Repo repo) {
    LooseKeyStruct stored = repo.insertOrThrow(row(5, "unversioned"));
    assertThat(stored.lockVersion()).isNull();
    LooseKeyStruct updated = repo.update(Changeset.change(stored).putChange(LooseKeys.TITLE, "versioned")
        .optimisticLock(LooseKeys.LOCK_VERSION)).orElseThrow();
    assertThat(updated.lockVersion()).isEqualTo(1);
    assertThat(updated.title()).isEqualTo("versioned");

    LooseKeyStruct other = repo.insertOrThrow(row(6, "unversioned"));
    assertThat(repo.delete(Changeset.change(other).optimisticLock(LooseKeys.LOCK_VERSION)).isOk()).isTrue();
    assertThat(titles(repo)).containsExactly("versioned");
  }

  /** Regression test for issue #18: a null lock version still refuses a row whose version is set, and back. */
  @Test
  void aLockVersionThatMovedOnIsStaleWhetherNullOrNot(Repo repo) {
    LooseKeyStruct stored = repo.insertOrThrow(row(7, "v").withLockVersion(4));
    assertThatThrownBy(() -> repo.update(Changeset.change(stored.withLockVersion(null))
        .putChange(LooseKeys.TITLE, "lost").optimisticLock(LooseKeys.LOCK_VERSION)))
        .isInstanceOf(StaleEntryException.class)
        .hasMessageContaining("id = 7 and lockVersion is null");
    LooseKeyStruct unversioned = repo.insertOrThrow(row(8, "u"));
    assertThatThrownBy(() -> repo.delete(Changeset.change(unversioned.withLockVersion(3))
        .optimisticLock(LooseKeys.LOCK_VERSION)))
        .isInstanceOf(StaleEntryException.class)
        .hasMessageContaining("id = 8 and lockVersion = 3");
    assertThat(titles(repo)).containsExactly("v", "u");
  }

  /** Ports ecto test/ecto/repo_test.exs "fails without primary key value". */
  @Test
  void aNullPrimaryKeyValueIsRefusedBeforeAnyStatement(Repo repo) {
    LooseKeyStruct unsaved = new LooseKeyStruct().withTitle("never inserted");
    assertThatThrownBy(() -> repo.update(Changeset.change(unsaved).putChange(LooseKeys.TITLE, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct `LooseKey` is missing primary key value: cannot update a LooseKey whose primary key id is"
            + " null; was it inserted?");
    assertThatThrownBy(() -> repo.delete(unsaved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct `LooseKey` is missing primary key value: cannot delete a LooseKey whose primary key id is"
            + " null; was it inserted?");
  }

  // ---------------------------------------------------------------- an insert of no columns

  /** Regression test for issue #18: an insert of no columns rendered {@code () VALUES ()}. */
  @Test
  void anInsertOfNoColumnsIsDefaultValues(Repo repo) {
    TallyStruct first = repo.insertOrThrow(new TallyStruct());
    TallyStruct second = repo.insertOrThrow(new TallyStruct());
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(repo.aggregate(Query.from(Tallies.SCHEMA), Aggregate.count())).isEqualTo(2L);
  }

  /** Regression test for issue #18: the same, rendered at run time for a prefix. */
  @Test
  void aPrefixedInsertOfNoColumnsIsDefaultValues(Repo repo) {
    Repo tenant = repo.withPrefix("tenant_b");
    TallyStruct tally = tenant.insertOrThrow(new TallyStruct());
    assertThat(tenant.getOrThrow(Tallies.SCHEMA, tally.id())).isEqualTo(tally);
    assertThat(repo.aggregate(Query.from(Tallies.SCHEMA), Aggregate.count())).isZero();
  }

  // ---------------------------------------------------------------- a changeset's action

  /** Ports ecto test/ecto/repo_test.exs "insert!, update!, insert_or_update! and delete! fail on changeset with wrong action". */
  @Test
  void aChangesetMarkedForAnotherActionIsRefused(Repo repo) {
    LooseKeyStruct stored = repo.insertOrThrow(row(1, "stored"));
    Changeset<LooseKeyStruct> forUpdate = Changeset.change(row(2, "new")).withAction(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> repo.insert(forUpdate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a changeset with action update was given to repo.insert");
    Changeset<LooseKeyStruct> forDelete = Changeset.change(stored).putChange(LooseKeys.TITLE, "x")
        .withAction(Changeset.Action.DELETE);
    assertThatThrownBy(() -> repo.update(forDelete))
        .hasMessageStartingWith("a changeset with action delete was given to repo.update");
    Changeset<LooseKeyStruct> forInsert = Changeset.change(stored).withAction(Changeset.Action.INSERT);
    assertThatThrownBy(() -> repo.delete(forInsert))
        .hasMessageStartingWith("a changeset with action insert was given to repo.delete");
    assertThat(titles(repo)).containsExactly("stored");
  }

  /**
   * Regression test for issue #18: a form's changeset checked with {@code applyAction(VALIDATE)}
   * was written; Ecto refuses it whether valid or not.
   */
  @Test
  void aChangesetMarkedValidateIsRefusedValidOrNot(Repo repo) {
    Changeset<LooseKeyStruct> invalid = Changeset.change(row(1, "form")).addError(LooseKeys.TITLE, "is bad");
    Changeset<LooseKeyStruct> validated = ((Result.Err<LooseKeyStruct, Changeset<LooseKeyStruct>>)
        invalid.applyAction(Changeset.Action.VALIDATE)).error();
    assertThatThrownBy(() -> repo.insert(validated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a changeset with action validate was given to repo.insert");
    Changeset<LooseKeyStruct> valid = Changeset.change(row(1, "form")).withAction(Changeset.Action.VALIDATE);
    assertThatThrownBy(() -> repo.insert(valid))
        .hasMessageStartingWith("a changeset with action validate was given to repo.insert");
    assertThat(titles(repo)).isEmpty();
  }

  /** Ports ecto test/ecto/repo_test.exs "insert, update, insert_or_update and delete errors on invalid changeset" (its ignore part). */
  @Test
  void anIgnoredChangesetMustBeInvalidAndComesBackMarkedWithTheCall(Repo repo) {
    LooseKeyStruct stored = repo.insertOrThrow(row(1, "stored"));
    Changeset<LooseKeyStruct> ignored = Changeset.change(stored).putChange(LooseKeys.TITLE, "x")
        .addError(LooseKeys.TITLE, "is bad").withAction(Changeset.Action.IGNORE);
    assertThat(error(repo.insert(ignored)).action()).contains(Changeset.Action.INSERT);
    assertThat(error(repo.update(ignored)).action()).contains(Changeset.Action.UPDATE);
    assertThat(error(repo.delete(ignored)).action()).contains(Changeset.Action.DELETE);

    Changeset<LooseKeyStruct> validIgnored = Changeset.change(row(2, "y")).withAction(Changeset.Action.IGNORE);
    assertThatThrownBy(() -> repo.insert(validIgnored))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a valid changeset with action ignore was given to repo.insert. Changesets can only be ignored"
            + " in a repository action if they are also invalid");
    assertThat(titles(repo)).containsExactly("stored");
  }

  /** Regression test for issue #18: a changeset a failed insert returned may be inserted again once fixed. */
  @Test
  void aChangesetOfTheSameActionIsWritten(Repo repo) {
    Changeset<LooseKeyStruct> failed = error(repo.insert(
        Changeset.change(row(1, "draft")).addError(LooseKeys.TITLE, "is bad")));
    assertThat(failed.action()).contains(Changeset.Action.INSERT);
    Changeset<LooseKeyStruct> fixed = Changeset.change(failed.data()).withAction(Changeset.Action.INSERT);
    assertThat(repo.insert(fixed).isOk()).isTrue();
    assertThat(titles(repo)).containsExactly("draft");
  }

  /**
   * Ports multi_test.exs "add changeset with invalid action": a changeset marked for another
   * action is refused when it is added to a Multi, before anything runs.
   */
  @Test
  void aMultiStepOfAChangesetMarkedForAnotherActionIsRefusedWhenAdded(Repo repo) {
    Multi first = Multi.create().insert(Key.named("first"), Changeset.change(row(1, "first")));
    assertThatThrownBy(() -> first.insert(Key.named("second"),
        Changeset.change(row(2, "second")).withAction(Changeset.Action.VALIDATE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("you provided a changeset with an action already set to validate when trying to insert it");
    assertThat(titles(repo)).isEmpty();
  }

  private static <S extends Struct<S>> Changeset<S> error(Result<S, Changeset<S>> result) {
    assertThat(result.isErr()).as("expected Err, got %s", result).isTrue();
    return ((Result.Err<S, Changeset<S>>) result).error();
  }
}
