package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Categories;
import io.ecto4j.it.schemas.CategoryStruct;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Condition;
import io.ecto4j.query.JoinType;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joins of every kind, on associations and on conditions, with aliases and self-joins. */
@EctoTest(sandbox = true)
class JoinTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute(Categories.DDL);
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  @Test
  void associationJoinsOfEveryKind(Repo repo) {
    // belongs_to: posts with their author's name
    Query<Tuple2<String, String>> byAuthor = Posts.query().join(Posts.AUTHOR).orderBy(Posts.ID.asc())
        .select(Posts.TITLE, Users.NAME);
    assertThat(repo.all(byAuthor)).containsExactly(new Tuple2<>("Hello World", "Ada"), new Tuple2<>("Ecto Guide", "Ada"),
        new Tuple2<>("Phoenix Tips", "Grace"));
    // has_many, from the other side: users and how many posts each wrote, left join keeps Linus
    Query<Tuple2<String, Long>> postsPerUser = Users.query().leftJoin(Users.POSTS).groupBy(Users.ID)
        .orderBy(Users.ID.asc()).select(Users.NAME, Aggregate.count(Posts.ID));
    assertThat(repo.all(postsPerUser)).containsExactly(new Tuple2<>("Ada", 2L), new Tuple2<>("Grace", 1L),
        new Tuple2<>("Linus", 0L));
    // many_to_many through posts_tags
    Query<Tuple2<String, String>> tagged = Posts.query().join(Posts.TAGS).orderBy(Posts.ID.asc(), Tags.NAME.asc())
        .select(Posts.TITLE, Tags.NAME);
    assertThat(repo.all(tagged)).containsExactly(new Tuple2<>("Hello World", "elixir"),
        new Tuple2<>("Ecto Guide", "elixir"), new Tuple2<>("Ecto Guide", "java"));
    Query<String> untagged = Posts.query().leftJoin(Posts.TAGS).where(Tags.ID.isNull()).orderBy(Posts.ID.asc())
        .select(Posts.TITLE);
    assertThat(repo.all(untagged)).containsExactly("Phoenix Tips", "Draft");
  }

  @Test
  void explicitJoinsInnerLeftRightFullCross(Repo repo) {
    Condition authorOf = Users.ID.eq(Posts.AUTHOR_ID);
    assertThat(repo.all(Posts.query().join(Users.SCHEMA, authorOf).select(Posts.TITLE))).hasSize(3);
    assertThat(repo.all(Posts.query().leftJoin(Users.SCHEMA, authorOf).select(Posts.TITLE))).hasSize(4);
    // right join: every user, with or without posts
    Query<String> users = Posts.query().join(JoinType.RIGHT, Users.SCHEMA, authorOf).where(Posts.ID.isNull())
        .select(Users.NAME);
    assertThat(repo.all(users)).containsExactly("Linus");
    // full join: the post without author and the user without posts
    Query<Tuple2<String, String>> full = Posts.query().join(JoinType.FULL, Users.SCHEMA, authorOf)
        .where(Posts.ID.isNull().or(Users.ID.isNull())).orderBy(Posts.TITLE.asc())
        .select(Posts.TITLE, Users.NAME);
    assertThat(repo.all(full)).containsExactly(new Tuple2<>("Draft", null), new Tuple2<>(null, "Linus"));
    assertThat(repo.aggregate(Posts.query().crossJoin(Users.SCHEMA), Aggregate.count())).isEqualTo(12L);
  }

  @Test
  void selfJoinThroughAliases(Repo repo) {
    Alias<PostStruct> other = Alias.of(Posts.SCHEMA, "other");
    Query<Tuple2<String, String>> sameAuthor = Posts.query()
        .join(other, other.field(Posts.AUTHOR_ID).eq(Posts.AUTHOR_ID).and(other.field(Posts.ID).ne(Posts.ID)))
        .orderBy(Posts.ID.asc())
        .select(Posts.TITLE, other.field(Posts.TITLE));
    assertThat(repo.all(sameAuthor)).containsExactly(new Tuple2<>("Hello World", "Ecto Guide"),
        new Tuple2<>("Ecto Guide", "Hello World"));
    assertThat(sameAuthor.toSql().text()).contains("FROM \"posts\" AS p0 INNER JOIN \"posts\" AS p1 ON");
  }

  @Test
  void selfReferencingAssociation(Repo repo) {
    CategoryStruct root = repo.insertOrThrow(new CategoryStruct().withName("root"));
    repo.insertOrThrow(new CategoryStruct().withName("child").withParentId(root.id()));
    Alias<CategoryStruct> parent = Alias.of(Categories.SCHEMA, "parent");
    Query<Tuple2<String, String>> pairs = Categories.query().leftJoin(Categories.PARENT, parent)
        .orderBy(Categories.ID.asc()).select(Categories.NAME, parent.field(Categories.NAME));
    assertThat(repo.all(pairs)).containsExactly(new Tuple2<>("root", null), new Tuple2<>("child", "root"));
  }

  @Test
  void joinedFieldsWorkInEveryClause(Repo repo) {
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    Query<Tuple2<String, Long>> query = Posts.query()
        .join(Posts.COMMENTS, c)
        .where(c.field(Comments.AUTHOR_NAME).eq("Grace"))
        .groupBy(Posts.TITLE, c.field(Comments.AUTHOR_NAME))
        .having(Aggregate.count(c.field(Comments.ID)).ge(2L))
        .orderBy(Aggregate.max(c.field(Comments.BODY)).desc())
        .select(Posts.TITLE, Aggregate.count(c.field(Comments.ID)));
    assertThat(repo.all(query)).containsExactly(new Tuple2<>("Ecto Guide", 12L), new Tuple2<>("Hello World", 2L));
    assertThat(repo.all(Posts.query().join(Posts.COMMENTS, c).distinctOn(Posts.ID).orderBy(c.field(Comments.ID).desc())
        .select(c.field(Comments.BODY)))).containsExactly("Nice post 5", "Thanks 12");
  }

  @Test
  void tablesWithoutSchemaAndSubqueriesJoinThroughAliases(Repo repo) {
    Alias<Void> pt = Alias.of("posts_tags", "pt");
    Query<Long> tagCounts = Posts.query().join(pt, pt.column("post_id", Types.LONG).eq(Posts.ID))
        .groupBy(Posts.ID).orderBy(Posts.ID.asc()).select(Aggregate.count());
    assertThat(repo.all(tagCounts)).containsExactly(1L, 2L);
    Alias<Long> busy = Alias.of(Comments.query().groupBy(Comments.POST_ID).having(Aggregate.count().gt(10L))
        .select(Comments.POST_ID), "busy");
    assertThat(repo.all(Posts.query().join(busy, busy.column("post_id", Types.LONG).eq(Posts.ID))))
        .containsExactly(blog.guide());
  }

  @Test
  void lateralJoins(Repo repo) {
    // the newest comment of each post, from a subquery that refers to the post (LATERAL)
    Alias<CommentStruct> newest = Alias.of(Comments.query().where(Comments.POST_ID.eq(Posts.ID))
        .orderBy(Comments.ID.desc()).limit(1), "newest");
    Query<Tuple2<String, String>> query = Posts.query()
        .join(JoinType.LEFT_LATERAL, newest, Condition.TRUE)
        .orderBy(Posts.ID.asc())
        .select(Posts.TITLE, newest.field(Comments.BODY));
    assertThat(repo.all(query)).containsExactly(new Tuple2<>("Hello World", "Nice post 5"),
        new Tuple2<>("Ecto Guide", "Thanks 12"), new Tuple2<>("Phoenix Tips", null), new Tuple2<>("Draft", null));
    assertThat(repo.all(Posts.query().join(JoinType.INNER_LATERAL, newest, Condition.TRUE))).hasSize(2);
    assertThat(repo.all(Posts.query().join(JoinType.CROSS_LATERAL, newest, null))).hasSize(2);
  }

  @Test
  void misuseIsExplained(Repo repo) {
    Alias<UserStruct> u = Alias.of(Users.SCHEMA, "u");
    assertThatThrownBy(() -> repo.all(Posts.query().where(u.field(Users.NAME).eq("Ada"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alias u (\"users\") is not joined in this query");
    assertThatThrownBy(() -> repo.all(Posts.query().where(Tags.NAME.eq("java"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tag.name belongs to \"tags\", which this query does not select from or join");
    assertThatThrownBy(() -> Posts.query().join(Users.SCHEMA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an ON condition");
    Alias<TagStruct> t = Alias.of(Tags.SCHEMA, "t");
    assertThatThrownBy(() -> Posts.query().join(Posts.TAGS, t).join(Posts.TAGS, t))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias t is already bound");
    assertThat(List.of(Posts.query().join(Posts.COMMENTS).toString()))
        .containsExactly("#Query<from p0 in \"posts\", join: c1 in assoc(Posts.COMMENTS)>");
  }
}
