package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.it.schemas.PublisherStruct;
import io.ecto4j.it.schemas.Publishers;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic locking, prepare_changes, and cast_assoc/put_assoc written in one transaction. */
@EctoTest
class WritesTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    LibrarySchema.truncate(db);
  }

  static Changeset<AuthorStruct> authorChangeset(AuthorStruct author, Map<String, ?> params) {
    return Changeset.cast(author, params, Authors.NAME, Authors.EMAIL).validateRequired(Authors.NAME);
  }

  static Changeset<BookStruct> bookChangeset(BookStruct book, Map<String, ?> params) {
    return Changeset.cast(book, params, Books.TITLE, Books.PAGES)
        .validateRequired(Books.TITLE)
        .validateLength(Books.TITLE, Length.min(2));
  }

  static Changeset<BioStruct> bioChangeset(BioStruct bio, Map<String, ?> params) {
    return Changeset.cast(bio, params, Bios.TEXT);
  }

  static Changeset<PublisherStruct> publisherChangeset(PublisherStruct publisher, Map<String, ?> params) {
    return Changeset.cast(publisher, params, Publishers.NAME).validateRequired(Publishers.NAME);
  }

  private static long count(Repo repo, io.ecto4j.meta.Table<?> table) {
    return repo.aggregate(io.ecto4j.query.Query.from(table), Aggregate.count());
  }

  // ---------------------------------------------------------------- optimistic lock

  @Test
  void optimisticLockIncrementsAndRefusesStaleWrites(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    assertThat(ada.lockVersion()).isEqualTo(1);
    AuthorStruct renamed = repo.updateOrThrow(Changeset.change(ada).putChange(Authors.NAME, "Ada L").optimisticLock(Authors.LOCK_VERSION));
    assertThat(renamed.lockVersion()).isEqualTo(2);
    Changeset<AuthorStruct> stale = Changeset.change(ada).putChange(Authors.NAME, "Stale").optimisticLock(Authors.LOCK_VERSION);
    assertThatThrownBy(() -> repo.update(stale))
        .isInstanceOf(StaleEntryException.class)
        .hasMessageContaining("lockVersion = 1")
        .satisfies(e -> assertThat(((StaleEntryException) e).changeset()).as("Ecto's StaleEntryError carries the changeset")
            .hasValueSatisfying(carried -> assertThat((Object) carried.data()).isEqualTo(ada)));
    assertThatThrownBy(() -> repo.delete(Changeset.change(ada).optimisticLock(Authors.LOCK_VERSION)))
        .isInstanceOf(StaleEntryException.class);
    assertThat(repo.delete(Changeset.change(renamed).optimisticLock(Authors.LOCK_VERSION)).isOk()).isTrue();
  }

  // ---------------------------------------------------------------- prepare_changes

  @Test
  void prepareChangesRunsInTheTransactionBeforeTheWrite(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    Changeset<BookStruct> book = bookChangeset(new BookStruct(), Map.of("title", "Notes"))
        .putChange(Books.AUTHOR_ID, ada.id())
        .prepareChanges(cs -> {
          repo.updateOrThrow(Changeset.change(repo.getOrThrow(Authors.SCHEMA, ada.id())).putChange(Authors.BALANCE, 10));
          return cs.putChange(Books.PAGES, 99);
        });
    BookStruct inserted = repo.insertOrThrow(book);
    assertThat(inserted.pages()).isEqualTo(99);
    assertThat(repo.getOrThrow(Authors.SCHEMA, ada.id()).balance()).isEqualTo(10);
  }

  /**
   * Ecto's {@code changeset.repo} in a prepare_changes callback: a preparer declared where no repo
   * is in scope reaches the repo writing the changeset, and its statements join the write's
   * transaction; outside a write the changeset has no repo.
   */
  @Test
  void aPreparerReachesTheRepoThatWritesTheChangeset(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    Changeset<BookStruct> book = bookChangeset(new BookStruct(), Map.of("title", "Notes"))
        .putChange(Books.AUTHOR_ID, ada.id())
        .prepareChanges(WritesTest::creditTheAuthor);
    assertThatThrownBy(() -> book.repo(Repo.class)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("this changeset has no repo yet");
    repo.insertOrThrow(book);
    assertThat(repo.getOrThrow(Authors.SCHEMA, ada.id()).balance()).isEqualTo(7);
  }

  /** A preparer as a schema's changeset function declares it: no repo in scope but the changeset's. */
  private static Changeset<BookStruct> creditTheAuthor(Changeset<BookStruct> book) {
    Repo writing = book.repo(Repo.class);
    long authorId = book.getField(Books.AUTHOR_ID);
    writing.updateOrThrow(Changeset.change(writing.getOrThrow(Authors.SCHEMA, authorId)).putChange(Authors.BALANCE, 7));
    return book;
  }

  @Test
  void aPreparerThatInvalidatesRollsBackItsStatements(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    Changeset<BookStruct> book = bookChangeset(new BookStruct(), Map.of("title", "Notes"))
        .prepareChanges(cs -> {
          repo.updateOrThrow(Changeset.change(repo.getOrThrow(Authors.SCHEMA, ada.id())).putChange(Authors.BALANCE, 10));
          return cs.addError(Books.TITLE, "not today");
        });
    Result<BookStruct, Changeset<BookStruct>> result = repo.insert(book);
    assertThat(result.isErr()).isTrue();
    assertThat(repo.getOrThrow(Authors.SCHEMA, ada.id()).balance()).isZero();
    assertThat(count(repo, Books.SCHEMA)).isZero();
  }

  // ---------------------------------------------------------------- cast_assoc

  @Test
  void castAssocInsertsParentAndChildrenTogether(Repo repo) {
    Map<String, Object> params = Map.of("name", "Ada", "books", List.of(Map.of("title", "Notes"), Map.of("title", "Sketches", "pages", "12")),
        "bio", Map.of("text", "Mathematician"));
    Changeset<AuthorStruct> cs = authorChangeset(new AuthorStruct(), params)
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset)
        .castAssoc(Authors.BIO, WritesTest::bioChangeset);
    AuthorStruct ada = repo.insertOrThrow(cs);
    assertThat(ada.books()).extracting(b -> ((BookStruct) b).title()).containsExactly("Notes", "Sketches");
    assertThat(ada.books()).allSatisfy(b -> assertThat(((BookStruct) b).authorId()).isEqualTo(ada.id()));
    assertThat(ada.bio().text()).isEqualTo("Mathematician");
    assertThat(ada.bio().authorId()).isEqualTo(ada.id());
    assertThat(count(repo, Books.SCHEMA)).isEqualTo(2);
  }

  @Test
  void anInvalidChildMakesTheWholeChangesetInvalidAndWritesNothing(Repo repo) {
    Map<String, Object> params = Map.of("name", "Ada", "books", List.of(Map.of("title", "Notes"), Map.of("title", "x")));
    Changeset<AuthorStruct> cs = authorChangeset(new AuthorStruct(), params).castAssoc(Authors.BOOKS, WritesTest::bookChangeset);
    assertThat(cs.isValid()).isFalse();
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.traverseErrors()).isEqualTo(Map.of("books", List.of(Map.of(), Map.of("title", List.of("should be at least 2 character(s)")))));
    assertThat(repo.insert(cs).isErr()).isTrue();
    assertThat(count(repo, Authors.SCHEMA)).isZero();
  }

  @Test
  void aChildsConstraintErrorRollsBackTheParent(Repo repo) {
    Map<String, Object> params = Map.of("name", "Ada", "books", List.of(Map.of("title", "Notes")));
    Changeset<AuthorStruct> cs = authorChangeset(new AuthorStruct(), params)
        .castAssoc(Authors.BOOKS, (book, p) -> bookChangeset(book, p).putChange(Books.PUBLISHER_ID, 404L)
            .foreignKeyConstraint(Books.PUBLISHER_ID));
    Result<AuthorStruct, Changeset<AuthorStruct>> result = repo.insert(cs);
    assertThat(result.isErr()).isTrue();
    Changeset<AuthorStruct> failed = ((Result.Err<AuthorStruct, Changeset<AuthorStruct>>) result).error();
    assertThat(failed.traverseErrors()).isEqualTo(Map.of("books", List.of(Map.of("publisherId", List.of("does not exist")))));
    assertThat(count(repo, Authors.SCHEMA)).isZero();
  }

  @Test
  void castAssocUpdatesKeepsAndReplacesLoadedChildren(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(authorChangeset(new AuthorStruct(), Map.of("name", "Ada",
        "books", List.of(Map.of("title", "Keep"), Map.of("title", "Edit"), Map.of("title", "Drop"))))
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset));
    List<BookStruct> books = repo.all(Books.query().where(Books.AUTHOR_ID.eq(ada.id())).orderBy(Books.ID.asc()));
    AuthorStruct loaded = ada.withBooks(List.copyOf(books));
    Map<String, Object> params = Map.of("books", List.of(
        Map.of("id", books.get(0).id()),
        Map.of("id", String.valueOf(books.get(1).id()), "title", "Edited"),
        Map.of("title", "New")));

    assertThatThrownBy(() -> authorChangeset(loaded, params).castAssoc(Authors.BOOKS, WritesTest::bookChangeset))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("on_replace option is RAISE");

    AuthorStruct updated = repo.updateOrThrow(authorChangeset(loaded, params)
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset, AssocOption.onReplace(OnReplace.DELETE)));
    assertThat(updated.books()).extracting(b -> ((BookStruct) b).title()).containsExactly("Keep", "Edited", "New");
    assertThat(repo.all(Books.query().orderBy(Books.ID.asc()))).extracting(BookStruct::title).containsExactly("Keep", "Edited", "New");
  }

  @Test
  void nilifyKeepsReplacedChildrenWithoutTheirParent(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(authorChangeset(new AuthorStruct(), Map.of("name", "Ada",
        "books", List.of(Map.of("title", "Orphan")))).castAssoc(Authors.BOOKS, WritesTest::bookChangeset));
    AuthorStruct loaded = ada.withBooks(List.copyOf(repo.all(Books.query())));
    repo.updateOrThrow(authorChangeset(loaded, Map.of("books", List.of()))
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset, AssocOption.onReplace(OnReplace.NILIFY)));
    assertThat(repo.all(Books.SCHEMA)).singleElement().satisfies(b -> assertThat(b.authorId()).isNull());
  }

  @Test
  void markAsInvalidAndRequired(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(authorChangeset(new AuthorStruct(), Map.of("name", "Ada",
        "books", List.of(Map.of("title", "Only")))).castAssoc(Authors.BOOKS, WritesTest::bookChangeset));
    AuthorStruct loaded = ada.withBooks(List.copyOf(repo.all(Books.query())));
    Changeset<AuthorStruct> cs = authorChangeset(loaded, Map.of("books", List.of()))
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset, AssocOption.onReplace(OnReplace.MARK_AS_INVALID));
    assertThat(cs.traverseErrors()).isEqualTo(Map.of("books", List.of("is invalid")));
    Changeset<AuthorStruct> required = authorChangeset(new AuthorStruct(), Map.of("name", "Bo", "books", List.of()))
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset, AssocOption.required());
    assertThat(required.traverseErrors()).isEqualTo(Map.of("books", List.of("can't be blank")));
    Changeset<AuthorStruct> badShape = authorChangeset(new AuthorStruct(), Map.of("name", "Bo", "books", "not a list"))
        .castAssoc(Authors.BOOKS, WritesTest::bookChangeset);
    assertThat(badShape.errors().get(0).keys()).containsEntry("type", "list<map>");
  }

  @Test
  void castAssocOnAStoredStructNeedsItPreloaded(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    assertThatThrownBy(() -> authorChangeset(ada, Map.of("books", List.of())).castAssoc(Authors.BOOKS, WritesTest::bookChangeset))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Authors.BOOKS is not loaded")
        .hasMessageContaining("repo.preload(struct, Authors.BOOKS)");
  }

  @Test
  void hasOneUpdateInPlace(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(authorChangeset(new AuthorStruct(), Map.of("name", "Ada",
        "bio", Map.of("text", "First"))).castAssoc(Authors.BIO, WritesTest::bioChangeset));
    AuthorStruct updated = repo.updateOrThrow(authorChangeset(ada, Map.of("bio", Map.of("text", "Second")))
        .castAssoc(Authors.BIO, WritesTest::bioChangeset, AssocOption.onReplace(OnReplace.UPDATE)));
    assertThat(updated.bio().text()).isEqualTo("Second");
    assertThat(repo.all(Bios.SCHEMA)).singleElement().satisfies(b -> assertThat(b.text()).isEqualTo("Second"));
  }

  /**
   * Ports assoc.exs "has_one changeset assoc (on_replace: :update)", its last part: under on_replace
   * UPDATE only the current child may change, by attributes; a new struct, or another stored one,
   * is refused with Ecto's "you are only allowed to update the existing entry".
   */
  @Test
  void hasOneOnReplaceUpdateRefusesANewOrOtherStruct(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(Changeset.change(new AuthorStruct().withName("Ada"))
        .putAssoc(Authors.BIO, new BioStruct().withText("1")));
    BioStruct first = ada.bio();
    AuthorStruct updated = repo.updateOrThrow(Changeset.change(ada).putAssoc(Authors.BIO, Map.of("text", "2")));
    assertThat(updated.bio().id()).isEqualTo(first.id());
    assertThat(updated.bio().text()).isEqualTo("2");

    assertThatThrownBy(() -> Changeset.change(updated).putAssoc(Authors.BIO, new BioStruct().withText("4")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("you are only allowed to update the existing entry");
    BioStruct other = repo.insertOrThrow(new BioStruct().withText("5"));
    assertThatThrownBy(() -> Changeset.change(updated).putAssoc(Authors.BIO, other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("you are only allowed to update the existing entry");
    assertThat(repo.getOrThrow(Bios.SCHEMA, first.id()).text()).isEqualTo("2");
  }

  @Test
  void theAssociationsDeclaredOnReplaceIsTheDefault(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(authorChangeset(new AuthorStruct(), Map.of("name", "Ada",
        "bio", Map.of("text", "First"))).castAssoc(Authors.BIO, WritesTest::bioChangeset));
    assertThat(Authors.BIO.onReplace()).isEqualTo(OnReplace.UPDATE);
    AuthorStruct updated = repo.updateOrThrow(authorChangeset(ada, Map.of("bio", Map.of("text", "Declared")))
        .castAssoc(Authors.BIO, WritesTest::bioChangeset));
    assertThat(updated.bio().text()).isEqualTo("Declared");
    assertThat(repo.all(Bios.SCHEMA)).singleElement().satisfies(b -> assertThat(b.text()).isEqualTo("Declared"));
    assertThat(Authors.BOOKS.onReplace()).isEqualTo(OnReplace.RAISE);
  }

  @Test
  void belongsToIsWrittenFirstAndItsKeySet(Repo repo) {
    Changeset<BookStruct> cs = bookChangeset(new BookStruct(), Map.of("title", "Notes", "publisher", Map.of("name", "Penguin")))
        .castAssoc(Books.PUBLISHER, WritesTest::publisherChangeset);
    BookStruct book = repo.insertOrThrow(cs);
    assertThat(book.publisher().name()).isEqualTo("Penguin");
    assertThat(book.publisherId()).isEqualTo(book.publisher().id());
  }

  @Test
  void putAssocTakesStructsAndChangesets(Repo repo) {
    AuthorStruct ada = repo.insertOrThrow(Changeset.change(new AuthorStruct().withName("Ada"))
        .putAssoc(Authors.BOOKS, List.of(new BookStruct().withTitle("One"),
            bookChangeset(new BookStruct(), Map.of("title", "Two")))));
    assertThat(repo.all(Books.query().where(Books.AUTHOR_ID.eq(ada.id())))).extracting(BookStruct::title)
        .containsExactlyInAnyOrder("One", "Two");
    assertThatThrownBy(() -> Changeset.change(new AuthorStruct()).putAssoc(Authors.BOOKS, List.of("a string")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes Book structs or changesets");
  }
}
