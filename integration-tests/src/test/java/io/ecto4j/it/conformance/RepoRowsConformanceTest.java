package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.it.schemas.RpLogLineStruct;
import io.ecto4j.it.schemas.RpLogLines;
import io.ecto4j.it.schemas.RpPermalinkStruct;
import io.ecto4j.it.schemas.RpPermalinks;
import io.ecto4j.it.schemas.RpPlainParentStruct;
import io.ecto4j.it.schemas.RpPlainParents;
import io.ecto4j.it.schemas.RpTokenStruct;
import io.ecto4j.it.schemas.RpTokens;
import io.ecto4j.it.schemas.RpUserStruct;
import io.ecto4j.it.schemas.RpUsers;
import io.ecto4j.meta.Meta;
import io.ecto4j.query.Alias;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's integration repo.exs on the rows themselves: fields whose column has another name, keys
 * given by the caller or generated as UUIDs, {@code noAssocConstraint} by name, upserts through
 * {@code insert}, bulk writes that match nothing, and what {@code reload} and {@code transact} do.
 */
@EctoTest(sandbox = true)
class RepoRowsConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(RpUsers.DDL);
    db.execute(RpPermalinks.DDL);
    db.execute(RpPlainParents.DDL);
    db.execute(RpTokens.DDL);
    db.execute(RpLogLines.DDL);
  }

  private static List<String> urlColumn(Repo repo) {
    return repo.query("SELECT uniform_resource_locator FROM rp_permalinks ORDER BY id", List.of(),
        row -> row.getString(1));
  }

  /** Ports repo.exs "insert, update and delete with field source": {@code url} lives in {@code uniform_resource_locator}. */
  @Test
  void insertUpdateAndDeleteWithFieldSource(Repo repo) {
    RpPermalinkStruct inserted = repo.insertOrThrow(new RpPermalinkStruct().withUrl("url"));
    assertThat(inserted.url()).isEqualTo("url");
    assertThat(urlColumn(repo)).containsExactly("url");
    RpPermalinkStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(RpPermalinks.URL, "new"));
    assertThat(updated.url()).isEqualTo("new");
    assertThat(urlColumn(repo)).containsExactly("new");
    assertThat(repo.deleteOrThrow(updated).url()).isEqualTo("new");
    assertThat(urlColumn(repo)).isEmpty();
  }

  /** Ports repo.exs "insert all with returning with schema with field source". */
  @Test
  void insertAllReturningWithFieldSource(Repo repo) {
    assertThat(repo.insertAllReturning(RpPermalinks.SCHEMA, List.of(), WriteOptions.defaults())).isEmpty();
    assertThat(repo.insertAll(RpPermalinks.SCHEMA, List.of(), WriteOptions.defaults())).isZero();
    List<RpPermalinkStruct> some = repo.insertAllReturning(RpPermalinks.SCHEMA,
        List.of(new RpPermalinkStruct().withUrl("1"), new RpPermalinkStruct().withUrl("2")),
        WriteOptions.defaults().returning(RpPermalinks.ID, RpPermalinks.URL));
    assertThat(some).extracting(RpPermalinkStruct::url).containsExactly("1", "2");
    assertThat(some).allMatch(p -> p.meta().isLoaded() && p.id() != null);
    List<RpPermalinkStruct> all = repo.insertAllReturning(RpPermalinks.SCHEMA,
        List.of(new RpPermalinkStruct().withUrl("3"), new RpPermalinkStruct().withUrl("4")),
        WriteOptions.defaults().returningAll());
    assertThat(all).extracting(RpPermalinkStruct::url).containsExactly("3", "4");
    assertThat(all).allMatch(p -> p.meta().isLoaded());
  }

  /**
   * Ports repo.exs "on conflict keyword list and conflict target and returning and field source"
   * (insert) and "… and source field" (insert_all): the conflict target and the update name a
   * field whose column has another name.
   */
  @Test
  void upsertsWithFieldSource(Repo repo) {
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("old"));
    RpPermalinkStruct c1 = repo.insertOrThrow(new RpPermalinkStruct().withUrl("old"), WriteOptions.defaults()
        .onConflict(OnConflict.update(Update.set(RpPermalinks.URL, "new1")).target(RpPermalinks.URL))
        .returning(RpPermalinks.URL));
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("old"));
    RpPermalinkStruct c2 = repo.insertOrThrow(new RpPermalinkStruct().withUrl("old"), WriteOptions.defaults()
        .onConflict(OnConflict.update(Update.set(RpPermalinks.URL, "new2")).target(RpPermalinks.URL))
        .returningAll());
    assertThat(c1.url()).isEqualTo("new1");
    assertThat(c2.url()).isEqualTo("new2");

    WriteOptions upsert = WriteOptions.defaults().onConflict(OnConflict.update(Update.set(RpPermalinks.URL, "newer"))
        .target(RpPermalinks.URL)).returning(RpPermalinks.URL);
    List<RpPermalinkStruct> row = List.of(new RpPermalinkStruct().withUrl("older"));
    assertThat(repo.insertAllReturning(RpPermalinks.SCHEMA, row, upsert)).extracting(RpPermalinkStruct::url)
        .containsExactly("older");
    assertThat(repo.insertAllReturning(RpPermalinks.SCHEMA, row, upsert)).extracting(RpPermalinkStruct::url)
        .containsExactly("newer");
  }

  /** Ports repo.exs "on conflict with inc" through {@code insert}: the conflicting row's counter goes up. */
  @Test
  void insertWithAnIncrementingUpsert(Repo repo) {
    RpPermalinkStruct first = repo.insertOrThrow(new RpPermalinkStruct().withUrl("counted"));
    WriteOptions inc = WriteOptions.defaults()
        .onConflict(OnConflict.update(Update.inc(RpPermalinks.VISITS, 1)).target(RpPermalinks.URL));
    RpPermalinkStruct upserted = repo.insertOrThrow(new RpPermalinkStruct().withUrl("counted"), inc);
    assertThat(upserted.id()).isEqualTo(first.id());
    assertThat(upserted.visits()).isEqualTo(1);
    assertThat(repo.reloadOrThrow(first).visits()).isEqualTo(1);
  }

  /** Ports repo.exs "insert and update with user-assigned primary key in changeset". */
  @Test
  void aKeyCastIntoTheChangesetIsInsertedAndChanged(Repo repo) {
    Changeset<RpPlainParentStruct> insert = Changeset.cast(new RpPlainParentStruct().withId(11L), Map.of("id", "13"),
        RpPlainParents.ID);
    RpPlainParentStruct post = repo.insertOrThrow(insert);
    assertThat(post.id()).isEqualTo(13L);
    RpPlainParentStruct moved = repo.updateOrThrow(Changeset.cast(post, Map.of("id", "15"), RpPlainParents.ID));
    assertThat(moved.id()).isEqualTo(15L);
    assertThat(repo.all(RpPlainParents.query())).extracting(RpPlainParentStruct::id).containsExactly(15L);
  }

  /** Ports repo.exs "unique constraint with binary_id": the violation is the changeset's error, and its data stays built. */
  @Test
  void uniqueConstraintOnAUuidColumn(Repo repo) {
    Changeset<RpTokenStruct> changeset = Changeset.change(new RpTokenStruct()).putChange(RpTokens.UUID, UUID.randomUUID());
    assertThat(repo.insert(changeset).isOk()).isTrue();
    Result<RpTokenStruct, Changeset<RpTokenStruct>> again = repo.insert(changeset.uniqueConstraint(RpTokens.UUID));
    Changeset<RpTokenStruct> failed = again.err().orElseThrow();
    ChangesetError error = failed.errorsOn(RpTokens.UUID).get(0);
    assertThat(error.interpolated()).isEqualTo("has already been taken");
    assertThat(error.keys()).containsEntry("constraint", "unique").containsEntry("constraint_name", "rp_tokens_uuid_index");
    assertThat(failed.data().meta().state()).isEqualTo(Meta.State.BUILT);
  }

  /**
   * Ports repo.exs "get(!) with binary_id" and "insert all autogenerates for binary_id type": a
   * UUID key is generated by {@code insert} and {@code insertAll} when not given, and found by {@code get}.
   */
  @Test
  void uuidKeysAreGeneratedAndFound(Repo repo) {
    RpTokenStruct custom = repo.insertOrThrow(new RpTokenStruct());
    assertThat(custom.bid()).isNotNull();
    assertThat(repo.get(RpTokens.SCHEMA, custom.bid())).contains(custom);
    assertThat(repo.get(RpTokens.SCHEMA, custom.bid().toString())).as("cast from a string").contains(custom);
    repo.deleteOrThrow(custom);
    assertThat(repo.get(RpTokens.SCHEMA, custom.bid())).isEmpty();
    UUID uuid = UUID.randomUUID();
    assertThat(repo.insertAll(RpTokens.SCHEMA, List.of(new RpTokenStruct().withUuid(uuid),
        new RpTokenStruct().withBid(custom.bid())))).isEqualTo(2);
    List<RpTokenStruct> rows = repo.all(RpTokens.query());
    RpTokenStruct generated = rows.stream().filter(t -> uuid.equals(t.uuid())).findFirst().orElseThrow();
    RpTokenStruct given = rows.stream().filter(t -> t.uuid() == null).findFirst().orElseThrow();
    assertThat(generated.bid()).isNotNull().isNotEqualTo(custom.bid());
    assertThat(given.bid()).isEqualTo(custom.bid());
  }

  /**
   * Ports repo_test.exs "changeset constraints / are mapped to repo constraint violation using regex
   * match", "may fail to map … on name regex" and "may fail to map … on index type": a name given as
   * a pattern matches the violated index's name anywhere; a pattern that does not match, or a
   * declaration of another kind under the violated name, leaves the violation a ConstraintException.
   */
  @Test
  void constraintsMatchedByPatternAndByKind(Repo repo) {
    UUID uuid = UUID.randomUUID();
    repo.insertOrThrow(new RpTokenStruct().withUuid(uuid));
    Changeset<RpTokenStruct> again = Changeset.change(new RpTokenStruct()).putChange(RpTokens.UUID, uuid);
    Changeset<RpTokenStruct> matched = repo.insert(again.uniqueConstraint(RpTokens.UUID,
        Constraint.name(java.util.regex.Pattern.compile("rp_tok.+_uuid_ind")))).err().orElseThrow();
    assertThat(matched.isValid()).isFalse();
    assertThat(matched.errorsOn(RpTokens.UUID)).extracting(ChangesetError::interpolated)
        .containsExactly("has already been taken");
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.insert(again.uniqueConstraint(RpTokens.UUID,
        Constraint.name(java.util.regex.Pattern.compile("will_not_match"))))))
        .isInstanceOf(ConstraintException.class).hasMessageContaining("rp_tokens_uuid_index");
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.insert(again.checkConstraint(RpTokens.UUID,
        Constraint.name("rp_tokens_uuid_index")))))
        .isInstanceOf(ConstraintException.class).hasMessageContaining("rp_tokens_uuid_index");
  }

  /** Ports repo.exs "no assoc constraint with changeset mismatch": a name that is not the violated one raises. */
  @Test
  void noAssocConstraintWithAnotherNameRaises(Repo repo) {
    RpUserStruct user = repo.insertOrThrow(new RpUserStruct());
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("u").withUserId(user.id()));
    assertThatThrownBy(() -> repo.savepoint(tx -> repo.delete(Changeset.change(user)
        .noAssocConstraint(RpUsers.PERMALINK, Constraint.name("rp_permalinks_user_id_pther")))))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("rp_permalinks_user_id_fkey")
        .hasMessageContaining("rp_permalinks_user_id_pther");
  }

  /** Ports repo.exs "no assoc constraint with changeset match": the default name matches, and the error says so. */
  @Test
  void noAssocConstraintByItsDefaultNameIsAnError(Repo repo) {
    RpUserStruct user = repo.insertOrThrow(new RpUserStruct());
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("u").withUserId(user.id()));
    Changeset<RpUserStruct> failed = repo.delete(Changeset.change(user).noAssocConstraint(RpUsers.PERMALINK))
        .err().orElseThrow();
    assertThat(failed.traverseErrors()).isEqualTo(Map.of("permalink", List.of("is still associated with this entry")));
    assertThat(failed.errors()).singleElement().satisfies(error -> assertThat(error.keys())
        .containsEntry("constraint", "no_assoc").containsEntry("constraint_name", "rp_permalinks_user_id_fkey"));
  }

  /** Ports repo.exs "reload ignores preloads": the reloaded struct's associations are not loaded. */
  @Test
  void reloadIgnoresPreloads(Repo repo) {
    RpUserStruct user = repo.preload(repo.insertOrThrow(new RpUserStruct().withName("1")), RpUsers.PERMALINK);
    assertThat(RpUsers.PERMALINK.isLoaded(user)).isTrue();
    assertThat(RpUsers.PERMALINK.isLoaded(repo.reloadOrThrow(user))).isFalse();
    assertThat(RpUsers.PERMALINK.isLoaded(repo.reloadOrThrow(List.of(user)).get(0))).isFalse();
  }

  /** Ports repo_test.exs "reload raises when schema doesn't have a primary key". */
  @Test
  void reloadRefusesASchemaWithoutPrimaryKey(Repo repo) {
    assertThatThrownBy(() -> repo.reload(new RpLogLineStruct().withN(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RpLogLine")
        .hasMessageContaining("primary key");
  }

  /**
   * Ports repo_test.exs "preload raises if primary key is not defined": a join preload folds rows
   * by the parent's key, so a parent without one is refused.
   */
  @Test
  void joinPreloadFromASchemaWithoutPrimaryKeyIsRefused(Repo repo) {
    Alias<RpUserStruct> u = Alias.of(RpUsers.SCHEMA, "u");
    assertThatThrownBy(() -> repo.all(RpLogLines.query().leftJoin(RpLogLines.USER, u).preload(RpLogLines.USER, u)))
        .hasMessageContaining("primary key");
  }

  /**
   * Ports repo.exs "update all no entries", "delete all no entries" and "delete all with returning
   * without schema".
   */
  @Test
  void bulkWritesThatMatchNothingAndDeleteAllReturningWithoutSchema(Repo repo) {
    Query<RpPermalinkStruct> none = RpPermalinks.query().where(RpPermalinks.URL.eq("nothing"));
    assertThat(repo.updateAll(none, Update.set(RpPermalinks.URL, "x"))).isZero();
    assertThat(repo.deleteAll(none)).isZero();
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("1"));
    repo.insertOrThrow(new RpPermalinkStruct().withUrl("2"));
    List<String> deleted = repo.deleteAllReturning(Query.from("rp_permalinks")
        .select(Query.column("uniform_resource_locator", Types.STRING)));
    assertThat(deleted).containsExactlyInAnyOrder("1", "2");
    assertThat(urlColumn(repo)).isEmpty();
  }

  /** Ports repo.exs "transact/2 with function return error": an {@code Err} from the body rolls back, no rollback call needed. */
  @Test
  void transactRollsBackABodyThatReturnsAnError(Repo repo) {
    Result<Object, String> result = repo.transact(() -> {
      repo.insertOrThrow(new RpPlainParentStruct().withN(1));
      repo.insertOrThrow(new RpPlainParentStruct().withN(2));
      return Result.err("oops");
    });
    assertThat(result).isEqualTo(Result.err("oops"));
    assertThat(repo.all(RpPlainParents.query())).isEmpty();
  }
}
