package io.ecto4j.it.conformance;

import static io.ecto4j.it.conformance.States.deleted;
import static io.ecto4j.it.conformance.States.loaded;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Struct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code putAssoc} decides a child's action by its metadata, Ecto's {@code action_from_changeset}:
 * a built child is inserted, a loaded one updated, a deleted one deleted; attributes applied to a
 * current child take its state. Ecto's {@code Ecto.put_meta(x, state: :loaded)} is
 * {@code x.withMeta(x.meta().withState(LOADED))} here.
 */
class AssocStateConformanceTest {

  /** The one child change of {@code association}, its action and its changes. */
  private static <S extends Struct<S>, C extends Struct<C>> void assertChild(Changeset<S> parent,
      Association<S, C> association, Changeset.Action action, Map<?, ?> changes) {
    assertThat(parent.getAssoc(association)).singleElement().satisfies(child -> {
      assertThat(child.action()).contains(action);
      assertThat(child.changes()).isEqualTo(changes);
    });
  }

  private static <S extends Struct<S>, C extends Struct<C>> void assertAction(Changeset<S> parent,
      Association<S, C> association, Changeset.Action action) {
    assertThat(parent.getAssoc(association)).singleElement()
        .satisfies(child -> assertThat(child.action()).contains(action));
  }

  /** Ports has_assoc_test.exs "change has_one with attributes". */
  @Test
  void changeHasOneWithAttributes() {
    Map<?, ?> michal = Map.of(Bios.TEXT, "michal");
    assertChild(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, michal), Authors.BIO,
        Changeset.Action.INSERT, Map.of(Bios.TEXT, "michal"));
    BioStruct other = new BioStruct().withText("other");
    assertChild(Changeset.change(new AuthorStruct().withBio(loaded(other))).putAssoc(Authors.BIO, michal),
        Authors.BIO, Changeset.Action.UPDATE, Map.of(Bios.TEXT, "michal"));
    assertChild(Changeset.change(new AuthorStruct().withBio(other)).putAssoc(Authors.BIO, michal),
        Authors.BIO, Changeset.Action.INSERT, Map.of(Bios.TEXT, "michal"));
  }

  /** Ports has_assoc_test.exs "change has_one with structs". */
  @Test
  void changeHasOneWithStructs() {
    BioStruct bio = new BioStruct().withText("michal");
    assertAction(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, bio), Authors.BIO, Changeset.Action.INSERT);
    assertAction(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, loaded(bio)), Authors.BIO,
        Changeset.Action.UPDATE);
    assertAction(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, deleted(bio)), Authors.BIO,
        Changeset.Action.DELETE);
  }

  /** Ports has_assoc_test.exs "change has_many with attributes". */
  @Test
  void changeHasManyWithAttributes() {
    List<Map<?, ?>> hello = List.of(Map.of(Books.TITLE, "hello"));
    assertChild(Changeset.change(new AuthorStruct().withBooks(List.of())).putAssoc(Authors.BOOKS, hello),
        Authors.BOOKS, Changeset.Action.INSERT, Map.of(Books.TITLE, "hello"));
    BookStruct other = new BookStruct().withTitle("other");
    assertChild(Changeset.change(new AuthorStruct().withBooks(List.of(loaded(other)))).putAssoc(Authors.BOOKS, hello),
        Authors.BOOKS, Changeset.Action.UPDATE, Map.of(Books.TITLE, "hello"));
    assertChild(Changeset.change(new AuthorStruct().withBooks(List.of(other))).putAssoc(Authors.BOOKS, hello),
        Authors.BOOKS, Changeset.Action.INSERT, Map.of(Books.TITLE, "hello"));
  }

  /** Ports has_assoc_test.exs "change has_many with structs": a key does not make a built child stored. */
  @Test
  void changeHasManyWithStructs() {
    BookStruct book = new BookStruct().withTitle("hello");
    AuthorStruct author = new AuthorStruct().withBooks(List.of());
    assertAction(Changeset.change(author).putAssoc(Authors.BOOKS, List.of(book)), Authors.BOOKS,
        Changeset.Action.INSERT);
    assertAction(Changeset.change(author).putAssoc(Authors.BOOKS, List.of(book.withId(1L))), Authors.BOOKS,
        Changeset.Action.INSERT);
    assertAction(Changeset.change(author).putAssoc(Authors.BOOKS, List.of(loaded(book))), Authors.BOOKS,
        Changeset.Action.UPDATE);
    assertAction(Changeset.change(author).putAssoc(Authors.BOOKS, List.of(deleted(book))), Authors.BOOKS,
        Changeset.Action.DELETE);
  }

  /** Ports belongs_to_test.exs "change belongs_to with attributes", empty attributes included. */
  @Test
  void changeBelongsToWithAttributes() {
    Map<?, ?> michal = Map.of(Authors.NAME, "michal");
    assertChild(Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, michal), Books.AUTHOR,
        Changeset.Action.INSERT, Map.of(Authors.NAME, "michal"));
    AuthorStruct other = new AuthorStruct().withName("other");
    assertChild(Changeset.change(new BookStruct().withAuthor(loaded(other))).putAssoc(Books.AUTHOR, michal),
        Books.AUTHOR, Changeset.Action.UPDATE, Map.of(Authors.NAME, "michal"));
    assertChild(Changeset.change(new BookStruct().withAuthor(other)).putAssoc(Books.AUTHOR, michal),
        Books.AUTHOR, Changeset.Action.INSERT, Map.of(Authors.NAME, "michal"));
    assertChild(Changeset.change(new BookStruct().withAuthor(other)).putAssoc(Books.AUTHOR, Map.of()),
        Books.AUTHOR, Changeset.Action.INSERT, Map.of());
  }

  /** Ports belongs_to_test.exs "change belongs_to with struct". */
  @Test
  void changeBelongsToWithStruct() {
    AuthorStruct author = new AuthorStruct().withName("michal");
    assertAction(Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, author), Books.AUTHOR,
        Changeset.Action.INSERT);
    assertAction(Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, loaded(author)), Books.AUTHOR,
        Changeset.Action.UPDATE);
    assertAction(Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, deleted(author)), Books.AUTHOR,
        Changeset.Action.DELETE);
  }

  /** Ports many_to_many_test.exs "change many_to_many with attributes". */
  @Test
  void changeManyToManyWithAttributes() {
    List<Map<?, ?>> hello = List.of(Map.of(Tags.NAME, "hello"));
    assertChild(Changeset.change(new PostStruct().withTags(List.of())).putAssoc(Posts.TAGS, hello), Posts.TAGS,
        Changeset.Action.INSERT, Map.of(Tags.NAME, "hello"));
    TagStruct other = loaded(new TagStruct().withName("other"));
    assertChild(Changeset.change(new PostStruct().withTags(List.of(other))).putAssoc(Posts.TAGS, hello), Posts.TAGS,
        Changeset.Action.UPDATE, Map.of(Tags.NAME, "hello"));
  }

  /** Ports many_to_many_test.exs "change many_to_many with structs". */
  @Test
  void changeManyToManyWithStructs() {
    TagStruct tag = new TagStruct().withName("hello");
    PostStruct post = new PostStruct().withTags(List.of());
    assertAction(Changeset.change(post).putAssoc(Posts.TAGS, List.of(tag)), Posts.TAGS, Changeset.Action.INSERT);
    assertAction(Changeset.change(post).putAssoc(Posts.TAGS, List.of(loaded(tag))), Posts.TAGS,
        Changeset.Action.UPDATE);
    assertAction(Changeset.change(post).putAssoc(Posts.TAGS, List.of(deleted(tag))), Posts.TAGS,
        Changeset.Action.DELETE);
  }
}
