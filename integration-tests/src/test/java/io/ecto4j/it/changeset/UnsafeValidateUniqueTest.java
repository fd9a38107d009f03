package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** unsafe_validate_unique: a query before the write, which excludes the row itself. */
@EctoTest(sandbox = true)
class UnsafeValidateUniqueTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  @Test
  void flagsATakenValueWithoutWriting(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada").withEmail("ada@example.com"));
    Changeset<AuthorStruct> taken = Changeset.cast(new AuthorStruct(), Map.of("name", "A", "email", "ada@example.com"),
        Authors.NAME, Authors.EMAIL).unsafeValidateUnique(repo::exists, Authors.EMAIL);
    assertThat(taken.errors()).containsExactly(new ChangesetError("email", "has already been taken",
        Map.of("validation", "unsafe_unique", "fields", List.of("email"))));
    Changeset<AuthorStruct> self = Changeset.cast(ada, Map.of("email", "ada@example.com", "name", "Ada L"),
        Authors.NAME, Authors.EMAIL).unsafeValidateUnique(repo::exists, Authors.EMAIL, Authors.NAME);
    assertThat(self.isValid()).isTrue();
    Changeset<AuthorStruct> free = Changeset.cast(new AuthorStruct(), Map.of("email", "new@example.com"), Authors.EMAIL)
        .unsafeValidateUnique(repo::exists, Authors.EMAIL);
    assertThat(free.isValid()).isTrue();
  }
}
