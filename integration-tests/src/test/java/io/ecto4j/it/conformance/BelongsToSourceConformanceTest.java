package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.OptionAuthorStruct;
import io.ecto4j.it.schemas.OptionAuthors;
import io.ecto4j.it.schemas.OptionBookStruct;
import io.ecto4j.it.schemas.OptionBooks;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code belongs_to :author, Author, source: :author_uuid}: the foreign key field
 * ({@code authorId}) is named apart from its column ({@code author_uuid}), and everything that
 * touches the key in SQL, the DDL, preloads both ways, joins, association writes and constraint
 * names, uses the column.
 */
@EctoTest(sandbox = true)
class BelongsToSourceConformanceTest {
  private final List<QueryEvent> events = new ArrayList<>();

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(OptionAuthors.DDL);
    db.execute(OptionBooks.DDL);
  }

  /** Ports schema_test.exs "sources metadata" for a foreign key: the field and its column. */
  @Test
  void foreignKeyFieldHasItsOwnColumn() {
    assertThat(OptionBooks.AUTHOR_ID.name()).isEqualTo("authorId");
    assertThat(OptionBooks.AUTHOR_ID.column()).isEqualTo("author_uuid");
    assertThat(OptionBooks.DDL).contains("\"author_uuid\" bigint REFERENCES \"option_authors\" (\"id\")")
        .contains("\"option_books_author_uuid_index\"");
    assertThat(OptionBooks.AUTHOR.ownerField()).isSameAs(OptionBooks.AUTHOR_ID);
    assertThat(OptionAuthors.BOOKS.relatedField()).isSameAs(OptionBooks.AUTHOR_ID);
  }

  /** Preloads both ways and a join on the association, each matching rows by the column. */
  @Test
  void preloadsAndJoinsUseTheColumn(Repo repo) {
    OptionAuthorStruct ada = repo.insertOrThrow(new OptionAuthorStruct().withName("Ada"));
    OptionBookStruct book = repo.insertOrThrow(new OptionBookStruct().withTitle("Notes").withAuthorId(ada.id()));
    Repo observed = repo.withListener(events::add);

    OptionAuthorStruct withBooks = observed.preload(ada, OptionAuthors.BOOKS);
    assertThat(events.get(events.size() - 1).sql()).contains("\"author_uuid\" = ANY(");
    assertThat(OptionAuthors.BOOKS.structs(withBooks)).extracting(OptionBookStruct::title).containsExactly("Notes");
    assertThat(observed.preload(book, OptionBooks.AUTHOR).author().name()).isEqualTo("Ada");

    List<OptionBookStruct> joined = observed.all(OptionBooks.query().join(OptionBooks.AUTHOR)
        .where(OptionAuthors.NAME.eq("Ada")));
    assertThat(events.get(events.size() - 1).sql()).contains("\"author_uuid\"");
    assertThat(joined).extracting(OptionBookStruct::id).containsExactly(book.id());
  }

  /**
   * A has_many's write sets the key by its column, and the foreign key constraint PostgreSQL names
   * {@code option_books_author_uuid_fkey} (Ecto's default name, from the column) becomes the field's error.
   */
  @Test
  void associationWritesAndConstraintsUseTheColumn(Repo repo) {
    OptionAuthorStruct ada = repo.insertOrThrow(new OptionAuthorStruct().withName("Ada"));
    OptionAuthorStruct saved = repo.insertOrThrow(Changeset.change(new OptionAuthorStruct().withName("Grace"))
        .putAssoc(OptionAuthors.BOOKS, List.of(Map.of("title", "Compilers"))));
    OptionBookStruct child = repo.one(Query.from(OptionBooks.SCHEMA).where(OptionBooks.TITLE.eq("Compilers")))
        .orElseThrow();
    assertThat(child.authorId()).isEqualTo(saved.id());
    assertThat(ada.id()).isNotEqualTo(saved.id());

    Result<OptionBookStruct, Changeset<OptionBookStruct>> orphan = repo.insert(
        Changeset.change(new OptionBookStruct().withTitle("Lost").withAuthorId(-1L))
            .foreignKeyConstraint(OptionBooks.AUTHOR_ID));
    assertThat(orphan).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<OptionBookStruct, Changeset<OptionBookStruct>>) orphan).error().errors())
        .extracting(error -> error.field() + ": " + error.message()).containsExactly("authorId: does not exist");
  }
}
