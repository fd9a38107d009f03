package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comment;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's per-call write options on {@code insert}, {@code update}, {@code delete} and
 * {@code insertOrUpdate}: {@code on_conflict} with a conflict target, {@code returning},
 * {@code force}, {@code stale_error_field}/{@code stale_error_message}/{@code allow_stale} and
 * {@code prefix}, as {@link WriteOptions}.
 */
@EctoTest(sandbox = true)
class RepoOptionsConformanceTest {
  private static final WriteOptions DEFAULTS = WriteOptions.defaults();

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE UNIQUE INDEX posts_title_index ON posts (title)");
    db.execute("CREATE SCHEMA other");
    db.execute(Posts.DDL.replace("\"posts\"", "other.\"posts\""));
    db.execute(Comments.DDL.replace("\"comments\"", "other.\"comments\"").replace("REFERENCES \"posts\"",
        "REFERENCES other.\"posts\""));
  }

  private static PostStruct post(String title) {
    return new PostStruct().withTitle(title).withBody("body");
  }

  private static long count(Repo repo) {
    return repo.aggregate(Posts.query(), Aggregate.count());
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "on conflict ignore", "on conflict ignore and
   * conflict target" and "on conflict ignore and returning".
   */
  @Test
  void onConflictNothingSkipsTheRowAndReturnsItWithoutKey(Repo repo) {
    PostStruct inserted = repo.insert(post("first"), DEFAULTS.onConflict(OnConflict.nothing())).orElseThrow();
    assertThat(inserted.id()).isNotNull();
    PostStruct skipped = repo.insert(post("first"), DEFAULTS.onConflict(OnConflict.nothing())).orElseThrow();
    assertThat(skipped.id()).isNull();
    PostStruct targeted = repo.insert(post("first"),
        DEFAULTS.onConflict(OnConflict.nothing().target(Posts.TITLE)).returningAll()).orElseThrow();
    assertThat(targeted.id()).isNull();
    // a conflict on another index than the target is an error
    assertThatThrownBy(() -> repo.insert(post("first"), DEFAULTS.onConflict(OnConflict.nothing().target(Posts.ID))))
        .isInstanceOf(ConstraintException.class);
    assertThat(count(repo)).isEqualTo(1);
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict raise". */
  @Test
  void onConflictRaiseFails(Repo repo) {
    PostStruct inserted = repo.insert(post("first"), DEFAULTS.onConflict(OnConflict.raise())).orElseThrow();
    assertThatThrownBy(() -> repo.insert(post("second").withId(inserted.id()), DEFAULTS.onConflict(OnConflict.raise())))
        .isInstanceOf(ConstraintException.class);
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "on conflict keyword list and conflict target" and
   * "on conflict query and conflict target": the row is updated, and the struct returned is the
   * one given (Ecto's default returning) with {@code returningNone()}, the stored row by default.
   */
  @Test
  void onConflictUpdateUpdatesTheStoredRow(Repo repo) {
    OnConflict setBody = OnConflict.update(Update.set(Posts.BODY, "second")).target(Posts.TITLE);
    PostStruct inserted = repo.insert(post("first"), DEFAULTS.onConflict(setBody)).orElseThrow();
    PostStruct updated = repo.insert(post("first"), DEFAULTS.onConflict(setBody).returningNone()).orElseThrow();
    assertThat(updated.id()).isEqualTo(inserted.id());
    assertThat(updated.body()).isEqualTo("body");
    assertThat(repo.getOrThrow(Posts.SCHEMA, inserted.id()).body()).isEqualTo("second");
    PostStruct stored = repo.insert(post("first").withBody("third"), DEFAULTS.onConflict(setBody)).orElseThrow();
    assertThat(stored.id()).isEqualTo(inserted.id());
    assertThat(stored.body()).isEqualTo("second");
    assertThatThrownBy(() -> repo.insert(post("first"), DEFAULTS.onConflict(OnConflict.update(
        Update.set(Posts.BODY, "x")).target(Posts.ID)))).isInstanceOf(ConstraintException.class);
    assertThat(count(repo)).isEqualTo(1);
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict keyword list and conflict target and returning". */
  @Test
  void returningChoosesWhatAnUpsertReadsBack(Repo repo) {
    PostStruct c1 = repo.insertOrThrow(post("c1").withBody("stored"));
    OnConflict keepId = OnConflict.update(Update.set(Posts.ID, c1.id())).target(Posts.ID);
    PostStruct proposed = post("c2").withId(c1.id()).withBody("proposed");
    PostStruct c2 = repo.insert(proposed, DEFAULTS.onConflict(keepId).returning(Posts.ID, Posts.BODY)).orElseThrow();
    PostStruct c3 = repo.insert(proposed, DEFAULTS.onConflict(keepId).returningAll()).orElseThrow();
    PostStruct c4 = repo.insert(proposed, DEFAULTS.onConflict(keepId).returningNone()).orElseThrow();
    assertThat(c2.body()).isEqualTo("stored");
    assertThat(c2.title()).isEqualTo("c2");
    assertThat(c3.body()).isEqualTo("stored");
    assertThat(c3.title()).isEqualTo("c1");
    assertThat(c4.body()).isEqualTo("proposed");
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict query having condition". */
  @Test
  void anUpsertWhoseConditionLeavesTheRowIsStale(Repo repo) {
    PostStruct inserted = repo.insertOrThrow(post("first").withViewCount(1));
    OnConflict onlyAtTwo = OnConflict.update(Update.set(Posts.BODY, "second")).target(Posts.TITLE)
        .where(Posts.VIEW_COUNT.eq(2));
    Result<PostStruct, Changeset<PostStruct>> result = repo.insert(post("first"),
        DEFAULTS.onConflict(onlyAtTwo).staleErrorField(Posts.VIEW_COUNT));
    assertThat(result.isErr()).isTrue();
    assertThat(((Result.Err<PostStruct, Changeset<PostStruct>>) result).error().errors())
        .containsExactly(new ChangesetError("viewCount", "is stale", Map.of("stale", true)));
    assertThat(repo.getOrThrow(Posts.SCHEMA, inserted.id()).body()).isEqualTo("body");
    assertThatThrownBy(() -> repo.insert(post("first"), DEFAULTS.onConflict(onlyAtTwo)))
        .isInstanceOf(StaleEntryException.class).hasMessageContaining("attempted to insert a stale struct");
  }

  /** Ports ecto integration_test/cases/repo.exs "on conflict replace_all and conflict target" (insert). */
  @Test
  void insertWithReplaceAllReplacesTheRowAndItsId(Repo repo) {
    OnConflict replaceAll = OnConflict.replaceAll().target(Posts.TITLE);
    PostStruct inserted = repo.insert(post("first").withViewCount(13), DEFAULTS.onConflict(replaceAll)).orElseThrow();
    PostStruct updated = repo.insertOrThrow(Changeset.change(post("first").withViewCount(17)),
        DEFAULTS.onConflict(replaceAll));
    assertThat(updated.id()).isNotEqualTo(inserted.id());
    assertThat(updated.viewCount()).isEqualTo(17);
    assertThat(repo.all(Posts.query().select(Posts.ID))).containsExactly(updated.id());
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "on conflict and associations" and
   * test/ecto/repo_test.exs "does not pass on_conflict to children": the children are inserted
   * as usual, the conflict handling applies to the parent's row only.
   */
  @Test
  void onConflictDoesNotApplyToChildren(Repo repo) {
    OnConflict setBody = OnConflict.update(Update.set(Posts.BODY, "second")).target(Posts.TITLE);
    Changeset<PostStruct> withComment = Changeset.change(post("first"))
        .putAssoc(Posts.COMMENTS, List.of(new CommentStruct().withBody("hi")));
    PostStruct inserted = repo.insert(withComment, DEFAULTS.onConflict(setBody)).orElseThrow();
    assertThat(inserted.id()).isNotNull();
    PostStruct again = repo.insert(withComment, DEFAULTS.onConflict(setBody)).orElseThrow();
    assertThat(again.id()).isEqualTo(inserted.id());
    assertThat(repo.all(Comments.query().select(Comments.POST_ID))).containsExactly(inserted.id(), inserted.id());
  }

  /** Ports ecto test/ecto/repo_test.exs "returning on insert", "on update" and "on delete". */
  @Test
  void returningReadsBackTheChosenFields(Repo repo) {
    PostStruct stored = repo.insert(post("first"), DEFAULTS.returning(Posts.TITLE)).orElseThrow();
    assertThat(stored.id()).isNotNull();
    // another writer moves view_count on behind the struct's back
    repo.updateAll(Posts.query(), Update.set(Posts.VIEW_COUNT, 5));
    Changeset<PostStruct> retitle = Changeset.change(stored).putChange(Posts.TITLE, "second");
    assertThat(repo.update(retitle, DEFAULTS.returningNone()).orElseThrow().viewCount()).isZero();
    assertThat(repo.update(Changeset.change(stored).putChange(Posts.TITLE, "third"), DEFAULTS.returning(Posts.VIEW_COUNT))
        .orElseThrow()).satisfies(p -> {
          assertThat(p.viewCount()).isEqualTo(5);
          assertThat(p.title()).isEqualTo("third");
        });
    assertThat(repo.update(Changeset.change(stored).putChange(Posts.TITLE, "fourth")).orElseThrow().viewCount())
        .isEqualTo(5);
    assertThat(repo.delete(stored, DEFAULTS.returningNone()).orElseThrow().title()).isEqualTo("first");
    assertThat(count(repo)).isZero();
    PostStruct again = repo.insertOrThrow(post("again"));
    repo.updateAll(Posts.query(), Update.set(Posts.VIEW_COUNT, 7));
    assertThat(repo.delete(again, DEFAULTS.returning(Posts.VIEW_COUNT)).orElseThrow().viewCount()).isEqualTo(7);
    assertThatThrownBy(() -> DEFAULTS.returning())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returning expects at least one field");
  }

  /** Ports ecto test/ecto/repo_test.exs "update with force" (schema operations: "update with no changes and force"). */
  @Test
  void forceUpdatesWithoutChanges(Repo repo) {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t1 = Instant.parse("2026-01-02T00:00:00Z");
    PostStruct stored = repo.withClock(Clock.fixed(t0, ZoneOffset.UTC)).insertOrThrow(post("first"));
    Repo later = repo.withClock(Clock.fixed(t1, ZoneOffset.UTC));
    assertThat(later.updateOrThrow(Changeset.change(stored)).updatedAt()).isEqualTo(t0);
    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id()).updatedAt()).isEqualTo(t0);
    assertThat(later.updateOrThrow(Changeset.change(stored), DEFAULTS.force()).updatedAt()).isEqualTo(t1);
    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id()).updatedAt()).isEqualTo(t1);
    // a forced update of a row that is gone is stale
    repo.deleteOrThrow(stored);
    assertThatThrownBy(() -> later.update(Changeset.change(stored), DEFAULTS.force()))
        .isInstanceOf(StaleEntryException.class);
  }

  /** Ports ecto test/ecto/repo_test.exs "insert, update, and delete adds error to stale error field". */
  @Test
  void aStaleEntryBecomesAnErrorOnTheStaleErrorField(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("first"));
    repo.deleteAll(Posts.query());
    Changeset<PostStruct> stale = Changeset.change(stored).putChange(Posts.TITLE, "foo");
    ChangesetError error = new ChangesetError("id", "is stale", Map.of("stale", true));
    assertThat(errors(repo.update(stale, DEFAULTS.staleErrorField(Posts.ID)))).containsExactly(error);
    assertThat(errors(repo.delete(Changeset.change(stored), DEFAULTS.staleErrorField(Posts.ID)))).containsExactly(error);
    assertThatThrownBy(() -> repo.update(stale)).isInstanceOf(StaleEntryException.class);
    assertThatThrownBy(() -> repo.delete(stored)).isInstanceOf(StaleEntryException.class);
  }

  /** Ports ecto test/ecto/repo_test.exs "insert, update, and delete adds custom stale error message". */
  @Test
  void theStaleErrorMessageCanBeChosen(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("first"));
    repo.deleteAll(Posts.query());
    WriteOptions options = DEFAULTS.staleErrorField(Posts.ID).staleErrorMessage("is old");
    ChangesetError error = new ChangesetError("id", "is old", Map.of("stale", true));
    assertThat(errors(repo.update(Changeset.change(stored).putChange(Posts.TITLE, "foo"), options))).containsExactly(error);
    assertThat(errors(repo.delete(stored, options))).containsExactly(error);
  }

  /** Ports ecto test/ecto/repo_test.exs "insert, update, and delete allows stale with :allow_stale option". */
  @Test
  void allowStaleReturnsOk(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("first"));
    repo.deleteAll(Posts.query());
    PostStruct updated = repo.update(Changeset.change(stored).putChange(Posts.TITLE, "foo"), DEFAULTS.allowStale())
        .orElseThrow();
    assertThat(updated.title()).isEqualTo("foo");
    assertThat(repo.delete(stored, DEFAULTS.allowStale()).orElseThrow()).isEqualTo(stored);
    assertThat(count(repo)).isZero();
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "insert, update allows stale children with :allow_stale
   * option": a child whose row is gone (Ecto marks it stale through its meta context; here it is
   * deleted under it) fails the parent's write, unless {@code allowStale()}, which association
   * writes inherit.
   */
  @Test
  void allowStaleReachesStaleChildren(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("parent"));
    CommentStruct child = repo.insertOrThrow(new CommentStruct().withBody("one").withPostId(stored.id()));
    PostStruct loaded = repo.preload(stored, Posts.COMMENTS);
    repo.deleteAll(Comments.query());
    Changeset<PostStruct> changeset = Changeset.change(loaded)
        .putAssoc(Posts.COMMENTS, List.of(Changeset.change(child).putChange(Comments.BODY, "two")));
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.update(changeset)))
        .isInstanceOf(StaleEntryException.class);
    PostStruct updated = repo.update(changeset, DEFAULTS.allowStale()).orElseThrow();
    assertThat(updated.comments()).extracting(Comment::body).containsExactly("two");

    Changeset<PostStruct> inserted = Changeset.change(post("new parent"))
        .putAssoc(Posts.COMMENTS, List.of(Changeset.change(child).putChange(Comments.BODY, "three")));
    assertThat(repo.insert(inserted, DEFAULTS.allowStale()).orElseThrow().comments()).extracting(Comment::body)
        .containsExactly("three");
    assertThat(repo.all(Comments.query())).isEmpty();
  }

  /**
   * Regression test for issue #18: the {@code prefix} option writes the row and its children in
   * that PostgreSQL schema, whatever the repo's own prefix, as Ecto's {@code prefix:} does.
   */
  @Test
  void thePrefixOptionWritesInThatSchemaChildrenIncluded(Repo repo) {
    WriteOptions other = DEFAULTS.prefix("other");
    Changeset<PostStruct> withComment = Changeset.change(post("first"))
        .putAssoc(Posts.COMMENTS, List.of(new CommentStruct().withBody("hi")));
    PostStruct inserted = repo.insert(withComment, other).orElseThrow();
    assertThat(count(repo)).isZero();
    assertThat(repo.withPrefix("other").all(Comments.query().select(Comments.POST_ID))).containsExactly(inserted.id());
    PostStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(Posts.TITLE, "second"), other);
    assertThat(repo.withPrefix("other").getOrThrow(Posts.SCHEMA, inserted.id()).title()).isEqualTo("second");
    repo.withPrefix("other").deleteAll(Comments.query());
    repo.delete(updated, other).orElseThrow();
    assertThat(repo.withPrefix("other").aggregate(Posts.query(), Aggregate.count())).isZero();
  }

  /** Ports ecto test/ecto/repo_test.exs "insert_or_update uses the correct action" (by the key; see the note). */
  @Test
  void insertOrUpdateInsertsANewStructAndUpdatesAStoredOne(Repo repo) {
    PostStruct inserted = repo.insertOrUpdate(Changeset.change(post("first"))).orElseThrow();
    PostStruct updated = repo.insertOrUpdate(Changeset.change(inserted).putChange(Posts.TITLE, "second"),
        DEFAULTS.onConflict(OnConflict.nothing()).force()).orElseThrow();
    assertThat(updated.id()).isEqualTo(inserted.id());
    assertThat(repo.all(Posts.query().select(Posts.TITLE))).containsExactly("second");
  }

  /** Regression test for issue #18: an option the operation cannot use is refused, not ignored. */
  @Test
  void anOptionTheOperationCannotUseIsRefused(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("first"));
    assertThatThrownBy(() -> repo.update(Changeset.change(stored), DEFAULTS.onConflict(OnConflict.nothing())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the onConflict option applies to inserts, not to repo.update; remove it from the WriteOptions");
    assertThatThrownBy(() -> repo.insert(post("x"), DEFAULTS.force()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("force option applies to updates");
    assertThat(repo.all(Query.from(Posts.SCHEMA).select(Posts.TITLE))).containsExactly("first");
  }

  private static List<ChangesetError> errors(Result<PostStruct, Changeset<PostStruct>> result) {
    assertThat(result.isErr()).as("expected Err, got %s", result).isTrue();
    return ((Result.Err<PostStruct, Changeset<PostStruct>>) result).error().errors();
  }
}
