package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.AwComment;
import io.ecto4j.it.schemas.AwCommentPostStruct;
import io.ecto4j.it.schemas.AwCommentPosts;
import io.ecto4j.it.schemas.AwCommentStruct;
import io.ecto4j.it.schemas.AwComments;
import io.ecto4j.it.schemas.AwPostStruct;
import io.ecto4j.it.schemas.AwPosts;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The declared {@code where} of a many-to-many and a belongs-to, and a many-to-many's
 * {@code joinWhere} on its join schema's rows (issue #18), as Ecto's planner applies
 * {@code where:} and {@code join_where:} to association joins and {@code Ecto.assoc} queries, and
 * its preloader to preloads.
 */
@EctoTest(sandbox = true)
class AssocWhereConformanceTest {
  private AwPostStruct post;
  private AwCommentStruct crazyLinked;
  private AwCommentStruct crazyLinkedLive;
  private AwCommentStruct plainLinked;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(AwPosts.DDL);
    db.execute(AwComments.DDL);
    db.execute(AwCommentPosts.DDL);
  }

  /**
   * One post linked to three comments: a "crazycomment" through a deleted join row, another
   * "crazycomment" through a live one, and a plain comment through a deleted one.
   */
  @BeforeEach
  void seed(Repo repo) {
    post = repo.insertOrThrow(new AwPostStruct().withTitle("crazypost"));
    crazyLinked = comment(repo, "crazycomment", true);
    crazyLinkedLive = comment(repo, "crazycomment", false);
    plainLinked = comment(repo, "plain", true);
  }

  private AwCommentStruct comment(Repo repo, String text, boolean deletedLink) {
    AwCommentStruct comment = repo.insertOrThrow(new AwCommentStruct().withText(text).withCrazyPostId(post.id()));
    repo.insertOrThrow(new AwCommentPostStruct().withCommentId(comment.id()).withPostId(post.id())
        .withDeleted(deletedLink));
    return comment;
  }

  /**
   * Ports planner_test.exs:1724 "normalize: many_to_many assoc join with schema and wheres": the
   * join applies the comments' {@code where} and the join rows' {@code joinWhere} in its ON; the
   * association's query ({@code Ecto.assoc}) and a preload apply both too.
   */
  @Test
  void aManyToManyWhereAndJoinWhereFilterItsJoinsQueriesAndPreloads(Repo repo) {
    Alias<AwCommentStruct> c = Alias.of(AwComments.SCHEMA, "c");
    Query<AwCommentStruct> joined = AwPosts.query().join(AwPosts.CRAZY_COMMENTS, c).select(c);
    assertThat(joined.toSql().text()).endsWith("INNER JOIN \"aw_comment_posts\" AS a1 ON a1.\"post_id\" = a0.\"id\""
        + " INNER JOIN \"aw_comments\" AS a2 ON a2.\"id\" = a1.\"comment_id\" AND a2.\"text\" = ? AND a1.\"deleted\" = ?");
    assertThat(joined.toSql().values()).containsExactly("crazycomment", true);
    assertThat(ids(repo.all(joined))).containsExactly(crazyLinked.id());
    assertThat(ids(repo.all(AwPosts.CRAZY_COMMENTS.of(post)))).containsExactly(crazyLinked.id());
    AwPostStruct preloaded = repo.preload(post, AwPosts.CRAZY_COMMENTS);
    assertThat(ids(preloaded.crazyComments())).containsExactly(crazyLinked.id());
    AwPostStruct joinPreloaded = repo.one(AwPosts.query().leftJoin(AwPosts.CRAZY_COMMENTS, c)
        .preload(AwPosts.CRAZY_COMMENTS, c)).orElseThrow();
    assertThat(ids(joinPreloaded.crazyComments())).containsExactly(crazyLinked.id());
  }

  /**
   * Ports planner_test.exs:1747 "normalize: many_to_many assoc join without schema and wheres": a
   * {@code joinWhere} alone filters the join rows of joins, the association's query and preloads.
   * ecto4j asks for the join schema (a compile error otherwise), whose field types the value.
   */
  @Test
  void aJoinWhereAloneFiltersTheJoinRows(Repo repo) {
    Alias<AwCommentStruct> c = Alias.of(AwComments.SCHEMA, "c");
    Query<AwCommentStruct> joined = AwPosts.query().join(AwPosts.DELETED_LINKS, c).select(c);
    assertThat(joined.toSql().values()).containsExactly(true);
    assertThat(ids(repo.all(joined))).containsExactly(crazyLinked.id(), plainLinked.id());
    assertThat(ids(repo.all(AwPosts.DELETED_LINKS.of(post)))).containsExactly(crazyLinked.id(), plainLinked.id());
    assertThat(ids(repo.preload(post, AwPosts.DELETED_LINKS).deletedLinks()))
        .containsExactly(crazyLinked.id(), plainLinked.id());
    assertThat(ids(repo.preload(post, AwPosts.DELETED_LINKS.query(q -> q.orderBy(AwComments.ID.desc())))
        .deletedLinks())).containsExactly(crazyLinked.id(), plainLinked.id());
    assertThat(crazyLinkedLive.id()).isNotNull();
  }

  /**
   * Ports planner_test.exs:1691 "normalize: assoc join with wheres that have regular filters": a
   * many-to-many's and then a belongs-to's declared {@code where}, each bound as a parameter of
   * its join's ON; the belongs-to's also filters its preload and its association query.
   */
  @Test
  void aBelongsToWhereFiltersItsJoinAfterAManyToManyWhere(Repo repo) {
    Alias<AwCommentStruct> c = Alias.of(AwComments.SCHEMA, "c");
    Alias<AwPostStruct> p = Alias.of(AwPosts.SCHEMA, "p");
    Query<AwPostStruct> joined = AwPosts.query().join(AwPosts.CRAZY_COMMENTS, c).join(AwComments.CRAZY_POST, p)
        .select(p);
    assertThat(joined.toSql().values()).containsExactly("crazycomment", true, "crazypost");
    assertThat(repo.all(joined)).extracting(AwPostStruct::id).containsExactly(post.id());
    assertThat(((AwPostStruct) repo.preload(crazyLinked, AwComments.CRAZY_POST).crazyPost()).id())
        .isEqualTo(post.id());
    repo.updateAll(AwPosts.query(), io.ecto4j.query.Update.set(AwPosts.TITLE, "sane"));
    assertThat(repo.all(joined)).isEmpty();
    assertThat(repo.preload(crazyLinked, AwComments.CRAZY_POST).crazyPost()).isNull();
    assertThat(repo.all(AwComments.CRAZY_POST.of(crazyLinked))).isEmpty();
  }

  /**
   * Ports planner_test.exs:1724 "normalize: many_to_many assoc join with schema and wheres" as Ecto
   * declares the association, {@code where: [text: {:in, ["crazycomment1", "crazycomment2"]}]} and
   * {@code join_where: [deleted: true]}: the list is one array parameter of the join's ON and of
   * the association's query, before the join rows' value; a preload applies both.
   */
  @Test
  void aManyToManyInListAndJoinWhereFilterItsJoinQueryAndPreload(Repo repo) {
    AwCommentStruct listed = comment(repo, "crazycomment1", true);
    comment(repo, "crazycomment2", false);
    Alias<AwCommentStruct> c = Alias.of(AwComments.SCHEMA, "c");
    Query<AwCommentStruct> joined = AwPosts.query().join(AwPosts.CRAZY_COMMENTS_WITH_LIST, c).select(c);
    assertThat(joined.toSql().text()).endsWith("INNER JOIN \"aw_comments\" AS a2 ON a2.\"id\" = a1.\"comment_id\""
        + " AND a2.\"text\" = ANY(?) AND a1.\"deleted\" = ?");
    assertThat(joined.toSql().values()).containsExactly(List.of("crazycomment1", "crazycomment2"), true);
    assertThat(ids(repo.all(joined))).containsExactly(listed.id());
    Query<AwCommentStruct> assoc = AwPosts.CRAZY_COMMENTS_WITH_LIST.of(post);
    assertThat(assoc.toSql().values()).containsExactly(post.id(), true, List.of("crazycomment1", "crazycomment2"));
    assertThat(ids(repo.all(assoc))).containsExactly(listed.id());
    assertThat(ids(repo.preload(post, AwPosts.CRAZY_COMMENTS_WITH_LIST).crazyCommentsWithList()))
        .containsExactly(listed.id());
  }

  /**
   * Ports planner_test.exs:1704 "normalize: has_many assoc join with wheres" (a belongs_to,
   * {@code crazy_post_with_list}): {@code where: [title: {:in, [...]}]} is one array parameter in the
   * join's ON and in {@code Ecto.assoc}'s query after the key, and a parent whose title is not
   * listed is neither joined, queried nor preloaded.
   */
  @Test
  void aBelongsToInListFiltersItsJoinQueryAndPreload(Repo repo) {
    AwCommentStruct child = repo.insertOrThrow(new AwCommentStruct().withText("x").withCrazyPostWithListId(post.id()));
    Alias<AwPostStruct> p = Alias.of(AwPosts.SCHEMA, "p");
    Query<AwPostStruct> joined = AwComments.query().join(AwComments.CRAZY_POST_WITH_LIST, p).select(p);
    assertThat(joined.toSql().text()).endsWith("ON a1.\"id\" = a0.\"crazy_post_with_list_id\""
        + " AND a1.\"title\" = ANY(?)");
    assertThat(joined.toSql().values()).containsExactly(List.of("crazypost1", "crazypost2"));
    assertThat(AwComments.CRAZY_POST_WITH_LIST.of(child).toSql().values())
        .containsExactly(post.id(), List.of("crazypost1", "crazypost2"));
    assertThat(repo.all(joined)).isEmpty();
    assertThat(repo.preload(child, AwComments.CRAZY_POST_WITH_LIST).crazyPostWithList()).isNull();
    repo.updateAll(AwPosts.query(), io.ecto4j.query.Update.set(AwPosts.TITLE, "crazypost2"));
    assertThat(repo.all(joined)).extracting(AwPostStruct::id).containsExactly(post.id());
    assertThat(repo.all(AwComments.CRAZY_POST_WITH_LIST.of(child))).extracting(AwPostStruct::id)
        .containsExactly(post.id());
    assertThat(((AwPostStruct) repo.preload(child, AwComments.CRAZY_POST_WITH_LIST).crazyPostWithList()).id())
        .isEqualTo(post.id());
  }

  private static List<Long> ids(List<? extends AwComment> comments) {
    return comments.stream().map(comment -> ((AwCommentStruct) comment).id()).sorted().toList();
  }
}
