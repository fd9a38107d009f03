package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Categories;
import io.ecto4j.it.schemas.CategoryStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Cte;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Common table expressions, plain and recursive, and subqueries as sources. */
@EctoTest(sandbox = true)
class CteTest {
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
  void aCteReadLikeATable(Repo repo) {
    Cte<PostStruct> published = Cte.of("published_posts", Posts.query().where(Posts.PUBLISHED.eq(true)));
    Query<PostStruct> query = Query.from(published).where(Posts.VIEW_COUNT.gt(100));
    assertThat(repo.all(query)).containsExactly(blog.guide());
    assertThat(query.toSql().text()).startsWith("WITH \"published_posts\" AS (SELECT ");
    // joined under an alias, with the definition added by with(…)
    Alias<PostStruct> pub = Alias.of(published, "pub");
    Query<String> authors = Users.query().with(published).join(pub, pub.field(Posts.AUTHOR_ID).eq(Users.ID))
        .distinct().select(Users.NAME);
    assertThat(repo.all(authors)).containsExactly("Ada");
  }

  @Test
  void recursiveCteWalksATree(Repo repo) {
    CategoryStruct root = repo.insertOrThrow(new CategoryStruct().withName("root"));
    CategoryStruct lang = repo.insertOrThrow(new CategoryStruct().withName("languages").withParentId(root.id()));
    repo.insertOrThrow(new CategoryStruct().withName("java").withParentId(lang.id()));
    repo.insertOrThrow(new CategoryStruct().withName("elixir").withParentId(lang.id()));
    repo.insertOrThrow(new CategoryStruct().withName("elsewhere"));
    Cte<CategoryStruct> tree = Cte.recursive("tree", Categories.SCHEMA, self -> {
      Alias<CategoryStruct> parent = Alias.of(self, "parent");
      return Categories.query().where(Categories.ID.eq(root.id()))
          .unionAll(Categories.query().join(parent, Categories.PARENT_ID.eq(parent.field(Categories.ID))));
    });
    Query<String> names = Query.from(tree).orderBy(Categories.NAME.asc()).select(Categories.NAME);
    assertThat(repo.all(names)).containsExactly("elixir", "java", "languages", "root");
    assertThat(names.toSql().text()).startsWith("WITH RECURSIVE \"tree\" AS ((SELECT ");
  }

  @Test
  void subqueriesAsSources(Repo repo) {
    Query<PostStruct> popular = Posts.query().where(Posts.VIEW_COUNT.ge(40));
    assertThat(repo.all(Query.from(popular).orderBy(Posts.TITLE.asc()).select(Posts.TITLE)))
        .containsExactly("Ecto Guide", "Phoenix Tips");
    assertThat(repo.aggregate(Query.from(popular.select(Posts.AUTHOR_ID)).distinct(), Aggregate.count())).isEqualTo(2L);
  }
}
