package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Functions;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upserts as Ecto's: {@code replaceAll} replaces every field, the id included, and
 * {@code replaceAllExcept(ID)} is the way to keep it. Ecto's tests upsert with {@code insert};
 * ecto4j's upserts are {@code insertAll}'s, so each port upserts one row with it.
 */
@EctoTest(sandbox = true)
class OnConflictConformanceTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE UNIQUE INDEX posts_title_index ON posts (title)");
  }

  private static PostStruct post(String title, int views) {
    return new PostStruct().withTitle(title).withBody("body").withViewCount(views).withInsertedAt(AT).withUpdatedAt(AT);
  }

  private static PostStruct upsert(Repo repo, PostStruct row, OnConflict onConflict) {
    return repo.insertAllReturning(Posts.SCHEMA, List.of(row), onConflict).get(0);
  }

  private static long count(Repo repo) {
    return repo.aggregate(Posts.query(), Aggregate.count());
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict replace_all and conflict target" (insert). */
  @Test
  void replaceAllGivesTheRowTheInsertedId(Repo repo) {
    PostStruct inserted = upsert(repo, post("first", 13), OnConflict.replaceAll().target(Posts.TITLE));
    assertThat(inserted.id()).isNotNull();
    PostStruct updated = upsert(repo, post("first", 17), OnConflict.replaceAll().target(Posts.TITLE));
    assertThat(updated.id()).isNotEqualTo(inserted.id());
    assertThat(updated.viewCount()).isEqualTo(17);
    assertThat(repo.all(Posts.query().select(Posts.ID, Posts.VIEW_COUNT)))
        .singleElement().satisfies(row -> {
          assertThat(row.first()).isEqualTo(updated.id());
          assertThat(row.second()).isEqualTo(17);
        });
    assertThat(repo.get(Posts.SCHEMA, inserted.id())).isEmpty();
    assertThat(count(repo)).isEqualTo(1);
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict replace_all and conflict_target" (insert_all): ids are replaced. */
  @Test
  void replaceAllOfRowsWithIdsReplacesTheIds(Repo repo) {
    PostStruct first = repo.insertOrThrow(post("first", 0));
    PostStruct second = repo.insertOrThrow(post("second", 0));
    List<PostStruct> changes = List.of(post("first", 1).withId(second.id() + 1), post("second", 2).withId(second.id() + 2));
    assertThat(repo.insertAll(Posts.SCHEMA, changes, OnConflict.replaceAll().target(Posts.TITLE))).isEqualTo(2);
    assertThat(count(repo)).isEqualTo(2);
    assertThat(repo.get(Posts.SCHEMA, second.id() + 1)).hasValueSatisfying(p -> {
      assertThat(p.title()).isEqualTo("first");
      assertThat(p.viewCount()).isEqualTo(1);
    });
    assertThat(repo.get(Posts.SCHEMA, second.id() + 2)).hasValueSatisfying(p -> assertThat(p.viewCount()).isEqualTo(2));
    assertThat(repo.get(Posts.SCHEMA, first.id())).isEmpty();
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict replace_all_except and conflict_target": ids are kept. */
  @Test
  void replaceAllExceptTheIdKeepsTheIds(Repo repo) {
    PostStruct first = repo.insertOrThrow(post("first", 0));
    PostStruct second = repo.insertOrThrow(post("second", 0));
    List<PostStruct> changes = List.of(post("first", 1).withId(first.id() + 2), post("second", 2).withId(second.id() + 2));
    assertThat(repo.insertAll(Posts.SCHEMA, changes, OnConflict.replaceAllExcept(Posts.ID).target(Posts.TITLE)))
        .isEqualTo(2);
    assertThat(count(repo)).isEqualTo(2);
    assertThat(repo.get(Posts.SCHEMA, first.id())).hasValueSatisfying(p -> assertThat(p.viewCount()).isEqualTo(1));
    assertThat(repo.get(Posts.SCHEMA, second.id())).hasValueSatisfying(p -> assertThat(p.viewCount()).isEqualTo(2));
    PostStruct upserted = upsert(repo, post("first", 3), OnConflict.replaceAllExcept(Posts.ID).target(Posts.TITLE));
    assertThat(upserted.id()).isEqualTo(first.id());
  }

  /** Ports ecto test/ecto/repo_test.exs "raises on non-empty conflict_target with on_conflict raise". */
  @Test
  void aConflictTargetWithRaiseIsRefusedBeforeAnyStatement(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, List.of(post("first", 1)), OnConflict.raise().target(Posts.TITLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("conflict target option is forbidden when onConflict is raise()");
    assertThat(count(repo)).isZero();
  }

  /**
   * Regression test for issue #18 ({@code replaceChanged}, Ecto's {@code replace_changed:}): a
   * {@code replaceAll} leaves the conflict target out of its {@code SET} list, so PostgreSQL sees no
   * update of that column (a trigger {@code OF title} stays silent); {@code replaceChanged(false)}
   * writes it too, and the trigger fires.
   */
  @Test
  void replaceChangedDecidesWhetherTheConflictTargetIsSet(Repo repo) {
    repo.queryResult("CREATE FUNCTION mark_title_set() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN NEW.body := 'title set'; RETURN NEW; END $$", List.of());
    repo.queryResult("CREATE TRIGGER posts_title_set BEFORE UPDATE OF title ON posts"
        + " FOR EACH ROW EXECUTE FUNCTION mark_title_set()", List.of());
    upsert(repo, post("first", 1), OnConflict.replaceAll().target(Posts.TITLE));
    assertThat(upsert(repo, post("first", 2), OnConflict.replaceAll().target(Posts.TITLE)).body()).isEqualTo("body");
    assertThat(upsert(repo, post("first", 3), OnConflict.replaceAll().target(Posts.TITLE).replaceChanged(false)).body())
        .isEqualTo("title set");
  }

  /** Regression test for issue #18: a row-value comparison, {@code (view_count, id) > (?, ?)}, keyset pagination's basis. */
  @Test
  void aRowValueComparisonOrdersByEachColumnInTurn(Repo repo) {
    PostStruct a = repo.insertOrThrow(post("a", 5));
    PostStruct b = repo.insertOrThrow(post("b", 5));
    repo.insertOrThrow(post("c", 4));
    PostStruct d = repo.insertOrThrow(post("d", 6));
    List<Long> after = repo.all(Posts.query()
        .where(Functions.row(Posts.VIEW_COUNT, Posts.ID).gt(Functions.row(Functions.value(5), Functions.value(a.id()))))
        .orderBy(Posts.VIEW_COUNT.asc(), Posts.ID.asc())
        .select(Posts.ID));
    assertThat(after).containsExactly(b.id(), d.id());
  }
}
