package io.ecto4j.it.faults;

import static io.ecto4j.it.faults.Sneaky.sneakyThrow;
import static io.ecto4j.it.schemas.LibrarySchema.author;
import static io.ecto4j.it.schemas.LibrarySchema.authors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionRolledBackException;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A checked exception thrown out of any kind of body (sneaky-thrown, as Kotlin, Scala and Lombok
 * do) rolls back everything the body wrote, and the caller gets that very exception. Before, only
 * {@code RuntimeException} and {@code Error} rolled back, and switching the connection back to
 * autocommit then committed the partial work.
 */
@EctoTest
class CheckedExceptionsTest {
  private final IOException checked = new IOException("the disk said no");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    LibrarySchema.truncate(db);
  }

  @Test
  void outOfATransactionBody(Repo repo) {
    assertThatThrownBy(() -> repo.transaction(tx -> {
      repo.insertOrThrow(author("Partial"));
      return sneakyThrow(checked);
    })).isSameAs(checked);
    assertThat(authors(repo)).isZero();
    assertThat(repo.inTransaction()).isFalse();
    repo.transaction(tx -> repo.insertOrThrow(author("Next")));
    assertThat(authors(repo)).as("the connection went back to the pool usable").isEqualTo(1);
  }

  @Test
  void outOfANestedTransactionItDoomsTheOuterOne(Repo repo) {
    assertThatThrownBy(() -> repo.transaction(outer -> {
      repo.insertOrThrow(author("Outer"));
      try {
        repo.transaction(inner -> {
          repo.insertOrThrow(author("Inner"));
          return sneakyThrow(checked);
        });
      } catch (Exception swallowed) {
        assertThat(swallowed).isSameAs(checked);
      }
      return "the outer body carries on and returns";
    })).isInstanceOf(TransactionRolledBackException.class).hasCause(checked);
    assertThat(authors(repo)).isZero();
  }

  @Test
  void outOfASavepointItUndoesOnlyThatPart(Repo repo) {
    Result<String, Object> result = repo.transaction(outer -> {
      repo.insertOrThrow(author("Kept"));
      assertThatThrownBy(() -> repo.savepoint(part -> {
        repo.insertOrThrow(author("Undone"));
        return sneakyThrow(checked);
      })).isSameAs(checked);
      return "done";
    });
    assertThat(result.isOk()).isTrue();
    assertThat(repo.all(Authors.query())).extracting(AuthorStruct::name).containsExactly("Kept");

    assertThatThrownBy(() -> repo.savepoint(alone -> {
      repo.insertOrThrow(author("Alone"));
      return sneakyThrow(checked);
    })).as("outside a transaction a savepoint is a transaction of its own").isSameAs(checked);
    assertThat(authors(repo)).isEqualTo(1);
  }

  @Test
  void outOfAMultiRunStep(Repo repo) {
    Key<AuthorStruct> inserted = Key.named("inserted");
    Multi multi = Multi.create()
        .insert(inserted, Changeset.change(author("Step one")))
        .run(Key.named("fails"), (r, changes) -> sneakyThrow(checked));
    assertThatThrownBy(() -> repo.transaction(multi)).isSameAs(checked);
    assertThat(authors(repo)).isZero();
  }

  @Test
  void outOfAStreamCallbackInItsOwnTransactionAndInTheCallers(Repo repo) {
    repo.insertOrThrow(author("Existing"));
    assertThatThrownBy(() -> repo.stream(Authors.query(), rows -> {
      rows.forEach(row -> repo.insertOrThrow(author("Copy of " + row.name())));
      return sneakyThrow(checked);
    })).isSameAs(checked);
    assertThat(authors(repo)).as("the stream's own transaction rolled back").isEqualTo(1);

    assertThatThrownBy(() -> repo.transaction(tx -> {
      repo.insertOrThrow(author("Before the stream"));
      return repo.stream(Authors.query(), rows -> sneakyThrow(checked));
    })).isSameAs(checked);
    assertThat(authors(repo)).as("the caller's transaction rolled back").isEqualTo(1);
  }

  @Test
  void outOfAPrepareChangesFunction(Repo repo) {
    Changeset<AuthorStruct> changeset = Changeset.change(author("Prepared")).prepareChanges(cs -> {
      repo.insertOrThrow(author("Written by the preparer"));
      return sneakyThrow(checked);
    });
    assertThatThrownBy(() -> repo.insert(changeset)).isSameAs(checked);
    assertThat(authors(repo)).isZero();
  }

  @Test
  void everyKindOfBodyLeavesNothingWhenItThrowsAnError(Repo repo) {
    StackOverflowError error = new StackOverflowError("deep");
    for (Runnable body : List.<Runnable>of(
        () -> repo.transaction(tx -> {
          repo.insertOrThrow(author("A"));
          throw error;
        }),
        () -> repo.transaction(Multi.create().insert(Key.named("a"), Changeset.change(author("B")))
            .run(Key.named("b"), (r, c) -> {
              throw error;
            })))) {
      assertThatThrownBy(body::run).isSameAs(error);
    }
    assertThat(authors(repo)).isZero();
  }
}
