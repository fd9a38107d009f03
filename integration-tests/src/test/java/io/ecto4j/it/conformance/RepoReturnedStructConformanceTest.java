package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code insert} and {@code update} return, on PostgreSQL: by default the row as stored (a
 * deliberate difference, docs/ecto-differences.md "What insert and update return"), and Ecto's
 * shape, the changeset's data with its changes applied, with {@code returningNone()}.
 */
@EctoTest(sandbox = true)
class RepoReturnedStructConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static UserStruct user() {
    return new UserStruct().withName("wrong").withEmail("ada@example.com").withAge(13);
  }

  /**
   * Ports repo.exs "insert and update with changeset": on insert the fields and the changes are
   * merged (a virtual field keeps its value); on update, Ecto's shape keeps a direct edit of the
   * struct that was never a change ({@code visits: 17}, here {@code age}), while the stored row,
   * ecto4j's default, shows what the database holds ({@code 13}).
   */
  @Test
  void insertMergesTheChangesAndUpdateReturnsTheStoredRowOrEctosShape(Repo repo) {
    UserStruct inserted = repo.insertOrThrow(Changeset.cast(user(),
        Map.of("name", "hello", "password", "unknown"), Users.NAME, Users.PASSWORD));
    assertThat(inserted.age()).isEqualTo(13);
    assertThat(inserted.name()).isEqualTo("hello");
    assertThat(inserted.password()).isEqualTo("unknown");
    UserStruct stored = repo.getOrThrow(Users.SCHEMA, inserted.id());
    assertThat(stored.name()).isEqualTo("hello");
    assertThat(stored.password()).isNull();

    Changeset<UserStruct> edit = Changeset.cast(inserted.withAge(17),
        Map.of("name", "world", "password", "other"), Users.NAME, Users.PASSWORD);
    UserStruct ectoShape = repo.updateOrThrow(edit, WriteOptions.defaults().returningNone());
    assertThat(ectoShape.age()).as("the direct edit is kept, as Ecto returns it").isEqualTo(17);
    assertThat(ectoShape.name()).isEqualTo("world");
    assertThat(ectoShape.password()).isEqualTo("other");

    UserStruct asStored = repo.updateOrThrow(Changeset.cast(ectoShape, Map.of("name", "again"), Users.NAME));
    assertThat(asStored.age()).as("the row as stored: the edit was never written").isEqualTo(13);
    assertThat(asStored.name()).isEqualTo("again");
    assertThat(asStored.password()).as("virtual fields are kept either way").isEqualTo("other");
    assertThat(repo.getOrThrow(Users.SCHEMA, inserted.id()).age()).isEqualTo(13);
  }
}
