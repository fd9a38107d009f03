package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.CpkCode;
import io.ecto4j.it.schemas.CpkCodeStruct;
import io.ecto4j.it.schemas.CpkCodes;
import io.ecto4j.it.schemas.CpkLoosePairStruct;
import io.ecto4j.it.schemas.CpkLoosePairs;
import io.ecto4j.it.schemas.CpkPair;
import io.ecto4j.it.schemas.CpkPairStruct;
import io.ecto4j.it.schemas.CpkPairs;
import io.ecto4j.it.schemas.CpkPostStruct;
import io.ecto4j.it.schemas.CpkPostUserStruct;
import io.ecto4j.it.schemas.CpkPostUsers;
import io.ecto4j.it.schemas.CpkPosts;
import io.ecto4j.it.schemas.CpkUserStruct;
import io.ecto4j.it.schemas.CpkUsers;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.repo.MultiplePrimaryKeyException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Composite primary keys, Ecto's {@code @primary_key false} with several {@code primary_key: true}
 * fields: {@code @Field(primaryKey = true)} and {@code @BelongsTo(primaryKey = true)} on a schema
 * with {@code PrimaryKey.Type.NONE}. Ports the composite-key tests of Ecto's repo, joins and
 * changeset suites, and checks what ecto4j adds: a typed {@code key(a, b)} for {@code get}.
 */
@EctoTest(sandbox = true)
class CompositeKeyConformanceTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(CpkPairs.DDL);
    db.execute(CpkCodes.DDL);
    db.execute(CpkUsers.DDL);
    db.execute(CpkPosts.DDL);
    db.execute(CpkPostUsers.DDL);
    db.execute("CREATE TABLE cpk_loose_pairs (a bigint, b bigint, name varchar(255))");
  }

  private static CpkPairStruct pair(long a, long b, String name) {
    return new CpkPairStruct().withA(a).withB(b).withName(name);
  }

  /** Ports integration_test/cases/repo.exs: "insert, update and delete with composite pk". */
  @Test
  void insertUpdateAndDeleteWithCompositePk(Repo repo) {
    CpkPairStruct c1 = repo.insertOrThrow(pair(1, 2, "first"));
    CpkPairStruct c2 = repo.insertOrThrow(pair(1, 3, "second"));

    assertThat(repo.one(CpkPairs.query().first())).contains(c1);
    assertThat(repo.one(CpkPairs.query().last())).contains(c2);

    CpkPairStruct changed = repo.updateOrThrow(Changeset.cast(c1, Map.of("name", "first change"), CpkPairs.NAME));
    assertThat(repo.getByOrThrow(CpkPairs.SCHEMA, CpkPairs.A.eq(1L), CpkPairs.B.eq(2L))).isEqualTo(changed);

    repo.deleteOrThrow(c2);
    assertThat(repo.all(CpkPairs.query())).containsExactly(changed);

    assertThatThrownBy(() -> repo.get(CpkPairs.SCHEMA, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to have exactly one primary key")
        .hasMessageContaining("got: a, b");
    assertThatThrownBy(() -> repo.getOrThrow(CpkPairs.SCHEMA, List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to have exactly one primary key");
  }

  /** What ecto4j adds to Ecto's refusal above: a composite key's typed value for get, getOrThrow and reload. */
  @Test
  void getByTheTypedCompositeKey(Repo repo) {
    CpkPairStruct c1 = repo.insertOrThrow(pair(1, 2, "first"));
    CpkPairStruct c2 = repo.insertOrThrow(pair(2, 1, "second"));

    assertThat(repo.get(CpkPairs.SCHEMA, CpkPairs.key(1L, 2L))).contains(c1);
    assertThat(repo.get(CpkPairs.SCHEMA, CpkPairs.key(2L, 1L))).contains(c2);
    assertThat(repo.get(CpkPairs.SCHEMA, CpkPairs.key(2L, 2L))).isEmpty();
    assertThat(repo.get(CpkPairs.SCHEMA, (Object) PrimaryKeyValue.of(CpkPairs.SCHEMA, "1", "2"))).as("cast, passed as an Object")
        .contains(c1);
    assertThatThrownBy(() -> repo.getOrThrow(CpkPairs.SCHEMA, CpkPairs.key(9L, 9L)))
        .hasMessageContaining("expected a CpkPair with a = 9 and b = 9 in table \"cpk_pairs\" but found none");
    assertThatThrownBy(() -> PrimaryKeyValue.of(CpkPairs.SCHEMA, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 1 value(s) for the primary key of CpkPair, which is 2 field(s): a, b");
    assertThatThrownBy(() -> repo.get(CpkPairs.SCHEMA, (Object) CpkCodes.key("EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("get(CpkPair) was given a key of CpkCode: code = EUR");
    assertThatThrownBy(() -> CpkPairs.key(1L, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CpkPair.b").hasMessageContaining("null");

    assertThat(PrimaryKeyValue.of(c1)).isEqualTo(CpkPairs.key(1L, 2L));
    assertThat(repo.reload(c1)).contains(c1);
    repo.deleteOrThrow(c2);
    List<CpkPairStruct> reloaded = repo.reload(List.of(c2, c1));
    assertThat(reloaded).hasSize(2);
    assertThat(reloaded.get(0)).isNull();
    assertThat(reloaded.get(1)).isEqualTo(c1);
  }

  /** Ports integration_test/cases/repo.exs: "insert, update and delete with associated composite pk". */
  @Test
  void insertUpdateAndDeleteWithAssociatedCompositePk(Repo repo) {
    CpkUserStruct user = repo.insertOrThrow(new CpkUserStruct());
    CpkPostStruct post = repo.insertOrThrow(new CpkPostStruct().withTitle("post title"));

    CpkPostUserStruct userPost = repo.insertOrThrow(
        new CpkPostUserStruct().withUserId(user.id()).withPostId(post.id()));
    assertThat(repo.getByOrThrow(CpkPostUsers.SCHEMA, CpkPostUsers.USER_ID.eq(user.id()),
        CpkPostUsers.POST_ID.eq(post.id()))).isEqualTo(userPost);
    assertThat(repo.get(CpkPostUsers.SCHEMA, CpkPostUsers.key(user.id(), post.id()))).contains(userPost);
    repo.deleteOrThrow(userPost);
    assertThat(repo.all(CpkPostUsers.query())).isEmpty();
  }

  /** Ports integration_test/cases/joins.exs: "association with composite pk join". */
  @Test
  void associationWithCompositePkJoin(Repo repo) {
    CpkPostStruct post = repo.insertOrThrow(new CpkPostStruct().withTitle("1"));
    CpkUserStruct user = repo.insertOrThrow(new CpkUserStruct().withName("1"));
    repo.insertOrThrow(new CpkPostUserStruct().withPostId(post.id()).withUserId(user.id()));

    Alias<CpkPostUserStruct> a = Alias.of(CpkPostUsers.SCHEMA, "a");
    List<CpkPostStruct> posts = repo.all(CpkPosts.query().join(CpkPosts.POST_USER, a).preload(CpkPosts.POST_USER, a));
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).postUser()).isNotNull();
    assertThat(posts.get(0).postUser().userId()).isEqualTo(user.id());
    // and by a separate query
    assertThat(repo.preload(post, CpkPosts.POST_USER).postUser().userId()).isEqualTo(user.id());
  }

  /** Ports integration_test/cases/repo.exs: "unsafe_validate_unique/4 with composite keys". */
  @Test
  void unsafeValidateUniqueWithCompositeKeys(Repo repo) {
    CpkPairStruct inserted = repo.insertOrThrow(pair(123, 456, "UniqueName"));
    ChangesetError taken = new ChangesetError("name", "has already been taken",
        Map.of("validation", "unsafe_unique", "fields", List.of("name")));

    Changeset<CpkPairStruct> differentPk = CpkPair.changeset(new CpkPairStruct(),
        Map.of("name", "UniqueName", "a", 789, "b", 321)).unsafeValidateUnique(repo::exists, CpkPairs.NAME);
    assertThat(differentPk.errors()).containsExactly(taken);

    Changeset<CpkPairStruct> partialPk = CpkPair.changeset(new CpkPairStruct(),
        Map.of("name", "UniqueName", "a", 789, "b", 456)).unsafeValidateUnique(repo::exists, CpkPairs.NAME);
    assertThat(partialPk.errors()).containsExactly(taken);

    Changeset<CpkPairStruct> update = CpkPair.changeset(inserted, Map.of("name", "NewName"))
        .unsafeValidateUnique(repo::exists, CpkPairs.NAME);
    assertThat(update.isValid()).isTrue();
    assertThat(update.errorsOn(CpkPairs.NAME)).isEmpty();
  }

  /**
   * Ports changeset_test.exs "generates correct where clause for composite primary keys without
   * query option for loaded schema" and "… with query option for loaded schema": a loaded
   * struct's own row is left out by every key column, {@code NOT (a = ? AND b = ?)}; the base query
   * is the caller's, in the {@code exists} predicate.
   */
  @Test
  void unsafeValidateUniqueLeavesOutALoadedRowByEveryKeyColumn(Repo repo) {
    CpkPairStruct loaded = repo.insertOrThrow(pair(0, 1, "hi"));
    List<Query<CpkPairStruct>> seen = new ArrayList<>();
    Predicate<Query<CpkPairStruct>> recording = query -> seen.add(query) && false;
    CpkPair.changeset(loaded, Map.of("name", "ho")).unsafeValidateUnique(recording, CpkPairs.NAME);
    CpkPair.changeset(loaded, Map.of("name", "ho"))
        .unsafeValidateUnique(query -> recording.test(query.where(CpkPairs.LOCK_VERSION.isNull())), CpkPairs.NAME);
    assertThat(seen).extracting(query -> query.toSql().text()).containsExactly(
        "SELECT c0.\"a\", c0.\"b\", c0.\"name\", c0.\"lock_version\" FROM \"cpk_pairs\" AS c0"
            + " WHERE c0.\"name\" = ? AND NOT (c0.\"a\" = ? AND c0.\"b\" = ?)",
        "SELECT c0.\"a\", c0.\"b\", c0.\"name\", c0.\"lock_version\" FROM \"cpk_pairs\" AS c0"
            + " WHERE c0.\"name\" = ? AND NOT (c0.\"a\" = ? AND c0.\"b\" = ?) AND c0.\"lock_version\" IS NULL");
    assertThat(seen.get(0).toSql().values()).containsExactly("ho", 0L, 1L);
  }

  /**
   * Ports changeset_test.exs "generates correct where clause for composite primary keys without
   * query option when schema wasn't loaded" and "… with query option when schema wasn't loaded":
   * a struct never loaded has no row of its own to leave out, whatever its key fields hold.
   */
  @Test
  void unsafeValidateUniqueOfABuiltStructQueriesOnlyTheFields() {
    List<Query<CpkPairStruct>> seen = new ArrayList<>();
    Predicate<Query<CpkPairStruct>> recording = query -> seen.add(query) && false;
    CpkPair.changeset(pair(0, 1, "hi"), Map.of("name", "ho")).unsafeValidateUnique(recording, CpkPairs.NAME);
    CpkPair.changeset(pair(0, 1, "hi"), Map.of("name", "ho"))
        .unsafeValidateUnique(query -> recording.test(query.where(CpkPairs.LOCK_VERSION.isNull())), CpkPairs.NAME);
    assertThat(seen).extracting(query -> query.toSql().text()).containsExactly(
        "SELECT c0.\"a\", c0.\"b\", c0.\"name\", c0.\"lock_version\" FROM \"cpk_pairs\" AS c0 WHERE c0.\"name\" = ?",
        "SELECT c0.\"a\", c0.\"b\", c0.\"name\", c0.\"lock_version\" FROM \"cpk_pairs\" AS c0"
            + " WHERE c0.\"name\" = ? AND c0.\"lock_version\" IS NULL");
  }

  /** A struct with a null key part cannot be updated, deleted or reloaded: the error names the part. */
  @Test
  void aNullKeyPartIsRefusedByName(Repo repo) {
    CpkPairStruct halfKeyed = new CpkPairStruct().withA(1L).withName("x");
    assertThatThrownBy(() -> repo.deleteOrThrow(halfKeyed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("struct `CpkPair` is missing primary key value: cannot delete a CpkPair whose primary key part b"
            + " is null; was it inserted?");
    assertThatThrownBy(() -> repo.update(Changeset.change(halfKeyed).putChange(CpkPairs.NAME, "y")))
        .hasMessageContaining("cannot update a CpkPair whose primary key part b is null");
    assertThatThrownBy(() -> repo.reload(halfKeyed)).hasMessageContaining("primary key part b is null");
    assertThatThrownBy(() -> repo.insertOrThrow(halfKeyed)).as("the database refuses the NULL key part")
        .hasMessageContaining("\"b\"");
  }

  /** An update of a row gone since it was loaded is stale by its whole key; insertOrUpdate updates a loaded row. */
  @Test
  void staleAndInsertOrUpdateFindTheRowByEveryKeyColumn(Repo repo) {
    CpkPairStruct c1 = repo.insertOrThrow(pair(1, 2, "first"));
    CpkPairStruct sibling = repo.insertOrThrow(pair(1, 3, "sibling"));
    CpkPairStruct upserted = repo.insertOrUpdateOrThrow(Changeset.change(c1).putChange(CpkPairs.NAME, "again"));
    assertThat(upserted.name()).isEqualTo("again");
    assertThat(repo.get(CpkPairs.SCHEMA, CpkPairs.key(1L, 3L))).contains(sibling);
    repo.deleteOrThrow(c1);
    assertThatThrownBy(() -> repo.update(Changeset.change(c1).putChange(CpkPairs.NAME, "late")))
        .isInstanceOf(StaleEntryException.class)
        .hasMessage("attempted to update a stale struct: no CpkPair with a = 1 and b = 2 exists in table"
            + " \"cpk_pairs\" any more");
    assertThat(repo.getOrThrow(CpkPairs.SCHEMA, CpkPairs.key(1L, 3L)).name()).isEqualTo("sibling");
  }

  /** A composite key on several rows (no constraint in the database): the write is refused whole. */
  @Test
  void aCompositeKeyOnSeveralRowsRaises(Repo repo) {
    CpkLoosePairStruct twin = repo.insertOrThrow(new CpkLoosePairStruct().withA(1L).withB(2L).withName("twin"));
    repo.insertOrThrow(new CpkLoosePairStruct().withA(1L).withB(2L).withName("twin"));
    repo.insertOrThrow(new CpkLoosePairStruct().withA(1L).withB(3L).withName("other"));
    assertThatThrownBy(() -> repo.deleteOrThrow(twin))
        .isInstanceOfSatisfying(MultiplePrimaryKeyException.class,
            e -> assertThat(e.key()).isEqualTo(PrimaryKeyValue.of(CpkLoosePairs.SCHEMA, 1L, 2L)))
        .hasMessageContaining("CpkLoosePair.a = 1 and CpkLoosePair.b = 2 matches several rows of \"cpk_loose_pairs\"");
  }

  /**
   * castAssoc names a loaded child by every part of its key: the child the params name is kept
   * (no write), the other is replaced. Were the parts not matched together, the named child would
   * be inserted again and clash with its own row.
   */
  @Test
  void castAssocMatchesChildrenByTheirWholeKey(Repo repo) {
    CpkUserStruct user = repo.insertOrThrow(new CpkUserStruct().withName("u"));
    CpkPostStruct kept = repo.insertOrThrow(new CpkPostStruct().withTitle("kept"));
    CpkPostStruct dropped = repo.insertOrThrow(new CpkPostStruct().withTitle("dropped"));
    repo.insertOrThrow(new CpkPostUserStruct().withUserId(user.id()).withPostId(kept.id()));
    repo.insertOrThrow(new CpkPostUserStruct().withUserId(user.id()).withPostId(dropped.id()));
    CpkUserStruct loaded = repo.preload(user, CpkUsers.POST_USERS);

    Map<String, Object> params = Map.of("postUsers", List.of(Map.of("user_id", user.id(), "post_id", kept.id())));
    Changeset<CpkUserStruct> changeset = Changeset.cast(loaded, params, CpkUsers.NAME)
        .castAssoc(CpkUsers.POST_USERS, (child, p) -> Changeset.cast(child, p, CpkPostUsers.USER_ID, CpkPostUsers.POST_ID),
            io.ecto4j.changeset.AssocOption.onReplace(io.ecto4j.schema.OnReplace.DELETE));
    repo.updateOrThrow(changeset);
    assertThat(repo.all(CpkPostUsers.query())).extracting(CpkPostUserStruct::postId).containsExactly(kept.id());
  }

  /** One field declared the key, a natural key: get by its value as by an id. */
  @Test
  void aSingleDeclaredKeyIsAPrimaryKeyLikeId(Repo repo) {
    CpkCodeStruct eur = repo.insertOrThrow(new CpkCodeStruct().withCode("EUR").withLabel("Euro"));
    assertThat(CpkCodes.SCHEMA.primaryKey()).contains(CpkCodes.CODE);
    assertThat(repo.get(CpkCodes.SCHEMA, "EUR")).contains(eur);
    assertThat(repo.get(CpkCodes.SCHEMA, CpkCodes.key("EUR"))).contains(eur);
    CpkCodeStruct renamed = repo.updateOrThrow(Changeset.change(eur).putChange(CpkCodes.LABEL, "euro"));
    assertThat(repo.getOrThrow(CpkCodes.SCHEMA, "EUR")).isEqualTo(renamed);
    assertThat(CpkCodes.DDL).contains("PRIMARY KEY (\"code\")");
  }
}
