package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema prefixes, Ecto's {@code prefix}: a query or a whole repo running in a second PostgreSQL
 * schema, {@code tenant_a}, whose tables have the same names as those in {@code public}.
 */
@EctoTest(sandbox = true)
class PrefixTest {
  private BlogData publicBlog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE SCHEMA tenant_a; BEGIN; SET LOCAL search_path TO tenant_a; "
        + String.join("; ", Users.DDL, Tags.DDL, Posts.DDL, Comments.DDL, Posts.JOIN_TABLES_DDL) + "; COMMIT");
    db.execute("INSERT INTO tenant_a.users (name, email, inserted_at, updated_at)"
        + " VALUES ('Tenant', 'tenant@example.com', now(), now())");
  }

  @BeforeEach
  void seed(Repo repo) {
    publicBlog = BlogData.seed(repo);
  }

  @Test
  void aQueryPrefixQualifiesEveryTableOfIt(Repo repo) {
    Query<String> tenantUsers = Users.query().prefix("tenant_a").select(Users.NAME);
    assertThat(tenantUsers.toSql().text()).isEqualTo("SELECT u0.\"name\" FROM \"tenant_a\".\"users\" AS u0");
    assertThat(repo.all(tenantUsers)).containsExactly("Tenant");
    Query<String> joined = Posts.query().join(Posts.TAGS).join(Posts.AUTHOR)
        .where(Posts.ID.in(Comments.query().select(Comments.POST_ID))).select(Posts.TITLE).prefix("tenant_a");
    assertThat(joined.toSql().text()).contains("FROM \"tenant_a\".\"posts\" AS p0",
        "INNER JOIN \"tenant_a\".\"posts_tags\" AS p1", "INNER JOIN \"tenant_a\".\"tags\" AS t2",
        "INNER JOIN \"tenant_a\".\"users\" AS u3", "FROM \"tenant_a\".\"comments\" AS c4");
    assertThat(repo.all(joined)).isEmpty();
    // a subquery with a prefix of its own keeps it
    Query<Long> publicIds = Posts.query().prefix("public").select(Posts.ID);
    assertThat(repo.all(Posts.query().prefix("tenant_a").where(Posts.ID.in(publicIds)))).isEmpty();
    assertThat(repo.all(Posts.query().where(Posts.ID.in(publicIds)))).hasSize(4);
  }

  @Test
  void aRepoPrefixAppliesToQueriesAndToTheGeneratedWrites(Repo repo) {
    Repo tenant = repo.withPrefix("tenant_a");
    assertThat(tenant.prefix()).contains("tenant_a");
    assertThat(tenant.toSql(Users.query()).text()).contains("FROM \"tenant_a\".\"users\" AS u0");
    assertThat(tenant.all(Users.query()).stream().map(UserStruct::name)).containsExactly("Tenant");

    // the schemas' compile-time INSERT/GET/UPDATE/DELETE statements, qualified for the repo
    UserStruct bob = tenant.insertOrThrow(new UserStruct().withName("Bob").withEmail("bob@example.com"));
    PostStruct post = tenant.insertOrThrow(new PostStruct().withTitle("Tenant post").withAuthorId(bob.id()));
    assertThat(tenant.getOrThrow(Users.SCHEMA, bob.id())).isEqualTo(bob);
    assertThat(tenant.getBy(Users.EMAIL, "bob@example.com")).contains(bob);
    PostStruct renamed = tenant.updateOrThrow(Changeset.change(post).putChange(Posts.TITLE, "Renamed"));
    assertThat(tenant.reloadOrThrow(post).title()).isEqualTo("Renamed");
    assertThat(repo.getBy(Users.EMAIL, "bob@example.com")).isEmpty();
    assertThat(repo.all(Posts.query().where(Posts.TITLE.eq("Renamed")))).isEmpty();

    // the query tools and bulk operations too
    assertThat(tenant.aggregate(Posts.query(), Aggregate.count())).isEqualTo(1L);
    assertThat(tenant.exists(Posts.query().where(Posts.TITLE.eq("Renamed")))).isTrue();
    assertThat(tenant.updateAll(Posts.query(), Update.inc(Posts.VIEW_COUNT, 3))).isEqualTo(1);
    assertThat(tenant.insertAll(Posts.SCHEMA, List.of(new PostStruct().withTitle("Bulk")),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.nothing())))
        .isEqualTo(1);
    long streamed = tenant.stream(Posts.query(), posts -> posts.count());
    assertThat(streamed).isEqualTo(2L);
    assertThat(tenant.explain(Posts.query(), false)).contains("Seq Scan on posts");
    assertThat(tenant.deleteAll(Posts.query().where(Posts.TITLE.eq("Bulk")))).isEqualTo(1);
    tenant.deleteOrThrow(renamed.withViewCount(3));
    assertThat(tenant.all(Posts.query())).isEmpty();
    assertThat(repo.aggregate(Posts.query(), Aggregate.count())).isEqualTo(4L);

    // a query's own prefix wins over the repo's
    assertThat(tenant.all(Posts.query().prefix("public")).size()).isEqualTo(4);
    assertThat(publicBlog.hello().title()).isEqualTo("Hello World");
  }

  @Test
  void aRepoBuiltWithAPrefix(TestDatabase db) {
    try (Repo tenant = Repo.builder().url(db.jdbcUrl()).username(db.user()).password(db.password())
        .maximumPoolSize(1).prefix("tenant_a").build()) {
      assertThat(tenant.getBy(Users.EMAIL, "tenant@example.com")).map(UserStruct::name).contains("Tenant");
      assertThat(tenant.withPrefix(null).getBy(Users.EMAIL, "tenant@example.com")).isEmpty();
    }
  }
}
