package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of the association-changeset tests of Ecto's {@code integration_test/cases/assoc.exs}
 * (issue #16) on PostgreSQL: an author's {@code bio} (has_one) for Ecto's post's permalink, its
 * {@code books} (has_many) for a post's comments, and a book's {@code author} (belongs_to).
 */
@EctoTest(sandbox = true)
class AssocWritesConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  private static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name);
  }

  private static <S> long count(Repo repo, Table<S> table) {
    return repo.all(Query.from(table)).size();
  }

  private static AuthorStruct reloaded(Repo repo, AuthorStruct author) {
    return repo.preload(repo.getOrThrow(Authors.SCHEMA, author.id()), Authors.BIO, Authors.BOOKS);
  }

  /** Runs the has_one steps of Ecto's "has_one changeset assoc" tests with {@code onReplace}. */
  private static AuthorStruct hasOneSteps(Repo repo, AssocOption onReplace) {
    AuthorStruct author = repo.insertOrThrow(Changeset.change(author("1")).putAssoc(Authors.BIO, new BioStruct().withText("1")));
    BioStruct bio = author.bio();
    assertThat(bio.id()).isNotNull();
    assertThat(bio.authorId()).isEqualTo(author.id());
    assertThat(reloaded(repo, author).bio().text()).isEqualTo("1");

    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BIO, new BioStruct().withText("2"),
        onReplace));
    assertThat(author.bio().authorId()).isEqualTo(author.id());
    assertThat(reloaded(repo, author).bio().text()).isEqualTo("2");
    return author;
  }

  /** Ports assoc.exs "has_one changeset assoc (on_replace: :delete)". */
  @Test
  void hasOneOnReplaceDelete(Repo repo) {
    AssocOption delete = AssocOption.onReplace(OnReplace.DELETE);
    AuthorStruct author = hasOneSteps(repo, delete);

    BioStruct existing = repo.insertOrThrow(new BioStruct().withText("3"));
    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BIO, existing, delete));
    assertThat(author.bio().id()).isEqualTo(existing.id());
    assertThat(author.bio().authorId()).isEqualTo(author.id());
    assertThat(reloaded(repo, author).bio().text()).isEqualTo("3");

    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BIO, (BioStruct) null, delete));
    assertThat(author.bio()).isNull();
    assertThat(reloaded(repo, author).bio()).isNull();
    assertThat(count(repo, Bios.SCHEMA)).isZero();
  }

  /** Ports assoc.exs "has_one changeset assoc (on_replace: :nilify)": the replaced bios stay, without their author. */
  @Test
  void hasOneOnReplaceNilify(Repo repo) {
    AssocOption nilify = AssocOption.onReplace(OnReplace.NILIFY);
    AuthorStruct author = hasOneSteps(repo, nilify);
    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BIO, (BioStruct) null, nilify));
    assertThat(author.bio()).isNull();
    assertThat(reloaded(repo, author).bio()).isNull();
    assertThat(count(repo, Bios.SCHEMA)).isEqualTo(2);
  }

  /** Ports assoc.exs "has_many changeset assoc (on_replace: :delete)". */
  @Test
  void hasManyOnReplaceDelete(Repo repo) {
    AssocOption delete = AssocOption.onReplace(OnReplace.DELETE);
    BookStruct first = repo.insertOrThrow(new BookStruct().withTitle("1"));
    AuthorStruct author = repo.insertOrThrow(Changeset.change(author("1"))
        .putAssoc(Authors.BOOKS, List.of(new BookStruct().withTitle("2"))));
    BookStruct second = (BookStruct) author.books().get(0);
    assertThat(second.id()).isNotNull();
    assertThat(second.authorId()).isEqualTo(author.id());

    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BOOKS, List.of(
        Changeset.change(first).putChange(Books.TITLE, "11"), Changeset.change(second).putChange(Books.TITLE, "22")),
        delete));
    AuthorStruct updated = author;
    assertThat(author.books()).extracting(b -> ((BookStruct) b).authorId()).containsOnly(updated.id());
    assertThat(reloaded(repo, author).books()).extracting(io.ecto4j.it.schemas.Book::title).containsExactlyInAnyOrder("11", "22");

    author = repo.updateOrThrow(Changeset.change(reloaded(repo, author)).putAssoc(Authors.BOOKS, List.of(), delete));
    assertThat(author.books()).isEmpty();
    assertThat(reloaded(repo, author).books()).isEmpty();
    assertThat(count(repo, Books.SCHEMA)).isZero();
  }

  /** Ports assoc.exs "belongs_to changeset assoc (on_replace: :update)". */
  @Test
  void belongsToOnReplaceUpdate(Repo repo) {
    AssocOption update = AssocOption.onReplace(OnReplace.UPDATE);
    BookStruct book = repo.insertOrThrow(Changeset.change(new BookStruct().withTitle("1"))
        .putAssoc(Books.AUTHOR, author("1"), update));
    AuthorStruct author = book.author();
    assertThat(book.authorId()).isNotNull().isEqualTo(author.id());

    book = repo.updateOrThrow(Changeset.cast(book, Map.of("author", Map.of("name", "2")))
        .castAssoc(Books.AUTHOR, (AuthorStruct a, Map<String, ?> p) -> Changeset.cast(a, p, Authors.NAME), update));
    assertThat(book.author().id()).isEqualTo(author.id());
    assertThat(book.authorId()).isEqualTo(author.id());
    assertThat(book.author().name()).isEqualTo("2");
    assertThat(repo.getOrThrow(Authors.SCHEMA, author.id()).name()).isEqualTo("2");

    book = repo.updateOrThrow(Changeset.change(book).putAssoc(Books.AUTHOR, (AuthorStruct) null, update));
    assertThat(book.author()).isNull();
    assertThat(book.authorId()).isNull();
    assertThat(repo.getOrThrow(Books.SCHEMA, book.id()).authorId()).isNull();
  }

  /** Ports assoc.exs "inserting changeset with empty cast associations". */
  @Test
  void insertingWithEmptyCastAssociations(Repo repo) {
    Map<String, Object> params = new HashMap<>(Map.of("title", "root"));
    params.put("author", null);
    BookStruct book = repo.insertOrThrow(Changeset.cast(new BookStruct(), params, Books.TITLE)
        .castAssoc(Books.AUTHOR, (AuthorStruct a, Map<String, ?> p) -> Changeset.cast(a, p, Authors.NAME)));
    assertThat(book.author()).isNull();

    AuthorStruct author = repo.insertOrThrow(Changeset.cast(new AuthorStruct(), Map.of("name", "root", "books", List.of()),
        Authors.NAME).castAssoc(Authors.BOOKS, (BookStruct b, Map<String, ?> p) -> Changeset.cast(b, p, Books.TITLE)));
    assertThat(author.books()).isEmpty();
  }

  /** Ports assoc.exs "inserting changeset with empty put associations". */
  @Test
  void insertingWithEmptyPutAssociations(Repo repo) {
    BookStruct book = repo.insertOrThrow(Changeset.change(new BookStruct().withTitle("root"))
        .putAssoc(Books.AUTHOR, (AuthorStruct) null));
    assertThat(book.author()).isNull();
    AuthorStruct author = repo.insertOrThrow(Changeset.change(author("root")).putAssoc(Authors.BOOKS, List.of()));
    assertThat(author.books()).isEmpty();
  }

  /** Ports assoc.exs "updating changeset with empty cast associations": putting no books deletes the loaded ones. */
  @Test
  void updatingWithAnEmptyListDeletesTheChildren(Repo repo) {
    AuthorStruct author = repo.insertOrThrow(author("a"));
    repo.insertOrThrow(new BookStruct().withTitle("1").withAuthorId(author.id()));
    repo.insertOrThrow(new BookStruct().withTitle("2").withAuthorId(author.id()));
    assertThat(count(repo, Books.SCHEMA)).isEqualTo(2);

    repo.updateOrThrow(Changeset.change(reloaded(repo, author))
        .putAssoc(Authors.BOOKS, List.of(), AssocOption.onReplace(OnReplace.DELETE)));
    assertThat(count(repo, Books.SCHEMA)).isZero();
  }

  /** Ports repo.exs "no assoc constraint with changeset match" (an author's bio for a user's permalink). */
  @Test
  void noAssocConstraintMatchIsAnError(Repo repo) {
    AuthorStruct author = repo.insertOrThrow(author("a"));
    repo.insertOrThrow(new BioStruct().withText("b").withAuthorId(author.id()));
    Result<AuthorStruct, Changeset<AuthorStruct>> result =
        repo.delete(Changeset.change(author).noAssocConstraint(Authors.BIO));
    assertThat(result.isErr()).isTrue();
    result.ifErr(changeset -> assertThat(changeset.errors()).containsExactly(new ChangesetError("bio",
        "is still associated with this entry", Map.of("constraint", "no_assoc", "constraint_name", "bios_author_id_fkey"))));
  }

  /** Ports repo.exs "no assoc constraint with changeset mismatch": the exception names the violated constraint. */
  @Test
  void noAssocConstraintMismatchThrows(Repo repo) {
    AuthorStruct author = repo.insertOrThrow(author("a"));
    repo.insertOrThrow(new BioStruct().withText("b").withAuthorId(author.id()));
    assertThatThrownBy(() -> repo.delete(Changeset.change(author)
        .noAssocConstraint(Authors.BIO, Constraint.name("bios_author_id_other"))))
        .isInstanceOf(ConstraintException.class)
        .hasMessageContaining("constraint error when attempting to delete")
        .hasMessageContaining("bios_author_id_fkey");
  }

  /**
   * Ports assoc.exs "has_one changeset assoc (on_replace: :delete_if_exists)": replacing a child
   * deleted meanwhile is stale with DELETE and no error with DELETE_IF_EXISTS.
   */
  @Test
  void hasOneOnReplaceDeleteIfExists(Repo repo) {
    AuthorStruct author = repo.insertOrThrow(Changeset.change(author("a")).putAssoc(Authors.BIO, new BioStruct().withText("1")));
    repo.deleteOrThrow(author.bio());

    assertThatThrownBy(() -> repo.update(Changeset.change(author)
        .putAssoc(Authors.BIO, (BioStruct) null, AssocOption.onReplace(OnReplace.DELETE))))
        .isInstanceOf(StaleEntryException.class);
    AuthorStruct updated = repo.updateOrThrow(Changeset.change(author)
        .putAssoc(Authors.BIO, (BioStruct) null, AssocOption.onReplace(OnReplace.DELETE_IF_EXISTS)));
    assertThat(updated.bio()).isNull();
  }

  /** Ports assoc.exs "has_many changeset assoc (on_replace: :delete_if_exists)". */
  @Test
  void hasManyOnReplaceDeleteIfExists(Repo repo) {
    AuthorStruct author = repo.insertOrThrow(Changeset.change(author("a"))
        .putAssoc(Authors.BOOKS, List.of(new BookStruct().withTitle("1"))));
    repo.deleteOrThrow((BookStruct) author.books().get(0));

    assertThatThrownBy(() -> repo.update(Changeset.change(author)
        .putAssoc(Authors.BOOKS, List.of(), AssocOption.onReplace(OnReplace.DELETE))))
        .isInstanceOf(StaleEntryException.class);
    AuthorStruct updated = repo.updateOrThrow(Changeset.change(author)
        .putAssoc(Authors.BOOKS, List.of(), AssocOption.onReplace(OnReplace.DELETE_IF_EXISTS)));
    assertThat(updated.books()).isEmpty();
  }
}
