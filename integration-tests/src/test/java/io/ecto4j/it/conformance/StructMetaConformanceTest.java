package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.MetaCompanies;
import io.ecto4j.it.schemas.MetaCompanyStruct;
import io.ecto4j.it.schemas.MetaSecretStruct;
import io.ecto4j.it.schemas.MetaSecrets;
import io.ecto4j.it.schemas.MetaUserStruct;
import io.ecto4j.it.schemas.MetaUserSummaries;
import io.ecto4j.it.schemas.MetaUserSummaryStruct;
import io.ecto4j.it.schemas.MetaUsers;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.meta.Meta;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct metadata, Ecto's {@code __meta__} (built, loaded, deleted; the prefix a struct was read
 * in), what the repo and changesets decide by it, and the schema-wide options
 * {@code @Schema(prefix)} and {@code @Schema(redact)}, on PostgreSQL.
 */
@EctoTest(sandbox = true)
class StructMetaConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE SCHEMA meta_tenant_a");
    db.execute(Posts.DDL.replace("\"posts\"", "\"meta_tenant_a\".\"posts\""));
    db.execute(Comments.DDL.replace("\"comments\"", "\"meta_tenant_a\".\"comments\"")
        .replace("REFERENCES \"posts\"", "REFERENCES \"meta_tenant_a\".\"posts\""));
    db.execute("CREATE SCHEMA meta_tenant");
    db.execute(MetaCompanies.DDL);
    db.execute("CREATE SCHEMA meta_other");
    db.execute(MetaCompanies.DDL.replace("\"meta_tenant\"", "\"meta_other\""));
    db.execute(MetaUsers.DDL);
  }

  private static PostStruct post(String title) {
    return new PostStruct().withTitle(title).withBody("body");
  }

  private static Meta.State state(io.ecto4j.meta.Struct<?> struct) {
    return struct.meta().state();
  }

  /**
   * The repo marks what it reads loaded, what it writes loaded and what it deletes deleted
   * (Ecto's loader and {@code apply_metadata}); a new struct, a builder's or a copy of it is built.
   */
  @Test
  void readsAndWritesAreLoadedAndADeleteIsDeleted(Repo repo) {
    PostStruct built = post("hello");
    assertThat(state(built)).isEqualTo(Meta.State.BUILT);
    assertThat(state(PostStruct.builder().title("b").build())).isEqualTo(Meta.State.BUILT);
    PostStruct inserted = repo.insertOrThrow(built);
    assertThat(state(inserted)).isEqualTo(Meta.State.LOADED);
    assertThat(inserted.meta()).isEqualTo(Meta.loaded("posts", null));
    assertThat(state(repo.getOrThrow(Posts.SCHEMA, inserted.id()))).isEqualTo(Meta.State.LOADED);
    assertThat(repo.all(Posts.query())).allMatch(p -> state(p) == Meta.State.LOADED);
    assertThat(state(repo.oneOrThrow(Posts.query()))).isEqualTo(Meta.State.LOADED);
    List<PostStruct> streamed = repo.stream(Posts.query(), rows -> rows.toList());
    assertThat(streamed).allMatch(p -> state(p) == Meta.State.LOADED);
    assertThat(state(repo.load(Posts.SCHEMA, Map.of("title", "loaded from values")))).isEqualTo(Meta.State.LOADED);
    assertThat(state(repo.reloadOrThrow(inserted))).isEqualTo(Meta.State.LOADED);
    PostStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(Posts.TITLE, "changed"));
    assertThat(state(updated)).isEqualTo(Meta.State.LOADED);
    PostStruct deleted = repo.deleteOrThrow(updated);
    assertThat(deleted.meta()).isEqualTo(new Meta(Meta.State.DELETED, "posts", null));
  }

  /** Preloaded children are loaded, like their parents. */
  @Test
  void preloadedChildrenAreLoaded(Repo repo) {
    PostStruct post = repo.insertOrThrow(post("with comments"));
    repo.insertOrThrow(new CommentStruct().withBody("first").withPostId(post.id()));
    PostStruct preloaded = repo.preload(post, Posts.COMMENTS);
    assertThat(Posts.COMMENTS.structs(preloaded)).hasSize(1).allMatch(c -> state(c) == Meta.State.LOADED);
  }

  /**
   * Ecto's {@code Repo.insert_or_update/2} (repo/schema.ex) inserts a built struct, even one whose key is set, updates a
   * loaded one, and refuses a deleted one.
   */
  @Test
  void insertOrUpdateDecidesByTheState(Repo repo) {
    PostStruct keyed = post("chosen key").withId(424242L);
    PostStruct inserted = repo.insertOrUpdateOrThrow(Changeset.change(keyed));
    assertThat(inserted.id()).isEqualTo(424242L);
    assertThat(repo.getOrThrow(Posts.SCHEMA, 424242L).title()).isEqualTo("chosen key");
    PostStruct updated = repo.insertOrUpdateOrThrow(Changeset.change(inserted).putChange(Posts.TITLE, "again"));
    assertThat(updated.id()).isEqualTo(424242L);
    assertThat(repo.all(Posts.query().where(Posts.ID.eq(424242L)))).extracting(PostStruct::title)
        .containsExactly("again");
    PostStruct deleted = repo.deleteOrThrow(updated);
    assertThatThrownBy(() -> repo.insertOrUpdate(Changeset.change(deleted)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the changeset has an invalid state for repo.insertOrUpdate: deleted");
  }

  /**
   * A struct read in a prefix keeps it (Ecto: "the prefixes set in the query will be preserved
   * when loading data"), and is updated and deleted there unless the call names another prefix.
   */
  @Test
  void aStructReadInAPrefixIsWrittenThere(Repo repo) {
    repo.insertOrThrow(post("tenant post"), WriteOptions.defaults().prefix("meta_tenant_a"));
    repo.insertOrThrow(post("public post"));
    PostStruct fromTenant = repo.oneOrThrow(Posts.query().prefix("meta_tenant_a"));
    assertThat(fromTenant.meta()).isEqualTo(Meta.loaded("posts", "meta_tenant_a"));
    assertThat(repo.withPrefix("meta_tenant_a").all(Posts.query()))
        .allMatch(p -> "meta_tenant_a".equals(p.meta().prefix()));
    List<PostStruct> streamed = repo.stream(Posts.query().prefix("meta_tenant_a"), rows -> rows.toList());
    assertThat(streamed).allMatch(p -> "meta_tenant_a".equals(p.meta().prefix()));
    PostStruct updated = repo.updateOrThrow(Changeset.change(fromTenant).putChange(Posts.TITLE, "tenant changed"));
    assertThat(updated.meta().prefix()).isEqualTo("meta_tenant_a");
    assertThat(repo.all(Posts.query().prefix("meta_tenant_a"))).extracting(PostStruct::title)
        .containsExactly("tenant changed");
    assertThat(repo.all(Posts.query())).extracting(PostStruct::title).containsExactly("public post");
    PostStruct deleted = repo.deleteOrThrow(updated);
    assertThat(deleted.meta()).isEqualTo(new Meta(Meta.State.DELETED, "posts", "meta_tenant_a"));
    assertThat(repo.all(Posts.query().prefix("meta_tenant_a"))).isEmpty();
    assertThat(repo.all(Posts.query())).hasSize(1);
  }

  /** Ecto's preload_prefix: the children of a struct read in a prefix are read in that prefix. */
  @Test
  void theChildrenOfAStructReadInAPrefixAreReadThere(Repo repo) {
    WriteOptions tenant = WriteOptions.defaults().prefix("meta_tenant_a");
    PostStruct post = repo.insertOrThrow(post("tenant post"), tenant);
    repo.insertOrThrow(new CommentStruct().withBody("tenant comment").withPostId(post.id()), tenant);
    PostStruct read = repo.oneOrThrow(Posts.query().prefix("meta_tenant_a"));
    PostStruct preloaded = repo.preload(read, Posts.COMMENTS);
    assertThat(Posts.COMMENTS.structs(preloaded)).extracting(CommentStruct::body).containsExactly("tenant comment");
    assertThat(Posts.COMMENTS.structs(preloaded)).allMatch(c -> "meta_tenant_a".equals(c.meta().prefix()));
    PostStruct inQuery = repo.oneOrThrow(Posts.query().prefix("meta_tenant_a").preload(Posts.COMMENTS));
    assertThat(Posts.COMMENTS.structs(inQuery)).hasSize(1);
  }

  /** A write's own prefix wins over the struct's, as Ecto's {@code prefix:} option over {@code __meta__}. */
  @Test
  void aWritesPrefixOptionWinsOverTheStructs(Repo repo) {
    PostStruct inTenant = repo.insertOrThrow(post("moved"), WriteOptions.defaults().prefix("meta_tenant_a"));
    PostStruct copied = repo.insertOrThrow(inTenant.withMeta(inTenant.meta().withState(Meta.State.BUILT)),
        WriteOptions.defaults().prefix("public"));
    assertThat(copied.meta().prefix()).isEqualTo("public");
    assertThat(repo.all(Posts.query())).extracting(PostStruct::title).containsExactly("moved");
  }

  /**
   * Ports schema_test.exs "schema prefix in queries from": a schema's own prefix is where its
   * queries, gets, writes and preloads go, over a query's prefix; ecto4j checks it on the database.
   */
  @Test
  void aSchemaPrefixIsWhereTheSchemaIsReadAndWritten(Repo repo) throws SQLException {
    MetaCompanyStruct company = repo.insertOrThrow(new MetaCompanyStruct().withName("acme"));
    assertThat(company.meta()).isEqualTo(Meta.loaded("meta_companies", "meta_tenant"));
    assertThat(repo.query("SELECT name FROM meta_tenant.meta_companies", List.of(), row -> row.getString(1)))
        .containsExactly("acme");
    assertThat(repo.all(MetaCompanies.query())).containsExactly(company);
    assertThat(repo.all(MetaCompanies.query().prefix("meta_other"))).as("the schema's prefix wins").hasSize(1);
    assertThat(repo.withPrefix("meta_other").get(MetaCompanies.SCHEMA, company.id())).contains(company);
    assertThat(repo.toSql(MetaCompanies.query()).text()).contains("\"meta_tenant\".\"meta_companies\"");
    repo.insertOrThrow(new MetaCompanyStruct().withName("elsewhere"), WriteOptions.defaults().prefix("meta_other"));
    assertThat(repo.query("SELECT name FROM meta_other.meta_companies", List.of(), row -> row.getString(1)))
        .containsExactly("elsewhere");
    repo.deleteOrThrow(company);
    assertThat(repo.all(MetaCompanies.query())).isEmpty();
  }

  /** Two schemas over one table, as Ecto allows: one writes, the other reads the columns it maps. */
  @Test
  void twoSchemasReadAndWriteOneTable(Repo repo) throws IOException {
    MetaUserStruct user = repo.insertOrThrow(new MetaUserStruct().withEmail("a@b.c").withName("Ann"));
    MetaUserSummaryStruct summary = repo.getOrThrow(MetaUserSummaries.SCHEMA, user.id());
    assertThat(summary.email()).isEqualTo("a@b.c");
    assertThat(summary.meta()).isEqualTo(Meta.loaded("meta_users", null));
    repo.updateOrThrow(Changeset.change(summary).putChange(MetaUserSummaries.EMAIL, "new@b.c"));
    assertThat(repo.reloadOrThrow(user)).extracting(MetaUserStruct::email, MetaUserStruct::name)
        .containsExactly("new@b.c", "Ann");
    try (InputStream resource = getClass().getClassLoader().getResourceAsStream("META-INF/ecto4j/schema.sql")) {
      String sql = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sql.lines().filter(line -> line.equals("CREATE TABLE \"meta_users\" ("))).hasSize(1);
    }
  }

  /**
   * Ports has_assoc_test.exs "change has_many with structs" on the database: a put child is
   * inserted when built, even with its key set, and updated when loaded (Ecto's
   * {@code action_from_changeset}), where ecto4j used to update any child with a key.
   */
  @Test
  void aBuiltChildWithAKeyIsInsertedAndALoadedOneUpdated(Repo repo) {
    PostStruct other = repo.insertOrThrow(post("other"));
    CommentStruct moving = repo.insertOrThrow(new CommentStruct().withBody("moving").withPostId(other.id()));
    PostStruct post = repo.preload(repo.insertOrThrow(post("parent")), Posts.COMMENTS);
    CommentStruct keyed = new CommentStruct().withId(777777L).withBody("keyed but built");
    PostStruct written = repo.updateOrThrow(Changeset.change(post).putAssoc(Posts.COMMENTS, List.of(keyed, moving)));
    assertThat(Posts.COMMENTS.structs(written)).extracting(CommentStruct::id).containsExactly(777777L, moving.id());
    assertThat(repo.all(Comments.query().where(Comments.POST_ID.eq(post.id())).orderBy(Comments.BODY.asc())))
        .extracting(CommentStruct::body).containsExactly("keyed but built", "moving");
    assertThat(repo.all(Comments.query())).hasSize(2);
  }

  /**
   * Ports changeset_test.exs "generates correct where clause for single primary key without query
   * option when schema wasn't loaded" and "… with query option when schema wasn't loaded": only a
   * loaded struct's own row is left out of the check.
   */
  @Test
  void unsafeValidateUniqueLeavesOutOnlyALoadedStructsRow(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("taken"));
    Changeset<PostStruct> built = Changeset.change(post("other").withId(stored.id()))
        .putChange(Posts.TITLE, "taken").unsafeValidateUnique(repo::exists, Posts.TITLE);
    assertThat(built.errorsOn(Posts.TITLE)).extracting(e -> e.interpolated()).containsExactly("has already been taken");
    Changeset<PostStruct> loaded = Changeset.change(stored).forceChange(Posts.TITLE, "taken")
        .unsafeValidateUnique(repo::exists, Posts.TITLE);
    assertThat(loaded.isValid()).isTrue();
    // With a base query (Ecto's query: option), the same: narrowed, and the key left out only when loaded.
    java.util.function.Predicate<io.ecto4j.query.Query<PostStruct>> unpublished =
        query -> repo.exists(query.where(Posts.PUBLISHED.eq(false)));
    assertThat(Changeset.change(post("other").withId(stored.id())).putChange(Posts.TITLE, "taken")
        .unsafeValidateUnique(unpublished, Posts.TITLE).isValid()).isFalse();
    assertThat(Changeset.change(stored).forceChange(Posts.TITLE, "taken")
        .unsafeValidateUnique(unpublished, Posts.TITLE).isValid()).isTrue();
  }

  /**
   * Ports changeset_test.exs "redacts all non-primary-key fields when schema sets @schema_redact
   * :all_except_primary_keys": the changeset's inspection hides every field but the key.
   */
  @Test
  void schemaRedactHidesFieldsInTheChangesetAndTheStruct() {
    Changeset<MetaSecretStruct> changeset = Changeset.cast(new MetaSecretStruct().withId(7L),
        Map.of("username", "Hunter", "password", "hunter2", "label", "shown"),
        MetaSecrets.USERNAME, MetaSecrets.PASSWORD, MetaSecrets.LABEL);
    assertThat(changeset.toString()).contains("**redacted**", "shown").doesNotContain("hunter2", "Hunter");
    assertThat(changeset.applyChanges().toString()).contains("id=7", "label=shown").doesNotContain("hunter2");
  }
}
