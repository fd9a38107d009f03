package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.meta.Field;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of the {@code optimistic_lock/3} tests of Ecto's {@code test/ecto/changeset_test.exs}
 * (issue #16), on an author's {@code lockVersion} for Ecto's {@code upvotes}, and what the repo then
 * writes on PostgreSQL.
 */
@EctoTest(sandbox = true)
class OptimisticLockConformanceTest {
  private static final Field<AuthorStruct, Integer> VERSION = Authors.LOCK_VERSION;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  /** The changes once the prepare steps ran, Ecto's test helper {@code prepared_changes/1}. */
  private static Map<Field<AuthorStruct, ?>, Object> preparedChanges(Changeset<AuthorStruct> changeset) {
    Changeset<AuthorStruct> prepared = changeset;
    for (UnaryOperator<Changeset<AuthorStruct>> preparer : changeset.preparers()) {
      prepared = preparer.apply(prepared);
    }
    return prepared.changes();
  }

  private static Changeset<AuthorStruct> cast(AuthorStruct author, Map<String, ?> params) {
    return Changeset.cast(author, params, VERSION);
  }

  /**
   * Ports changeset_test.exs "optimistic_lock/3 with changeset with default incrementer": the filter
   * is the field's current value (its change, if any), the increment a prepared change, rolling over
   * to 1 at the largest integer.
   */
  @Test
  void defaultIncrementer() {
    Changeset<AuthorStruct> fresh = cast(new AuthorStruct().withLockVersion(0), Map.of()).optimisticLock(VERSION);
    assertThat(fresh.filters()).isEqualTo(Map.of(VERSION, 0));
    assertThat(fresh.changes()).isEmpty();
    assertThat(preparedChanges(fresh)).isEqualTo(Map.of(VERSION, 1));

    Changeset<AuthorStruct> changed = cast(new AuthorStruct().withLockVersion(2), Map.of("lockVersion", 1))
        .optimisticLock(VERSION);
    assertThat(changed.filters()).isEqualTo(Map.of(VERSION, 1));
    assertThat(changed.changes()).isEqualTo(Map.of(VERSION, 1));
    assertThat(preparedChanges(changed)).isEqualTo(Map.of(VERSION, 2));

    Changeset<AuthorStruct> largest = cast(new AuthorStruct().withLockVersion(Integer.MAX_VALUE), Map.of())
        .optimisticLock(VERSION);
    assertThat(largest.filters()).isEqualTo(Map.of(VERSION, Integer.MAX_VALUE));
    assertThat(largest.changes()).isEmpty();
    assertThat(preparedChanges(largest)).isEqualTo(Map.of(VERSION, 1));
  }

  /** Ports changeset_test.exs "optimistic_lock/3 with struct" (through {@code change}: a struct is not a changeset in Java). */
  @Test
  void withAStruct() {
    Changeset<AuthorStruct> changeset = Changeset.change(new AuthorStruct().withLockVersion(0)).optimisticLock(VERSION);
    assertThat(changeset.filters()).isEqualTo(Map.of(VERSION, 0));
    assertThat(changeset.changes()).isEmpty();
    assertThat(preparedChanges(changeset)).isEqualTo(Map.of(VERSION, 1));
  }

  /** Ports changeset_test.exs "optimistic_lock/3 with custom incrementer". */
  @Test
  void customIncrementer() {
    Changeset<AuthorStruct> changeset = Changeset.change(new AuthorStruct().withLockVersion(0))
        .optimisticLock(VERSION, v -> v - 1);
    assertThat(changeset.filters()).isEqualTo(Map.of(VERSION, 0));
    assertThat(changeset.changes()).isEmpty();
    assertThat(preparedChanges(changeset)).isEqualTo(Map.of(VERSION, -1));
  }

  /**
   * Regression test for issue #16: written by the repo, the version moves on with another change,
   * and an update with no other change writes nothing, as Ecto's update of an empty changeset.
   */
  @Test
  void theRepoWritesTheIncrementOnlyWithAChange(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    AuthorStruct same = repo.updateOrThrow(Changeset.change(ada).optimisticLock(VERSION));
    assertThat(same.lockVersion()).isEqualTo(1);
    assertThat(repo.getOrThrow(Authors.SCHEMA, ada.id()).lockVersion()).isEqualTo(1);

    AuthorStruct renamed = repo.updateOrThrow(Changeset.change(ada).putChange(Authors.NAME, "Ada L").optimisticLock(VERSION));
    assertThat(renamed.lockVersion()).isEqualTo(2);
    assertThat(repo.getOrThrow(Authors.SCHEMA, ada.id()).lockVersion()).isEqualTo(2);
  }
}
