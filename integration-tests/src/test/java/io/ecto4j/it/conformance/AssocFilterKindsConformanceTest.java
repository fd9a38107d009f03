package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.WfCommentPostStruct;
import io.ecto4j.it.schemas.WfCommentPosts;
import io.ecto4j.it.schemas.WfCommentStruct;
import io.ecto4j.it.schemas.WfComments;
import io.ecto4j.it.schemas.WfPostStruct;
import io.ecto4j.it.schemas.WfPosts;
import io.ecto4j.it.schemas.WfState;
import io.ecto4j.meta.Association;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Association filters beyond equality, Ecto's {@code where:} value forms {@code nil},
 * {@code {:not, nil}}, {@code {:in, list}} and {@code {:fragment, sql}}, and the negations ecto4j adds
 * ({@code notEqual}, {@code notIn}), on has_many, has_one, belongs_to and many_to_many (issue #18):
 * each holds alike in a join's ON, the association's query ({@code Ecto.assoc}), a separate preload
 * and a join-preload, and none is written by a build, as in Ecto.
 */
@EctoTest(sandbox = true)
class AssocFilterKindsConformanceTest {
  private static final String LONG_TEXT = "x".repeat(101);

  private WfPostStruct post;
  private WfPostStruct archived;
  private WfCommentStruct blank;
  private WfCommentStruct unvoted;
  private WfCommentStruct longSpam;
  private WfCommentStruct fresh;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(WfPosts.DDL);
    db.execute(WfComments.DDL);
    db.execute(WfCommentPosts.DDL);
  }

  /**
   * One post with four comments — no text, a comment nobody voted for, a long spam one, a fresh
   * one — and an archived post with one comment of its own.
   */
  @BeforeEach
  void seed(Repo repo) {
    post = repo.insertOrThrow(new WfPostStruct().withTitle("live"));
    archived = repo.insertOrThrow(new WfPostStruct().withTitle("old").withArchivedAt(Instant.parse("2024-01-01T00:00:00Z")));
    blank = comment(repo, post, null, WfState.NEW, 1);
    unvoted = comment(repo, post, "short", WfState.SEEN, 0);
    longSpam = comment(repo, post, LONG_TEXT, WfState.SPAM, 5);
    fresh = comment(repo, post, "ok", WfState.NEW, 2);
    comment(repo, archived, "elsewhere", WfState.NEW, 1);
  }

  private static WfCommentStruct comment(Repo repo, WfPostStruct parent, String text, WfState state, int votes) {
    return repo.insertOrThrow(new WfCommentStruct().withPostId(parent.id()).withText(text).withState(state)
        .withVotes(votes));
  }

  /**
   * Ports planner_test.exs:500 "plan: nested joins associations with custom queries": five nested
   * association joins, each with its association's filter in its own ON — {@code {:not, nil}} on the
   * first, none on the belongs_to and has_many between, {@code nil} and a fragment on the two
   * belongs_to of the join schema — and the rows they find.
   */
  @Test
  void nestedAssociationJoinsApplyEachFilterInItsOwnOn(Repo repo) {
    WfCommentStruct special = comment(repo, archived, null, WfState.NEW, 0);
    WfCommentStruct specialLong = comment(repo, archived, LONG_TEXT, WfState.NEW, 0);
    WfCommentPostStruct matching = link(repo, fresh, special, specialLong);
    link(repo, unvoted, fresh, specialLong); // its special comment has text: the nil filter leaves it out
    link(repo, blank, special, specialLong); // the first join's {:not, nil} leaves its comment out
    link(repo, fresh, special, fresh); // its "long" comment is short: the fragment leaves it out
    Alias<WfCommentStruct> c1 = Alias.of(WfComments.SCHEMA, "c1");
    Alias<WfPostStruct> p2 = Alias.of(WfPosts.SCHEMA, "p2");
    Alias<WfCommentPostStruct> cp = Alias.of(WfCommentPosts.SCHEMA, "cp");
    Alias<WfCommentStruct> c2 = Alias.of(WfComments.SCHEMA, "c2");
    Alias<WfCommentStruct> c3 = Alias.of(WfComments.SCHEMA, "c3");
    Query<Tuple2<Long, Long>> query = WfPosts.query()
        .join(WfPosts.SPECIAL_COMMENTS, c1)
        .join(WfComments.POST, p2)
        .join(WfComments.COMMENT_POSTS, cp)
        .join(WfCommentPosts.SPECIAL_COMMENT, c2)
        .join(WfCommentPosts.SPECIAL_LONG_COMMENT, c3)
        .select(cp.field(WfCommentPosts.ID), p2.field(WfPosts.ID));
    assertThat(query.toSql().text()).endsWith("FROM \"wf_posts\" AS w0"
        + " INNER JOIN \"wf_comments\" AS w1 ON w1.\"post_id\" = w0.\"id\" AND w1.\"text\" IS NOT NULL"
        + " INNER JOIN \"wf_posts\" AS w2 ON w2.\"id\" = w1.\"post_id\""
        + " INNER JOIN \"wf_comment_posts\" AS w3 ON w3.\"comment_id\" = w1.\"id\""
        + " INNER JOIN \"wf_comments\" AS w4 ON w4.\"id\" = w3.\"special_comment_id\" AND w4.\"text\" IS NULL"
        + " INNER JOIN \"wf_comments\" AS w5 ON w5.\"id\" = w3.\"special_long_comment_id\""
        + " AND (length(w5.\"text\") > 100)");
    assertThat(query.toSql().values()).isEmpty();
    assertThat(repo.all(query)).containsExactly(new Tuple2<>(matching.id(), post.id()));
  }

  private static WfCommentPostStruct link(Repo repo, WfCommentStruct comment, WfCommentStruct special,
      WfCommentStruct specialLong) {
    return repo.insertOrThrow(new WfCommentPostStruct().withCommentId(comment.id()).withPostId(comment.postId())
        .withSpecialCommentId(special.id()).withSpecialLongCommentId(specialLong.id()));
  }

  /** Ecto's {@code where: [text: {:not, nil}]} and {@code where: [text: nil]} on a has_many. */
  @Test
  void nilAndNotNilFilterAHasManyEverywhere(Repo repo) {
    assertEverywhere(repo, WfPosts.SPECIAL_COMMENTS, unvoted, longSpam, fresh);
    assertEverywhere(repo, WfPosts.BLANK_COMMENTS, blank);
  }

  /** Ecto's {@code where: [state: {:in, [...]}]} with a {@code notIn} beside it: both must hold. */
  @Test
  void inAndNotInListsFilterAHasManyEverywhere(Repo repo) {
    assertThat(WfPosts.query().join(WfPosts.VISIBLE_COMMENTS).toSql().values())
        .containsExactly(List.of(WfState.NEW, WfState.SEEN), List.of(0));
    assertEverywhere(repo, WfPosts.VISIBLE_COMMENTS, blank, fresh);
  }

  /** A negated equality, which Ecto's keyword list cannot write: {@code state <> 'SPAM'}. */
  @Test
  void aNotEqualFilterLeavesTheValueOut(Repo repo) {
    assertEverywhere(repo, WfPosts.HAM_COMMENTS, blank, unvoted, fresh);
  }

  /** Ecto's {@code where: [text: {:fragment, "LEN(?) > 100"}]} on a has_one. */
  @Test
  void aFragmentFiltersAHasOneEverywhere(Repo repo) {
    assertEverywhere(repo, WfPosts.LONG_COMMENT, longSpam);
  }

  /**
   * A many-to-many's {@code notIn} on the related rows and {@code isNil} on its join schema's rows:
   * linked to the blank, the spam and the fresh comment, with the fresh one's link removed, the post
   * has only the blank one.
   */
  @Test
  void aManyToManyFiltersItsRowsAndItsJoinRowsEverywhere(Repo repo) {
    joinRow(repo, blank, null);
    joinRow(repo, longSpam, null);
    joinRow(repo, fresh, Instant.parse("2024-02-01T00:00:00Z"));
    assertEverywhere(repo, WfPosts.LINKED_COMMENTS, blank);
  }

  private void joinRow(Repo repo, WfCommentStruct comment, Instant removedAt) {
    repo.insertOrThrow(new WfCommentPostStruct().withPostId(post.id()).withCommentId(comment.id())
        .withRemovedAt(removedAt));
  }

  /** A belongs_to's {@code where: [archived_at: nil]}: the archived parent is not loaded, joined or queried. */
  @Test
  void aBelongsToNilFilterLeavesAnArchivedParentOut(Repo repo) {
    WfCommentStruct toLive = repo.insertOrThrow(new WfCommentStruct().withPostId(post.id()).withLivePostId(post.id()));
    WfCommentStruct toArchived = repo.insertOrThrow(new WfCommentStruct().withPostId(post.id())
        .withLivePostId(archived.id()));
    List<WfCommentStruct> both = List.of(toLive, toArchived);
    List<WfCommentStruct> preloaded = repo.preload(both, WfComments.LIVE_POST);
    assertThat(WfComments.LIVE_POST.structs(preloaded.get(0))).extracting(WfPostStruct::id).containsExactly(post.id());
    assertThat(WfComments.LIVE_POST.structs(preloaded.get(1))).isEmpty();
    assertThat(repo.all(WfComments.LIVE_POST.of(toArchived))).isEmpty();
    assertThat(repo.all(WfComments.LIVE_POST.of(toLive))).extracting(WfPostStruct::id).containsExactly(post.id());
    Alias<WfPostStruct> p = Alias.of(WfPosts.SCHEMA, "p");
    assertThat(repo.all(WfComments.query().join(WfComments.LIVE_POST, p).select(WfComments.ID)))
        .containsExactly(toLive.id());
    List<WfCommentStruct> joinPreloaded = repo.all(WfComments.query().where(WfComments.ID.in(List.of(toLive.id(),
        toArchived.id()))).leftJoin(WfComments.LIVE_POST, p).orderBy(WfComments.ID.asc()).preload(WfComments.LIVE_POST, p));
    assertThat(joinPreloaded).extracting(comment -> WfComments.LIVE_POST.structs(comment).size()).containsExactly(1, 0);
  }

  /**
   * As Ecto's {@code build_assoc}, a child built through a filtered association gets the foreign
   * key only: the filter is what reads see, not a value writes set.
   */
  @Test
  void aBuildThroughAFilteredAssociationSetsOnlyTheForeignKey() {
    WfCommentStruct built = WfPosts.VISIBLE_COMMENTS.build(post);
    assertThat(built.postId()).isEqualTo(post.id());
    assertThat(built.state()).isNull();
    assertThat(WfPosts.SPECIAL_COMMENTS.build(post).text()).isNull();
  }

  /**
   * {@code association} of the post holds exactly {@code expected} in a join, its query
   * ({@code Association.of}), a separate preload of the post with another beside it, and a
   * join-preload.
   */
  private void assertEverywhere(Repo repo, Association<WfPostStruct, WfCommentStruct> association,
      WfCommentStruct... expected) {
    List<Long> ids = ids(List.of(expected));
    Alias<WfCommentStruct> c = Alias.of(WfComments.SCHEMA, "c");
    assertThat(repo.all(WfPosts.query().where(WfPosts.ID.eq(post.id())).join(association, c)
        .select(c.field(WfComments.ID)))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ids(repo.all(association.of(post)))).isEqualTo(ids);
    List<WfPostStruct> preloaded = repo.preload(List.of(post, archived), association);
    assertThat(ids(association.structs(preloaded.get(0)))).isEqualTo(ids);
    WfPostStruct joinPreloaded = repo.one(WfPosts.query().where(WfPosts.ID.eq(post.id())).leftJoin(association, c)
        .preload(association, c)).orElseThrow();
    assertThat(ids(association.structs(joinPreloaded))).isEqualTo(ids);
  }

  private static List<Long> ids(List<WfCommentStruct> comments) {
    return comments.stream().map(WfCommentStruct::id).sorted().toList();
  }
}
