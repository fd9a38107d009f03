package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.it.schemas.UniqueTokenStruct;
import io.ecto4j.it.schemas.UniqueTokens;
import io.ecto4j.meta.Meta;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ports of the changeset tests of Ecto's {@code integration_test/cases/repo.exs} (issue #16) on PostgreSQL. */
@EctoTest(sandbox = true)
class RepoChangesetConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
    db.execute(UniqueTokens.DDL);
  }

  /**
   * Ports repo.exs "unique constraint with binary_id": a second insert of the same UUID is the
   * changeset's error, named by the unique index, and the data stays built.
   */
  @Test
  void uniqueConstraintOnAUuidColumn(Repo repo) {
    Changeset<UniqueTokenStruct> changeset =
        Changeset.change(new UniqueTokenStruct(), Map.of(UniqueTokens.TOKEN, UUID.randomUUID()));
    assertThat(repo.insert(changeset).isOk()).isTrue();
    Result<UniqueTokenStruct, Changeset<UniqueTokenStruct>> again =
        repo.insert(changeset.uniqueConstraint(UniqueTokens.TOKEN));
    assertThat(again.isErr()).isTrue();
    again.ifErr(failed -> {
      assertThat(failed.errors()).containsExactly(new ChangesetError("token", "has already been taken",
          Map.of("constraint", "unique", "constraint_name", "unique_tokens_token_index")));
      assertThat(failed.data().meta().state()).isEqualTo(Meta.State.BUILT);
    });
  }

  /** Ports repo.exs "insert and update with user-assigned primary key in changeset". */
  @Test
  void aPrimaryKeyCastOnInsertAndChangedOnUpdate(Repo repo) {
    AuthorStruct inserted = repo.insertOrThrow(Changeset.cast(new AuthorStruct().withId(11L).withName("a"),
        Map.of("id", "13"), Authors.ID));
    assertThat(inserted.id()).isEqualTo(13L);
    assertThat(repo.get(Authors.SCHEMA, 13L)).isPresent();

    AuthorStruct updated = repo.updateOrThrow(Changeset.cast(inserted, Map.of("id", "15"), Authors.ID));
    assertThat(updated.id()).isEqualTo(15L);
    assertThat(repo.get(Authors.SCHEMA, 15L)).isPresent();
    assertThat(repo.get(Authors.SCHEMA, 13L)).isEmpty();
  }
}
