package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.RpChildStruct;
import io.ecto4j.it.schemas.RpChildren;
import io.ecto4j.it.schemas.RpOtherChildStruct;
import io.ecto4j.it.schemas.RpOtherChildren;
import io.ecto4j.it.schemas.RpParentStruct;
import io.ecto4j.it.schemas.RpParents;
import io.ecto4j.it.schemas.RpPlainParentStruct;
import io.ecto4j.it.schemas.RpPlainParents;
import io.ecto4j.it.schemas.RpPrefixedChildStruct;
import io.ecto4j.it.schemas.RpPrefixedChildren;
import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prefixes (PostgreSQL schemas) through the repo, as Ecto's repo_test.exs "changeset operations"
 * and "get, get_by, one, all and all_by" describe them: the struct's own prefix, a schema's
 * {@code @Schema(prefix)}, a call's {@code WriteOptions.prefix} and the prefixes of associations
 * written with a parent; and a prefix that does not exist, which PostgreSQL refuses.
 */
@EctoTest(sandbox = true)
class RepoPrefixConformanceTest {
  private static final String[] SCHEMAS = {"public", "rp_private", "rp_other"};
  private static final String[] TABLES = {"rp_parents", "rp_plain_parents", "rp_children", "rp_other_children",
      "rp_prefixed_children"};
  private static final WriteOptions PUBLIC = WriteOptions.defaults().prefix("public");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE SCHEMA rp_private");
    db.execute("CREATE SCHEMA rp_other");
    for (String schema : SCHEMAS) {
      for (String table : TABLES) {
        String parent = table.endsWith("parents") ? "" : ", parent_id bigint";
        db.execute("CREATE TABLE " + schema + "." + table + " (id bigserial PRIMARY KEY, n integer" + parent + ")");
      }
    }
  }

  private static String prefix(Struct<?> struct) {
    return struct.meta().prefix();
  }

  private static long count(Repo repo, String schema, String table) {
    return repo.query("SELECT count(*) FROM " + schema + "." + table, List.of(), row -> row.getLong(1)).get(0);
  }

  /** How many rows of {@code schema.table} an update set to n = 2. */
  private static long updatedIn(Repo repo, String schema, String table) {
    return repo.query("SELECT count(*) FROM " + schema + "." + table + " WHERE n = 2", List.of(), row -> row.getLong(1))
        .get(0);
  }

  /** Ports repo_test.exs "insert and delete sets schema prefix with struct". */
  @Test
  void insertAndDeleteSetTheStructsPrefix(Repo repo) {
    RpPlainParentStruct inserted = repo.insertOrThrow(new RpPlainParentStruct(), WriteOptions.defaults().prefix("rp_other"));
    assertThat(prefix(inserted)).isEqualTo("rp_other");
    assertThat(count(repo, "rp_other", "rp_plain_parents")).isEqualTo(1);
    RpPlainParentStruct deleted = repo.deleteOrThrow(inserted, WriteOptions.defaults().prefix("rp_other"));
    assertThat(deleted.meta()).isEqualTo(new Meta(Meta.State.DELETED, "rp_plain_parents", "rp_other"));
    assertThat(count(repo, "rp_other", "rp_plain_parents")).isZero();
  }

  /** Ports repo_test.exs "insert and delete prefix overrides schema_prefix with struct". */
  @Test
  void aCallsPrefixOverridesTheSchemaPrefixOfAStruct(Repo repo) {
    RpParentStruct inserted = repo.insertOrThrow(new RpParentStruct(), PUBLIC);
    assertThat(prefix(inserted)).isEqualTo("public");
    assertThat(count(repo, "public", "rp_parents")).isEqualTo(1);
    assertThat(count(repo, "rp_private", "rp_parents")).isZero();
    assertThat(prefix(repo.deleteOrThrow(inserted, PUBLIC))).isEqualTo("public");
    assertThat(count(repo, "public", "rp_parents")).isZero();
  }

  /** Ports repo_test.exs "insert, update, insert_or_update and delete sets schema prefix with changeset". */
  @Test
  void everyWriteOfAChangesetSetsThePrefix(Repo repo) {
    WriteOptions other = WriteOptions.defaults().prefix("rp_other");
    Changeset<RpPlainParentStruct> valid = Changeset.cast(new RpPlainParentStruct(), Map.of("n", "1"), RpPlainParents.N);
    assertThat(prefix(repo.insertOrThrow(valid, other))).isEqualTo("rp_other");
    RpPlainParentStruct second = repo.insertOrUpdate(valid, other).orElseThrow();
    assertThat(prefix(second)).isEqualTo("rp_other");
    RpPlainParentStruct updated = repo.updateOrThrow(Changeset.change(second).putChange(RpPlainParents.N, 2), other);
    assertThat(prefix(updated)).isEqualTo("rp_other");
    assertThat(prefix(repo.delete(Changeset.change(updated), other).orElseThrow())).isEqualTo("rp_other");
    assertThat(count(repo, "rp_other", "rp_plain_parents")).isEqualTo(1);
    assertThat(count(repo, "public", "rp_plain_parents")).isZero();
  }

  /** Ports repo_test.exs "insert, update, insert_or_update and delete prefix overrides schema_prefix". */
  @Test
  void aCallsPrefixOverridesTheSchemaPrefixOfAChangeset(Repo repo) {
    Changeset<RpParentStruct> valid = Changeset.cast(new RpParentStruct(), Map.of("n", "1"), RpParents.N);
    assertThat(prefix(repo.insertOrThrow(valid))).isEqualTo("rp_private");
    assertThat(prefix(repo.insertOrThrow(valid, PUBLIC))).isEqualTo("public");
    RpParentStruct upserted = repo.insertOrUpdate(valid, PUBLIC).orElseThrow();
    assertThat(prefix(upserted)).isEqualTo("public");
    // Loaded from rp_private, updated and deleted in public: the call's prefix wins over the struct's.
    RpParentStruct privateOne = repo.oneOrThrow(RpParents.query());
    RpParentStruct inPublic = privateOne.withId(upserted.id());
    assertThat(prefix(repo.updateOrThrow(Changeset.change(inPublic).putChange(RpParents.N, 5), PUBLIC)))
        .isEqualTo("public");
    assertThat(prefix(repo.delete(Changeset.change(inPublic), PUBLIC).orElseThrow())).isEqualTo("public");
    assertThat(count(repo, "public", "rp_parents")).isEqualTo(1);
    assertThat(count(repo, "rp_private", "rp_parents")).isEqualTo(1);
  }

  /**
   * Ports repo_test.exs "insert, update and insert_or_update parent schema_prefix does not override
   * `nil` children schema_prefix": a parent written with its child stays in its schema's prefix.
   */
  @Test
  void aParentKeepsItsSchemaPrefixUnderAChildWithout(Repo repo) {
    Changeset<RpChildStruct> valid = Changeset.change(new RpChildStruct())
        .putAssoc(RpChildren.PARENT, new RpParentStruct().withN(1));
    RpChildStruct inserted = repo.insertOrThrow(valid);
    assertThat(prefix(inserted)).isNull();
    assertThat(prefix(inserted.parent())).isEqualTo("rp_private");
    RpChildStruct upserted = repo.insertOrUpdateOrThrow(valid);
    assertThat(prefix(upserted)).isNull();
    assertThat(prefix(upserted.parent())).isEqualTo("rp_private");
    RpChildStruct updated = repo.updateOrThrow(Changeset.change(inserted)
        .putAssoc(RpChildren.PARENT, Changeset.change(inserted.parent()).putChange(RpParents.N, 2)));
    assertThat(prefix(updated)).isNull();
    assertThat(prefix(updated.parent())).isEqualTo("rp_private");
    assertThat(count(repo, "rp_private", "rp_parents")).isEqualTo(2);
    assertThat(count(repo, "public", "rp_children")).isEqualTo(2);
    assertThat(updatedIn(repo, "rp_private", "rp_parents")).isEqualTo(1);
  }

  /**
   * Ports repo_test.exs "insert, update and insert_or_update `nil` parent schema_prefix is overridden
   * by children schema_prefix": a parent without a schema prefix is written in its child's.
   */
  @Test
  void aParentWithoutSchemaPrefixFollowsItsChild(Repo repo) {
    Changeset<RpOtherChildStruct> valid = Changeset.change(new RpOtherChildStruct())
        .putAssoc(RpOtherChildren.PARENT, new RpPlainParentStruct().withN(1));
    RpOtherChildStruct inserted = repo.insertOrThrow(valid);
    assertThat(prefix(inserted)).isEqualTo("rp_other");
    assertThat(prefix(inserted.parent())).isEqualTo("rp_other");
    RpOtherChildStruct upserted = repo.insertOrUpdateOrThrow(valid);
    assertThat(prefix(upserted.parent())).isEqualTo("rp_other");
    RpOtherChildStruct updated = repo.updateOrThrow(Changeset.change(inserted)
        .putAssoc(RpOtherChildren.PARENT, Changeset.change(inserted.parent()).putChange(RpPlainParents.N, 2)));
    assertThat(prefix(updated)).isEqualTo("rp_other");
    assertThat(prefix(updated.parent())).isEqualTo("rp_other");
    assertThat(count(repo, "rp_other", "rp_plain_parents")).isEqualTo(2);
    assertThat(updatedIn(repo, "rp_other", "rp_plain_parents")).isEqualTo(1);
    assertThat(count(repo, "public", "rp_plain_parents")).isZero();
  }

  /**
   * Ports repo_test.exs "insert, update and insert_or_update parent schema_prefix does not override
   * children schema_prefix": each keeps its own schema prefix.
   */
  @Test
  void aParentAndAChildKeepTheirOwnSchemaPrefixes(Repo repo) {
    Changeset<RpPrefixedChildStruct> valid = Changeset.change(new RpPrefixedChildStruct())
        .putAssoc(RpPrefixedChildren.PARENT, new RpParentStruct().withN(1));
    RpPrefixedChildStruct inserted = repo.insertOrThrow(valid);
    assertThat(prefix(inserted)).isEqualTo("rp_other");
    assertThat(prefix(inserted.parent())).isEqualTo("rp_private");
    RpPrefixedChildStruct upserted = repo.insertOrUpdateOrThrow(valid);
    assertThat(prefix(upserted.parent())).isEqualTo("rp_private");
    RpPrefixedChildStruct updated = repo.updateOrThrow(Changeset.change(inserted)
        .putAssoc(RpPrefixedChildren.PARENT, Changeset.change(inserted.parent()).putChange(RpParents.N, 2)));
    assertThat(prefix(updated)).isEqualTo("rp_other");
    assertThat(prefix(updated.parent())).isEqualTo("rp_private");
    assertThat(count(repo, "rp_private", "rp_parents")).isEqualTo(2);
    assertThat(count(repo, "rp_other", "rp_prefixed_children")).isEqualTo(2);
    assertThat(updatedIn(repo, "rp_private", "rp_parents")).isEqualTo(1);
  }

  /**
   * Ports repo_test.exs "insert, update and insert_or_update prefix overrides schema_prefix in
   * associations": a call's prefix is where the associations go too.
   */
  @Test
  void aCallsPrefixOverridesTheSchemaPrefixOfAssociations(Repo repo) {
    Changeset<RpChildStruct> valid = Changeset.change(new RpChildStruct())
        .putAssoc(RpChildren.PARENT, new RpParentStruct().withN(1));
    RpChildStruct inserted = repo.insertOrThrow(valid, PUBLIC);
    assertThat(prefix(inserted.parent())).isEqualTo("public");
    assertThat(prefix(repo.insertOrUpdate(valid, PUBLIC).orElseThrow().parent())).isEqualTo("public");
    RpChildStruct updated = repo.updateOrThrow(Changeset.change(inserted)
        .putAssoc(RpChildren.PARENT, Changeset.change(inserted.parent()).putChange(RpParents.N, 2)), PUBLIC);
    assertThat(prefix(updated.parent())).isEqualTo("public");
    assertThat(count(repo, "public", "rp_parents")).isEqualTo(2);
    assertThat(updatedIn(repo, "public", "rp_parents")).isEqualTo(1);
    assertThat(count(repo, "rp_private", "rp_parents")).isZero();
  }

  /**
   * Ports repo_test.exs "get, get_by, one, all and all_by sets schema prefix": what a read in a
   * prefix loads carries it, whether the prefix is the query's or the repo's.
   */
  @Test
  void everyReadSetsThePrefixItReadIn(Repo repo) {
    RpPlainParentStruct stored = repo.insertOrThrow(new RpPlainParentStruct().withN(1),
        WriteOptions.defaults().prefix("rp_other"));
    Repo other = repo.withPrefix("rp_other");
    assertThat(prefix(other.getOrThrow(RpPlainParents.SCHEMA, stored.id()))).isEqualTo("rp_other");
    assertThat(prefix(other.getByOrThrow(RpPlainParents.N, 1))).isEqualTo("rp_other");
    assertThat(prefix(repo.oneOrThrow(RpPlainParents.query().prefix("rp_other")))).isEqualTo("rp_other");
    assertThat(repo.all(RpPlainParents.query().prefix("rp_other"))).extracting(p -> prefix(p)).containsExactly("rp_other");
    assertThat(other.allBy(RpPlainParents.N, 1)).extracting(p -> prefix(p)).containsExactly("rp_other");
    assertThat(other.allBy(RpPlainParents.SCHEMA, RpPlainParents.N.eq(1), RpPlainParents.ID.eq(stored.id())))
        .containsExactly(stored);
    assertThat(repo.allBy(RpPlainParents.N, 1)).as("nothing in public").isEmpty();
  }

  /**
   * Ports repo_test.exs "get, get_by, one, all, and all_by ignores prefix if schema_prefix set": a
   * schema's own prefix wins over the query's and the repo's for reads.
   */
  @Test
  void readsOfASchemaWithAPrefixIgnoreOthers(Repo repo) {
    RpParentStruct stored = repo.insertOrThrow(new RpParentStruct().withN(1));
    Repo other = repo.withPrefix("public");
    assertThat(other.getOrThrow(RpParents.SCHEMA, stored.id()).meta()).isEqualTo(Meta.loaded("rp_parents", "rp_private"));
    assertThat(prefix(other.getByOrThrow(RpParents.N, 1))).isEqualTo("rp_private");
    assertThat(prefix(repo.oneOrThrow(RpParents.query().prefix("public")))).isEqualTo("rp_private");
    assertThat(repo.all(RpParents.query().prefix("public"))).extracting(p -> prefix(p)).containsExactly("rp_private");
    assertThat(other.allBy(RpParents.N, 1)).extracting(p -> prefix(p)).containsExactly("rp_private");
  }

  /**
   * Ports repo_test.exs "reload supports prefix": a struct is reloaded from the prefix it carries
   * (where ecto4j used the repo's), and a list from its first struct's.
   */
  @Test
  void reloadReadsInTheStructsPrefix(Repo repo) {
    RpPlainParentStruct inOther = repo.insertOrThrow(new RpPlainParentStruct().withN(7),
        WriteOptions.defaults().prefix("rp_other"));
    repo.query("UPDATE rp_other.rp_plain_parents SET n = 8", List.of(), row -> null);
    RpPlainParentStruct reloaded = repo.reloadOrThrow(inOther);
    assertThat(reloaded.n()).isEqualTo(8);
    assertThat(prefix(reloaded)).isEqualTo("rp_other");
    assertThat(repo.reload(List.of(inOther))).extracting(RpPlainParentStruct::n).containsExactly(8);
    assertThat(repo.reload(inOther.withMeta(inOther.meta().withPrefix("rp_private")))).isEmpty();
  }

  /**
   * Ports preload.exs "preload custom prefix from schema" and "preload custom prefix from options":
   * a struct's prefix is where its associations are read, and {@code preloadIn}'s prefix wins
   * over it; a prefix that does not exist fails.
   */
  @Test
  void preloadReadsInTheStructsPrefixOrTheGivenOne(Repo repo) {
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("1").withBody("body"));
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(post.id()));
    PostStruct elsewhere = post.withMeta(post.meta().withPrefix("this_surely_does_not_exist"));
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.preload(elsewhere, Posts.COMMENTS))).isInstanceOf(QueryException.class)
        .hasMessageContaining("\"this_surely_does_not_exist\".\"comments\"");
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.preloadIn("this_surely_does_not_exist", post, Posts.COMMENTS)))
        .isInstanceOf(QueryException.class).hasMessageContaining("this_surely_does_not_exist");
    // The option wins over the struct's prefix, and what it loads carries it.
    PostStruct preloaded = repo.preloadIn("public", elsewhere, Posts.COMMENTS);
    assertThat(Posts.COMMENTS.structs(preloaded)).extracting(c -> prefix(c)).containsExactly("public");
    assertThat(repo.preloadIn("public", List.of(elsewhere), Posts.COMMENTS)).hasSize(1);
  }

  /**
   * Ports repo.exs "all with invalid prefix", "insert, update and delete with invalid prefix",
   * "insert all with invalid prefix", "update all with invalid prefix" and "delete all with invalid
   * prefix": PostgreSQL refuses a schema that does not exist, which the repo raises as a
   * {@code QueryException} naming the relation (SQLSTATE 42P01); the repo stays usable.
   */
  @Test
  void anInvalidPrefixRaisesAndTheRepoGoesOn(Repo repo) {
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("t").withBody("body"));
    WriteOptions oops = WriteOptions.defaults().prefix("oops");
    assertInvalidPrefix(repo, () -> repo.all(Query.from("posts").prefix("oops").select(Query.column("title",
        io.ecto4j.type.Types.STRING))));
    assertInvalidPrefix(repo, () -> repo.all(Posts.query().prefix("oops")));
    assertInvalidPrefix(repo, () -> repo.insert(new PostStruct().withTitle("x").withBody("body"), oops));
    assertInvalidPrefix(repo, () -> repo.update(Changeset.change(post).putChange(Posts.TITLE, "foo"), oops));
    assertInvalidPrefix(repo, () -> repo.delete(Changeset.change(post), oops));
    assertInvalidPrefix(repo, () -> repo.insertAll(Posts.SCHEMA, List.of(new PostStruct().withTitle("x").withBody("b")), oops));
    assertInvalidPrefix(repo, () -> repo.updateAll(Posts.query().prefix("oops"), Update.set(Posts.TITLE, "x")));
    assertInvalidPrefix(repo, () -> repo.deleteAll(Posts.query().prefix("oops")));
    assertInvalidPrefix(repo, () -> repo.withPrefix("oops").deleteAll(Posts.query()));
    assertThat(repo.insertOrThrow(new PostStruct().withTitle("after").withBody("body")).id()).isNotNull();
  }

  /** In a savepoint, so that the sandbox's transaction goes on after the failure. */
  private static void assertInvalidPrefix(Repo repo, Runnable call) {
    assertThatThrownBy(() -> repo.savepoint(tx -> {
      call.run();
      return null;
    })).isInstanceOf(QueryException.class)
        .hasMessageContaining("\"oops.")
        .satisfies(e -> assertThat(((QueryException) e).sqlState()).isEqualTo("42P01"));
  }
}
