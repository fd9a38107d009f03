package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.BookingStruct;
import io.ecto4j.it.schemas.Bookings;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's constraint violations become the errors the changeset declared, or a clear exception. */
@EctoTest
class ConstraintsTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    LibrarySchema.truncate(db);
  }

  private static Changeset<AuthorStruct> author(Map<String, ?> params) {
    return Changeset.cast(new AuthorStruct(), params, Authors.NAME, Authors.EMAIL, Authors.BALANCE);
  }

  private static <S extends io.ecto4j.meta.Struct<S>> Changeset<S> errorOf(Result<S, Changeset<S>> result) {
    assertThat(result.isErr()).as("expected Err but got %s", result).isTrue();
    return ((Result.Err<S, Changeset<S>>) result).error();
  }

  @Test
  void uniqueViolationBecomesHasAlreadyBeenTaken(Repo repo) {
    repo.insertOrThrow(author(Map.of("name", "Ada", "email", "ada@example.com")));
    Changeset<AuthorStruct> taken = errorOf(repo.insert(
        author(Map.of("name", "Ada L", "email", "ada@example.com")).uniqueConstraint(Authors.EMAIL)));
    assertThat(taken.errors()).containsExactly(new ChangesetError("email", "has already been taken",
        Map.of("constraint", "unique", "constraint_name", "authors_email_index")));
    assertThat(taken.action()).contains(Changeset.Action.INSERT);
    assertThat(taken.isValid()).isFalse();
    assertThat(repo.aggregate(Authors.query(), Aggregate.count())).isEqualTo(1L);
  }

  @Test
  void customNamesAndMatchModes(Repo repo) {
    repo.insertOrThrow(author(Map.of("name", "Grace")));
    assertThat(errorOf(repo.insert(author(Map.of("name", "GRACE"))
        .uniqueConstraint(Authors.NAME, Constraint.name("authors_lower_name_index"), Constraint.message("is taken"))))
        .errors().get(0).message()).isEqualTo("is taken");
    assertThat(errorOf(repo.insert(author(Map.of("name", "grace"))
        .uniqueConstraint(Authors.NAME, Constraint.name("authors_lower"), Constraint.match(Constraint.Match.PREFIX))))
        .errors().get(0).keys()).containsEntry("constraint_name", "authors_lower_name_index");
    assertThat(errorOf(repo.insert(author(Map.of("name", "gRace"))
        .uniqueConstraint(Authors.NAME, Constraint.name("_name_index"), Constraint.match(Constraint.Match.SUFFIX))))
        .errors()).hasSize(1);
  }

  @Test
  void anUndeclaredViolationThrowsNamingTheCallThatDeclaresIt(Repo repo) {
    repo.insertOrThrow(author(Map.of("name", "Ada", "email", "ada@example.com")));
    assertThatThrownBy(() -> repo.insert(author(Map.of("name", "Other", "email", "ada@example.com"))
        .uniqueConstraint(Authors.NAME)))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("constraint error when attempting to insert an Author")
        .hasMessageContaining("\"authors_email_index\" (unique constraint)")
        .hasMessageContaining("changeset.uniqueConstraint(Authors.EMAIL)")
        .hasMessageContaining("\"authors_name_index\" (unique, match exact)");
  }

  @Test
  void foreignKeyAndAssocConstraints(Repo repo) {
    Changeset<BookStruct> orphan = Changeset.cast(new BookStruct(), Map.of("title", "Lost", "authorId", "999"),
        Books.TITLE, Books.AUTHOR_ID);
    assertThat(errorOf(repo.insert(orphan.foreignKeyConstraint(Books.AUTHOR_ID))).errors()).containsExactly(
        new ChangesetError("authorId", "does not exist",
            Map.of("constraint", "foreign", "constraint_name", "books_author_id_fkey")));
    assertThat(errorOf(repo.insert(orphan.assocConstraint(Books.AUTHOR))).errors()).containsExactly(
        new ChangesetError("author", "does not exist",
            Map.of("constraint", "assoc", "constraint_name", "books_author_id_fkey")));
    assertThatThrownBy(() -> repo.insert(orphan))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("changeset.foreignKeyConstraint(Books.AUTHOR_ID)");
  }

  @Test
  void noAssocConstraintGuardsDeletes(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(author(Map.of("name", "Ada")));
    repo.insertOrThrow(new BookStruct().withTitle("Notes").withAuthorId(ada.id()));
    Changeset<AuthorStruct> kept = errorOf(repo.delete(Changeset.change(ada).noAssocConstraint(Authors.BOOKS)));
    assertThat(kept.errors()).containsExactly(new ChangesetError("books", "are still associated with this entry",
        Map.of("constraint", "no_assoc", "constraint_name", "books_author_id_fkey")));
    assertThat(kept.action()).contains(Changeset.Action.DELETE);
    assertThat(repo.get(Authors.SCHEMA, ada.id())).isPresent();
    assertThatThrownBy(() -> repo.delete(ada))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("changeset.noAssocConstraint(Authors.BOOKS)");
  }

  @Test
  void checkConstraintNeedsItsName(Repo repo) {
    Changeset<AuthorStruct> negative = author(Map.of("name", "Broke", "balance", "-5"));
    assertThat(errorOf(repo.insert(negative.checkConstraint(Authors.BALANCE, Constraint.name("balance_must_be_positive"))))
        .errors()).containsExactly(new ChangesetError("balance", "is invalid",
            Map.of("constraint", "check", "constraint_name", "balance_must_be_positive")));
    assertThatThrownBy(() -> negative.checkConstraint(Authors.BALANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the constraint's name");
    assertThatThrownBy(() -> repo.insert(negative))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("changeset.checkConstraint(<field>, Constraint.name(\"balance_must_be_positive\"))");
  }

  @Test
  void exclusionConstraint(Repo repo) {
    repo.insertOrThrow(new BookingStruct().withRoom("A").withStartSlot(1).withEndSlot(5));
    Changeset<BookingStruct> overlapping = Changeset.change(new BookingStruct().withRoom("A"))
        .putChange(Bookings.START_SLOT, 3).putChange(Bookings.END_SLOT, 8)
        .exclusionConstraint(Bookings.START_SLOT);
    assertThat(errorOf(repo.insert(overlapping)).errors()).containsExactly(
        new ChangesetError("startSlot", "violates an exclusion constraint",
            Map.of("constraint", "exclusion", "constraint_name", "bookings_start_slot_exclusion")));
  }

  @Test
  void updatesMapConstraintsToo(Repo repo) {
    repo.insertOrThrow(author(Map.of("name", "Ada", "email", "ada@example.com")));
    AuthorStruct grace = repo.insertOrThrow(author(Map.of("name", "Grace", "email", "grace@example.com")));
    Changeset<AuthorStruct> clash = errorOf(repo.update(
        Changeset.cast(grace, Map.of("email", "ada@example.com"), Authors.EMAIL).uniqueConstraint(Authors.EMAIL)));
    assertThat(clash.action()).contains(Changeset.Action.UPDATE);
    assertThat(repo.getOrThrow(Authors.SCHEMA, grace.id()).email()).isEqualTo("grace@example.com");
  }

  @Test
  void eightThreadsInsertingTheSameEmailLeaveExactlyOneRow(Repo repo) throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Result<AuthorStruct, Changeset<AuthorStruct>>>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      Callable<Result<AuthorStruct, Changeset<AuthorStruct>>> insert = () -> {
        start.await();
        return repo.insert(author(Map.of("name", "Racer " + n, "email", "same@example.com")).uniqueConstraint(Authors.EMAIL));
      };
      results.add(pool.submit(insert));
    }
    start.countDown();
    int ok = 0;
    int taken = 0;
    for (Future<Result<AuthorStruct, Changeset<AuthorStruct>>> result : results) {
      Result<AuthorStruct, Changeset<AuthorStruct>> outcome = result.get(30, TimeUnit.SECONDS);
      if (outcome.isOk()) {
        ok++;
      } else {
        assertThat(errorOf(outcome).errors().get(0).message()).isEqualTo("has already been taken");
        taken++;
      }
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(1);
    assertThat(taken).isEqualTo(threads - 1);
    assertThat(repo.aggregate(Authors.query(), Aggregate.count())).isEqualTo(1L);
  }
}
