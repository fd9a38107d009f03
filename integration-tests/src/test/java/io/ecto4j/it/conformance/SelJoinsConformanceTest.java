package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.SelComment;
import io.ecto4j.it.schemas.SelCommentStruct;
import io.ecto4j.it.schemas.SelComments;
import io.ecto4j.it.schemas.SelPermalinkStruct;
import io.ecto4j.it.schemas.SelPermalinks;
import io.ecto4j.it.schemas.SelPostStruct;
import io.ecto4j.it.schemas.SelPosts;
import io.ecto4j.it.schemas.SelSchema;
import io.ecto4j.it.schemas.SelUser;
import io.ecto4j.it.schemas.SelUserStruct;
import io.ecto4j.it.schemas.SelUsers;
import io.ecto4j.query.Alias;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.query.JoinType;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Association joins of every kind — has_one, through (nested, through-through, through a
 * many_to_many), many_to_many — with and without a condition of their own, selected and
 * join-preloaded, as Ecto's integration joins.exs runs them (issue #18).
 */
@EctoTest(sandbox = true)
class SelJoinsConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SelSchema.create(db);
  }

  private static SelPostStruct post(Repo repo, String title) {
    return repo.insertOrThrow(new SelPostStruct().withTitle(title));
  }

  private static SelUserStruct user(Repo repo, String name) {
    return repo.insertOrThrow(new SelUserStruct().withName(name));
  }

  private static SelCommentStruct comment(Repo repo, String text, SelPostStruct post, SelUserStruct author) {
    return repo.insertOrThrow(new SelCommentStruct().withText(text).withPostId(post == null ? null : post.id())
        .withAuthorId(author == null ? null : author.id()));
  }

  private static void member(Repo repo, SelPostStruct post, SelUserStruct user) {
    repo.query("INSERT INTO sel_posts_users (post_id, user_id) VALUES (?, ?)", List.of(post.id(), user.id()), r -> null);
  }

  private static List<Long> ids(List<?> structs) {
    return structs.stream().map(s -> s instanceof SelUser u ? u.id() : ((SelComment) s).id()).toList();
  }

  /** Ports ecto integration_test/cases/joins.exs "joins" (the association join with an extra `on:`). */
  @Test
  void anAssociationJoinWithAConditionOfItsOwnSelectsBothStructs(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelCommentStruct c1 = comment(repo, "hey", p1, null);
    comment(repo, "heya", p2, null);
    Alias<SelPostStruct> p = Alias.of(SelPosts.SCHEMA, "p");
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    List<Tuple2<SelPostStruct, SelCommentStruct>> rows = repo.all(Query.from(p)
        .join(SelPosts.COMMENTS, c, c.field(SelComments.TEXT).eq("hey")).select(p, c));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).first().id()).isEqualTo(p1.id());
    assertThat(rows.get(0).second()).isEqualTo(c1);
  }

  /** Ports ecto integration_test/cases/joins.exs "left join with missing entries from subquery". */
  @Test
  void aLeftJoinedSubqueryWithNoRowIsNull(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelPermalinkStruct l1 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("1").withPostId(p2.id()));
    Alias<SelPostStruct> p = Alias.of(SelPosts.SCHEMA, "p");
    Alias<SelPermalinkStruct> l = Alias.of(SelPermalinks.query(), "l");
    List<Tuple2<SelPostStruct, SelPermalinkStruct>> rows = repo.all(Query.from(p)
        .leftJoin(l, l.field(SelPermalinks.POST_ID).eq(p.field(SelPosts.ID))).orderBy(p.field(SelPosts.ID).asc())
        .select(p, l));
    assertThat(rows).extracting(r -> r.first().id()).containsExactly(p1.id(), p2.id());
    assertThat(rows.get(0).second()).isNull();
    assertThat(rows.get(1).second()).isEqualTo(l1);
  }

  /** Ports ecto integration_test/cases/joins.exs "has_one association join". */
  @Test
  void aHasOneAssociationJoin(Repo repo) {
    SelPostStruct post1 = post(repo, "1");
    SelPostStruct post2 = post(repo, "1");
    SelUserStruct user = user(repo, "u");
    SelPermalinkStruct l1 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("hey").withUserId(user.id())
        .withPostId(post1.id()));
    SelPermalinkStruct l2 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("heya").withUserId(user.id())
        .withPostId(post2.id()));
    Alias<SelUserStruct> u = Alias.of(SelUsers.SCHEMA, "u");
    Alias<SelPermalinkStruct> l = Alias.of(SelPermalinks.SCHEMA, "l");
    List<Tuple2<SelUserStruct, SelPermalinkStruct>> rows = repo.all(Query.from(u).join(SelUsers.PERMALINK, l)
        .orderBy(l.field(SelPermalinks.ID).asc()).select(u, l));
    assertThat(rows).extracting(Tuple2::second).containsExactly(l1, l2);
    assertThat(rows).extracting(r -> r.first().id()).containsExactly(user.id(), user.id());
  }

  /** Ports ecto integration_test/cases/joins.exs "has_many through association join". */
  @Test
  void aHasManyThroughAssociationJoin(Repo repo) {
    SelPostStruct p1 = post(repo, null);
    SelPostStruct p2 = post(repo, null);
    SelUserStruct u1 = user(repo, "zzz");
    SelUserStruct u2 = user(repo, "aaa");
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u2);
    comment(repo, null, p2, u2);
    Alias<SelPostStruct> p = Alias.of(SelPosts.SCHEMA, "p");
    Alias<SelUserStruct> a = Alias.of(SelUsers.SCHEMA, "a");
    List<Tuple2<SelPostStruct, SelUserStruct>> rows = repo.all(Query.from(p).join(SelPosts.COMMENTS_AUTHORS, a)
        .orderBy(p.field(SelPosts.ID).asc(), a.field(SelUsers.NAME).asc()).select(p, a));
    assertThat(rows).extracting(r -> r.first().id()).containsExactly(p1.id(), p1.id(), p1.id(), p2.id());
    assertThat(rows).extracting(r -> r.second().id()).containsExactly(u2.id(), u1.id(), u1.id(), u2.id());
  }

  /**
   * Ports ecto integration_test/cases/joins.exs "has_many through nested association joins": two
   * levels of join-preloads, then the comments' authors preloaded under them by a separate query
   * (Ecto's {@code comments: {post_comments, :author}}).
   */
  @Test
  void nestedAssociationJoinsPreloadTwoLevels(Repo repo) {
    SelUserStruct u1 = user(repo, "Alice");
    SelUserStruct u2 = user(repo, "John");
    SelPostStruct p1 = repo.insertOrThrow(new SelPostStruct().withTitle("p1").withAuthorId(u1.id()));
    SelPostStruct p2 = repo.insertOrThrow(new SelPostStruct().withTitle("p2").withAuthorId(u1.id()));
    comment(repo, "c1", p1, u1);
    comment(repo, "c2", p1, u2);
    comment(repo, "c3", p2, u2);
    comment(repo, "c4", p2, null);
    comment(repo, "c5", p2, u1);
    Alias<SelPostStruct> posts = Alias.of(SelPosts.SCHEMA, "posts");
    Alias<SelCommentStruct> comments = Alias.of(SelComments.SCHEMA, "comments");
    Alias<SelCommentStruct> postComments = Alias.of(SelComments.SCHEMA, "post_comments");
    SelUserStruct user = repo.oneOrThrow(SelUsers.query()
        .leftJoin(SelUsers.POSTS, posts).leftJoin(SelUsers.COMMENTS, comments)
        .leftJoin(SelPosts.COMMENTS, postComments, postComments.field(SelComments.POST_ID).eq(posts.field(SelPosts.ID)))
        .where(SelUsers.ID.eq(u1.id()))
        .preload(SelUsers.COMMENTS, comments)
        .preload(SelUsers.POSTS, posts, JoinPreload.of(SelPosts.COMMENTS, postComments)));
    assertThat(user.comments()).extracting(c -> ((SelComment) c).text()).containsExactlyInAnyOrder("c1", "c5");
    List<SelPostStruct> loaded = user.posts().stream().map(SelPostStruct.class::cast)
        .sorted(Comparator.comparing(SelPostStruct::title)).toList();
    assertThat(loaded).extracting(SelPostStruct::title).containsExactly("p1", "p2");
    List<SelPostStruct> withAuthors = repo.preload(loaded, SelPosts.COMMENTS.then(SelComments.AUTHOR));
    assertThat(texts(withAuthors.get(0))).containsExactly("c1:Alice", "c2:John");
    assertThat(texts(withAuthors.get(1))).containsExactly("c3:John", "c4:null", "c5:Alice");
  }

  private static List<String> texts(SelPostStruct post) {
    return post.comments().stream().map(SelCommentStruct.class::cast).sorted(Comparator.comparing(SelCommentStruct::text))
        .map(c -> c.text() + ":" + (c.author() == null ? null : c.author().name())).toList();
  }

  /** Ports ecto integration_test/cases/joins.exs "has_many assoc selector" (with and without an extra `on:`). */
  @Test
  void aHasManyJoinPreloadHonoursTheExtraCondition(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelCommentStruct c1 = comment(repo, "1", p1, null);
    comment(repo, "2", p1, null);
    SelCommentStruct c3 = comment(repo, "3", p2, null);
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    List<SelPostStruct> posts = repo.all(SelPosts.query()
        .leftJoin(SelPosts.COMMENTS, c, c.field(SelComments.TEXT).eq(SelPosts.TITLE).or(c.field(SelComments.TEXT).eq("3")))
        .orderBy(SelPosts.ID.asc()).preload(SelPosts.COMMENTS, c));
    assertThat(ids(posts.get(0).comments())).containsExactly(c1.id());
    assertThat(ids(posts.get(1).comments())).containsExactly(c3.id());
  }

  /** Ports ecto integration_test/cases/joins.exs "many_to_many assoc selector". */
  @Test
  void aManyToManyJoinPreloadWithAndWithoutACondition(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    post(repo, "3");
    SelUserStruct u1 = user(repo, "1");
    SelUserStruct u2 = user(repo, "2");
    member(repo, p1, u1);
    member(repo, p1, u2);
    member(repo, p2, u2);
    Alias<SelUserStruct> u = Alias.of(SelUsers.SCHEMA, "u");
    List<SelPostStruct> all = repo.all(SelPosts.query().leftJoin(SelPosts.USERS, u)
        .orderBy(SelPosts.ID.asc(), u.field(SelUsers.NAME).asc()).preload(SelPosts.USERS, u));
    assertThat(all).extracting(p -> ids(p.users())).containsExactly(List.of(u1.id(), u2.id()), List.of(u2.id()), List.of());
    List<SelPostStruct> named = repo.all(SelPosts.query().leftJoin(SelPosts.USERS, u, SelPosts.TITLE.eq(u.field(SelUsers.NAME)))
        .orderBy(SelPosts.ID.asc()).preload(SelPosts.USERS, u));
    assertThat(named).extracting(p -> ids(p.users())).containsExactly(List.of(u1.id()), List.of(u2.id()), List.of());
  }

  /** Ports ecto integration_test/cases/joins.exs "has_many through assoc selector" (with and without `on:`). */
  @Test
  void aThroughJoinPreloadGathersTheEndsOfThePath(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelUserStruct u1 = user(repo, "1");
    SelUserStruct u2 = user(repo, "2");
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u2);
    comment(repo, null, p2, u2);
    Alias<SelUserStruct> ca = Alias.of(SelUsers.SCHEMA, "ca");
    List<SelPostStruct> posts = repo.all(SelPosts.query().leftJoin(SelPosts.COMMENTS_AUTHORS, ca)
        .orderBy(SelPosts.ID.asc(), ca.field(SelUsers.ID).asc()).preload(SelPosts.COMMENTS_AUTHORS, ca));
    assertThat(posts).extracting(p -> ids(p.commentsAuthors())).containsExactly(List.of(u1.id(), u2.id()), List.of(u2.id()));
    List<SelPostStruct> named = repo.all(SelPosts.query()
        .leftJoin(SelPosts.COMMENTS_AUTHORS, ca, ca.field(SelUsers.NAME).eq(SelPosts.TITLE))
        .orderBy(SelPosts.ID.asc()).preload(SelPosts.COMMENTS_AUTHORS, ca));
    assertThat(named).extracting(p -> ids(p.commentsAuthors())).containsExactly(List.of(u1.id()), List.of(u2.id()));
  }

  /** Ports ecto integration_test/cases/joins.exs "has_many through-through assoc selector". */
  @Test
  void aThroughThroughJoinPreload(Repo repo) {
    SelPostStruct p1 = post(repo, null);
    SelPostStruct p2 = post(repo, null);
    repo.insertOrThrow(new SelPermalinkStruct().withPostId(p1.id()).withUrl("1"));
    repo.insertOrThrow(new SelPermalinkStruct().withPostId(p2.id()).withUrl("2"));
    SelUserStruct u1 = user(repo, null);
    SelUserStruct u2 = user(repo, null);
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u2);
    comment(repo, null, p2, u2);
    Alias<SelUserStruct> ca = Alias.of(SelUsers.SCHEMA, "ca");
    List<SelPermalinkStruct> links = repo.all(SelPermalinks.query().leftJoin(SelPermalinks.POST_COMMENTS_AUTHORS, ca)
        .orderBy(ca.field(SelUsers.ID).asc()).preload(SelPermalinks.POST_COMMENTS_AUTHORS, ca));
    assertThat(links).hasSize(2);
    SelPermalinkStruct l1 = links.stream().filter(l -> "1".equals(l.url())).findFirst().orElseThrow();
    SelPermalinkStruct l2 = links.stream().filter(l -> "2".equals(l.url())).findFirst().orElseThrow();
    assertThat(ids(l1.postCommentsAuthors())).containsExactly(u1.id(), u2.id());
    assertThat(ids(l2.postCommentsAuthors())).containsExactly(u2.id());
  }

  /** Ports ecto integration_test/cases/preload.exs "preload has_many through many_to_many", joined. */
  @Test
  void aThroughJoinAcrossAManyToMany(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelUserStruct u1 = user(repo, "1");
    SelUserStruct u2 = user(repo, "2");
    member(repo, p1, u1);
    member(repo, p1, u2);
    member(repo, p2, u2);
    SelCommentStruct c1 = comment(repo, "a", null, u1);
    SelCommentStruct c2 = comment(repo, "b", null, u2);
    Alias<SelCommentStruct> uc = Alias.of(SelComments.SCHEMA, "uc");
    List<SelPostStruct> posts = repo.all(SelPosts.query().leftJoin(SelPosts.USERS_COMMENTS, uc)
        .orderBy(SelPosts.ID.asc(), uc.field(SelComments.ID).asc()).preload(SelPosts.USERS_COMMENTS, uc));
    assertThat(posts).extracting(p -> ids(p.usersComments())).containsExactly(List.of(c1.id(), c2.id()), List.of(c2.id()));
  }

  /**
   * Ports ecto integration_test/cases/joins.exs "nested assoc with sibling preload": a join-preload
   * beside a separate-query preload, the where on the joined alias filtering the children.
   */
  @Test
  void aJoinPreloadBesideASeparatePreload(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    SelPermalinkStruct l1 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("1").withPostId(p2.id()));
    SelCommentStruct c1 = comment(repo, "1", p1, null);
    SelCommentStruct c2 = comment(repo, "2", p2, null);
    comment(repo, "3", p2, null);
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    List<SelPostStruct> posts = repo.all(SelPosts.query().leftJoin(SelPosts.COMMENTS, c)
        .where(c.field(SelComments.TEXT).in(List.of("1", "2"))).orderBy(SelPosts.ID.asc())
        .preload(SelPosts.PERMALINK).preload(SelPosts.COMMENTS, c));
    assertThat(posts).extracting(SelPostStruct::id).containsExactly(p1.id(), p2.id());
    assertThat(posts.get(0).permalink()).isNull();
    assertThat(((SelPermalinkStruct) posts.get(1).permalink()).id()).isEqualTo(l1.id());
    assertThat(ids(posts.get(0).comments())).containsExactly(c1.id());
    assertThat(ids(posts.get(1).comments())).containsExactly(c2.id());
  }

  /**
   * Ports ecto integration_test/cases/joins.exs "mixing regular join and assoc selector": ecto4j
   * refuses preloads on a query selecting a tuple (a join-preload fills the structs of the
   * query's own rows); select the structs with their preloads, then pair them (docs/ecto-differences.md).
   */
  @Test
  void aPreloadingQueryCannotSelectATuple(Repo repo) {
    Alias<SelPostStruct> p = Alias.of(SelPosts.SCHEMA, "p");
    Alias<SelPermalinkStruct> pl = Alias.of(SelPermalinks.SCHEMA, "pl");
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    Query<SelPostStruct> preloading = Query.from(p).join(SelPosts.PERMALINK, pl).join(SelPosts.COMMENTS, c)
        .preload(SelPosts.PERMALINK, pl);
    assertThatThrownBy(() -> preloading.select(p, c))
        .hasMessageContaining("needs the query to select structs, whole or with selectFields(…)");
  }

  /** Ports ecto integration_test/cases/joins.exs "right joins with missing entries" (the root missing). */
  @Test
  void aRightJoinWithoutItsRootGivesAStructOfDefaults(Repo repo) {
    SelPostStruct p1 = post(repo, "1");
    SelPostStruct p2 = post(repo, "2");
    comment(repo, "1", p1, null);
    comment(repo, "2", p2, null);
    comment(repo, "3", null, null);
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    List<SelPostStruct> posts = repo.all(SelPosts.query().join(JoinType.RIGHT, SelPosts.COMMENTS, c)
        .orderBy(c.field(SelComments.ID).asc()).preload(SelPosts.PERMALINK));
    assertThat(posts).extracting(SelPostStruct::id).containsExactly(p1.id(), p2.id(), null);
  }
}
