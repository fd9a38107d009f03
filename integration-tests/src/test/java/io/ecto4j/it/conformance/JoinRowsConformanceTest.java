package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.it.schemas.JrArticle;
import io.ecto4j.it.schemas.JrArticleStruct;
import io.ecto4j.it.schemas.JrArticles;
import io.ecto4j.it.schemas.JrCustom;
import io.ecto4j.it.schemas.JrCustomStruct;
import io.ecto4j.it.schemas.JrCustoms;
import io.ecto4j.it.schemas.JrPost;
import io.ecto4j.it.schemas.JrPostStruct;
import io.ecto4j.it.schemas.JrPostUserStruct;
import io.ecto4j.it.schemas.JrPostUsers;
import io.ecto4j.it.schemas.JrPosts;
import io.ecto4j.it.schemas.JrUserStruct;
import io.ecto4j.it.schemas.JrUsers;
import io.ecto4j.it.schemas.JrWriterStruct;
import io.ecto4j.it.schemas.JrWriters;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports the join-row tests of Ecto's assoc.exs and repo.exs (issues #16 and #18): a many_to_many
 * through a join schema writes each join row as a struct of that schema (its timestamps and
 * defaults), a join row's unique violation lands on the child that caused it, {@code unique: true}
 * refuses a child given twice, a self-referencing many_to_many with UUID keys, and replaced children
 * deleted before their replacements are written.
 */
@EctoTest(sandbox = true)
class JoinRowsConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(JrPosts.DDL);
    db.execute(JrUsers.DDL);
    db.execute(JrPostUsers.DDL);
    db.execute(JrPosts.JOIN_TABLES_DDL);
    // Ecto's posts_users_composite_pk has its composite key; here a unique index over the two keys.
    db.execute("CREATE UNIQUE INDEX jr_post_users_post_id_user_id_index ON jr_post_users (post_id, user_id)");
    db.execute(JrCustoms.DDL);
    db.execute(JrCustoms.JOIN_TABLES_DDL);
    db.execute(JrWriters.DDL);
    db.execute(JrArticles.DDL);
    db.execute("CREATE UNIQUE INDEX jr_articles_uuid_index ON jr_articles (uuid)");
  }

  private static List<JrPostUserStruct> joinRows(Repo repo) {
    return repo.all(JrPostUsers.query()).stream().sorted(Comparator.comparing(JrPostUserStruct::insertedAt)).toList();
  }

  /** Ports assoc.exs "many_to_many changeset assoc with schema". */
  @Test
  void manyToManyThroughAJoinSchemaWritesTheJoinSchemasRows(Repo repo) {
    JrPostStruct p1 = repo.insertOrThrow(new JrPostStruct().withTitle("1"));
    JrPostStruct p2 = new JrPostStruct().withTitle("2");

    JrUserStruct written = repo.insertOrThrow(Changeset.change(new JrUserStruct().withName("1"))
        .putAssoc(JrUsers.POSTS, List.of(p2)));
    JrPostStruct inserted = JrUsers.POSTS.structs(written).get(0);
    assertThat(inserted.id()).isNotNull();
    JrUserStruct user = repo.preload(repo.getOrThrow(JrUsers.SCHEMA, written.id()), JrUsers.POSTS);
    assertThat(user.posts()).extracting(JrPost::title).containsExactly("2");
    assertThat(joinRows(repo)).singleElement().satisfies(row -> {
      assertThat(row.postId()).isEqualTo(inserted.id());
      assertThat(row.userId()).isEqualTo(user.id());
      assertThat(row.insertedAt()).isNotNull();
      assertThat(row.updatedAt()).isNotNull();
      assertThat(row.role()).isEqualTo("member");
    });

    JrUserStruct updated = repo.updateOrThrow(Changeset.change(user).putAssoc(JrUsers.POSTS,
        List.of(Changeset.change(p1).putChange(JrPosts.TITLE, "11"),
            Changeset.change(JrUsers.POSTS.structs(user).get(0)).putChange(JrPosts.TITLE, "22"))));
    assertThat(updated.posts()).hasSize(2);
    JrUserStruct reloaded = repo.preload(repo.getOrThrow(JrUsers.SCHEMA, user.id()), JrUsers.POSTS);
    assertThat(reloaded.posts()).extracting(JrPost::title).containsExactlyInAnyOrder("11", "22");
    List<JrPostUserStruct> rows = joinRows(repo);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).satisfies(row -> {
      assertThat(row.postId()).isEqualTo(p1.id());
      assertThat(row.userId()).isEqualTo(user.id());
      assertThat(row.insertedAt()).isNotNull();
      assertThat(row.updatedAt()).isNotNull();
    });
  }

  /** Ports repo.exs "unique pseudo-constraint violation error message with join table at the repository". */
  @Test
  void uniqueManyToManyRefusesTheSameChildTwice(Repo repo) {
    JrPostStruct post = repo.preload(repo.insertOrThrow(new JrPostStruct().withTitle("some post")), JrPosts.UNIQUE_USERS);
    JrUserStruct user = repo.insertOrThrow(new JrUserStruct().withName("some user"));

    Result<JrPostStruct, Changeset<JrPostStruct>> result = repo.update(Changeset.change(post)
        .putAssoc(JrPosts.UNIQUE_USERS, List.of(user, user)));

    Changeset<JrPostStruct> changeset = ((Result.Err<JrPostStruct, Changeset<JrPostStruct>>) result).error();
    assertThat(changeset.traverseErrors(error -> error.message()))
        .isEqualTo(Map.of("uniqueUsers", List.of(Map.of(), Map.of("id", List.of("has already been taken")))));
    assertThat(changeset.isValid()).isFalse();
    assertThat(repo.aggregate(Query.from("jr_posts_unique_users"), Aggregate.count())).isZero();
  }

  private static Changeset<JrPostStruct> assigningUsers(JrPostStruct post, List<JrUserStruct> users) {
    return Changeset.change(post).putAssoc(JrPosts.USERS, users)
        .uniqueConstraint(JrPosts.ID, Constraint.name("jr_post_users_post_id_user_id_index"),
            Constraint.errorKey("user"), Constraint.message("has already been assigned"));
  }

  /** Ports repo.exs "unique constraint violation error message with join table in single changeset". */
  @Test
  void aJoinRowsUniqueViolationInOneChangesetIsTheSecondChildsError(Repo repo) {
    JrPostStruct post = repo.preload(repo.insertOrThrow(new JrPostStruct().withTitle("some post")), JrPosts.USERS);
    JrUserStruct user = repo.insertOrThrow(new JrUserStruct().withName("some user"));

    Result<JrPostStruct, Changeset<JrPostStruct>> result = repo.update(assigningUsers(post, List.of(user, user)));

    Changeset<JrPostStruct> changeset = ((Result.Err<JrPostStruct, Changeset<JrPostStruct>>) result).error();
    assertThat(changeset.traverseErrors(error -> error.message()))
        .isEqualTo(Map.of("users", List.of(Map.of(), Map.of("user", List.of("has already been assigned")))));
    assertThat(changeset.isValid()).isFalse();
    assertThat(joinRows(repo)).isEmpty(); // the first join row rolled back with the rest
  }

  /** Ports repo.exs "unique constraint violation error message with join table and separate changesets". */
  @Test
  void aJoinRowsUniqueViolationAcrossChangesetsIsTheChildsError(Repo repo) {
    JrPostStruct post = repo.preload(repo.insertOrThrow(new JrPostStruct().withTitle("some post")), JrPosts.USERS);
    JrUserStruct user = repo.insertOrThrow(new JrUserStruct().withName("some user"));
    assertThat(repo.update(assigningUsers(post, List.of(user))).isOk()).isTrue();

    Result<JrPostStruct, Changeset<JrPostStruct>> result = repo.update(assigningUsers(post, List.of(user)));

    Changeset<JrPostStruct> changeset = ((Result.Err<JrPostStruct, Changeset<JrPostStruct>>) result).error();
    assertThat(changeset.traverseErrors(error -> error.message()))
        .isEqualTo(Map.of("users", List.of(Map.of("user", List.of("has already been assigned")))));
    assertThat(changeset.isValid()).isFalse();
    assertThat(joinRows(repo)).hasSize(1);
  }

  /** A join row's violation the owner did not declare is Ecto's ConstraintError. */
  @Test
  void anUndeclaredJoinRowViolationThrows(Repo repo) {
    JrPostStruct post = repo.preload(repo.insertOrThrow(new JrPostStruct().withTitle("some post")), JrPosts.USERS);
    JrUserStruct user = repo.insertOrThrow(new JrUserStruct().withName("some user"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.update(Changeset.change(post)
            .putAssoc(JrPosts.USERS, List.of(user, user))))
        .isInstanceOf(ConstraintException.class).hasMessageContaining("jr_post_users_post_id_user_id_index");
  }

  /** Ports assoc.exs "many_to_many changeset assoc with self-referential binary_id". */
  @Test
  void selfReferencingManyToManyWithUuidKeys(Repo repo) {
    JrCustomStruct assocCustom = repo.insertOrThrow(new JrCustomStruct().withUuid(UUID.randomUUID()));
    JrCustomStruct custom = repo.insertOrThrow(Changeset.change(new JrCustomStruct())
        .putAssoc(JrCustoms.CUSTOMS, List.of(assocCustom)));

    custom = repo.preload(repo.getOrThrow(JrCustoms.SCHEMA, custom.bid()), JrCustoms.CUSTOMS);
    assertThat(custom.customs()).extracting(c -> ((JrCustomStruct) c).bid()).containsExactly(assocCustom.bid());

    JrCustomStruct emptied = repo.updateOrThrow(Changeset.change(custom)
        .putAssoc(JrCustoms.CUSTOMS, List.of(), AssocOption.onReplace(OnReplace.DELETE)));
    assertThat(emptied.customs()).isEmpty();
    assertThat(repo.preload(repo.getOrThrow(JrCustoms.SCHEMA, custom.bid()), JrCustoms.CUSTOMS).customs()).isEmpty();
    assertThat(repo.getOrThrow(JrCustoms.SCHEMA, assocCustom.bid())).isNotNull(); // only the join row went
  }

  /** Ports assoc.exs "has_many changeset assoc with constraints": the replaced rows go before the new ones come. */
  @Test
  void replacedChildrenAreDeletedBeforeTheNewOnesAreInserted(Repo repo) {
    JrWriterStruct author = repo.insertOrThrow(new JrWriterStruct().withName("john doe"));
    JrArticleStruct p1 = repo.insertOrThrow(new JrArticleStruct().withTitle("hello").withUuid(UUID.randomUUID())
        .withWriterId(author.id()));
    repo.insertOrThrow(new JrArticleStruct().withTitle("world").withUuid(UUID.randomUUID()).withWriterId(author.id()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.insert(new JrArticleStruct().withTitle("another")
        .withUuid(p1.uuid()).withWriterId(author.id()))).isInstanceOf(ConstraintException.class);

    JrWriterStruct loaded = repo.preload(author, JrWriters.ARTICLES);
    List<Map<String, Object>> params = loaded.articles().stream()
        .map(article -> Map.<String, Object>of("uuid", article.uuid().toString(), "title", "fresh")).toList();
    JrWriterStruct written = repo.updateOrThrow(Changeset.cast(loaded, Map.of("articles", params))
        .castAssoc(JrWriters.ARTICLES, (article, p) -> Changeset.cast(article, p, JrArticles.TITLE, JrArticles.UUID)));
    assertThat(written.articles()).extracting(JrArticle::title).containsExactly("fresh", "fresh");
    assertThat(repo.all(JrArticles.query())).extracting(JrArticle::title).containsExactly("fresh", "fresh");
  }
}
