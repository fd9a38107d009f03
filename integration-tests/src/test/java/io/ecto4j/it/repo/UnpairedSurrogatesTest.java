package io.ecto4j.it.repo;

import static io.ecto4j.query.Functions.like;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.UnpairedSurrogateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A String with an unpaired UTF-16 surrogate has no UTF-8 form: the driver would store or match
 * {@code ?} in its place. Casting refuses it as {@code is invalid}; every other value position
 * refuses it with {@link UnpairedSurrogateException} before the statement runs.
 */
@EctoTest(sandbox = true)
class UnpairedSurrogatesTest {
  private static final String LONE_HIGH = "a\uD800b";
  private static final String LONE_LOW = "\uDC00";
  /** What the driver would have made of {@link #LONE_HIGH}. */
  private static final String CORRUPTED = "a?b";

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static PostStruct post(String title) {
    return new PostStruct().withTitle(title).withBody("body");
  }

  private static long posts(Repo repo) {
    return repo.aggregate(Posts.query(), Aggregate.count());
  }

  private static long samples(Repo repo) {
    return repo.aggregate(Samples.query(), Aggregate.count());
  }

  @Test
  void withoutTheCheckTheDriverStoresAQuestionMark(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT ?::text")) {
      statement.setString(1, LONE_HIGH);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        assertThat(row.getString(1)).as("why ecto4j checks: the value is silently replaced").isEqualTo(CORRUPTED);
      }
    }
  }

  @Test
  void castingMakesTheFieldInvalidAndNothingIsWritten(Repo repo) {
    Changeset<PostStruct> changeset = Changeset.cast(new PostStruct(),
        Map.of("title", LONE_HIGH, "body", "fine 😀"), Posts.TITLE, Posts.BODY);

    assertThat(changeset.isValid()).isFalse();
    assertThat(changeset.errors()).containsExactly(
        new ChangesetError("title", "is invalid", Map.of("type", "string", "validation", "cast")));
    assertThat(changeset.getChange(Posts.BODY)).contains("fine 😀");
    assertThat(repo.insert(changeset).isErr()).isTrue();
    assertThat(posts(repo)).isZero();
  }

  @Test
  void castingRefusesBadListElementsAndJsonStringsAndKeys(Repo repo) {
    Changeset<SampleStruct> changeset = Changeset.cast(new SampleStruct(), Map.of(
        "strings", List.of("ok", LONE_LOW),
        "texts", List.of(LONE_HIGH),
        "document", Map.of("nested", Map.of("list", List.of("fine", LONE_HIGH))),
        "string", "😀"), Samples.STRINGS, Samples.TEXTS, Samples.DOCUMENT, Samples.STRING);
    Changeset<SampleStruct> badKey = Changeset.cast(new SampleStruct(),
        Map.of("document", Map.of("ok", Map.of("k" + LONE_LOW, 1))), Samples.DOCUMENT);

    assertThat(changeset.errors()).extracting(ChangesetError::field).containsExactly("strings", "texts", "document");
    assertThat(changeset.errorsOn(Samples.DOCUMENT)).containsExactly(
        new ChangesetError("document", "is invalid", Map.of("type", "map", "validation", "cast")));
    assertThat(changeset.getChange(Samples.STRING)).contains("😀");
    assertThat(badKey.errorsOn(Samples.DOCUMENT)).hasSize(1);
    assertThat(repo.insert(changeset).isErr()).isTrue();
    assertThat(samples(repo)).isZero();
  }

  @Test
  void insertingAStructWithABadStringWritesNothing(Repo repo) {
    assertThatThrownBy(() -> repo.insert(post(LONE_HIGH)))
        .isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageContaining("Post.title (parameter ")
        .hasMessageContaining("in: INSERT INTO \"posts\"");
    assertThatThrownBy(() -> repo.insert(post("fine").withBody(LONE_LOW)))
        .isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageContaining("Post.body (parameter ")
        .hasMessageContaining("unpaired low surrogate \\uDC00");
    assertThatThrownBy(() -> repo.insert(post(LONE_HIGH).withId(77L)))
        .as("with a given key").isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insert(Changeset.change(post("fine")).putChange(Posts.TITLE, LONE_LOW)))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThat(posts(repo)).isZero();
  }

  @Test
  void updatingThroughPutChangeNamesTheFieldAndKeepsTheRow(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("original"));
    Changeset<PostStruct> changeset = Changeset.change(stored).putChange(Posts.TITLE, LONE_HIGH);

    assertThatThrownBy(() -> repo.update(changeset))
        .isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageContaining("Post.title")
        .hasMessageContaining("unpaired high surrogate \\uD800 at index 1")
        .hasMessageContaining("must be well-formed UTF-16");
    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id()).title()).isEqualTo("original");
  }

  @Test
  void listsAndJsonWithABadStringAreNotInserted(Repo repo) {
    assertThatThrownBy(() -> repo.insert(new SampleStruct().withStrings(List.of("ok", LONE_HIGH))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insert(new SampleStruct().withTexts(List.of(LONE_LOW))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insert(new SampleStruct().withDocument(Map.of("a", List.of(Map.of("b", LONE_HIGH))))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insert(new SampleStruct().withDocument(Map.of(LONE_LOW, 1))))
        .as("a key").isInstanceOf(UnpairedSurrogateException.class);
    assertThat(samples(repo)).isZero();
  }

  @Test
  void conditionsWithABadStringAreRefusedAndMatchNoQuestionMark(Repo repo) {
    PostStruct questionMark = repo.insertOrThrow(post(CORRUPTED));

    assertThatThrownBy(() -> repo.all(Posts.query().where(Posts.TITLE.eq(LONE_HIGH))))
        .isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageContaining("parameter 1")
        .hasMessageContaining("in: SELECT");
    assertThatThrownBy(() -> repo.query("SELECT id FROM posts WHERE body = ? AND title = ?",
        List.of("fine", LONE_LOW), row -> row.getLong(1)))
        .as("hand-written SQL").isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageContaining("parameter 2")
        .hasMessageContaining("in: SELECT id FROM posts");
    assertThatThrownBy(() -> repo.getBy(Posts.TITLE, LONE_HIGH)).isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.exists(Posts.query().where(Posts.TITLE.in(List.of("x", LONE_HIGH)))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.aggregate(Posts.query().where(like(Posts.TITLE, "a\uD800%")), Aggregate.count()))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.deleteAll(Posts.query().where(Posts.TITLE.eq(LONE_HIGH))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThat(repo.all(Posts.query().where(Posts.TITLE.eq(CORRUPTED))))
        .as("the row the corrupted condition would have matched is still there").containsExactly(questionMark);
  }

  @Test
  void insertAllWritesNoRowWhenOneHasABadString(Repo repo) {
    List<PostStruct> rows = List.of(post("first"), post(LONE_HIGH), post("third"));

    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, rows,
        WriteOptions.defaults().timestamps())).isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insertAllReturning(Posts.SCHEMA, rows,
        WriteOptions.defaults().timestamps().onConflict(OnConflict.nothing())))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.insertAll(Samples.SCHEMA, List.of(new SampleStruct().withStrings(List.of(LONE_LOW))),
        WriteOptions.defaults().timestamps()))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThat(posts(repo)).isZero();
    assertThat(samples(repo)).isZero();
  }

  @Test
  void updateAllWithABadStringChangesNothing(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("original"));
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withStrings(List.of("a")));

    assertThatThrownBy(() -> repo.updateAll(Posts.query(), Update.set(Posts.TITLE, LONE_HIGH)))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.updateAllReturning(Posts.query(), Update.set(Posts.BODY, LONE_LOW)))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.updateAll(Samples.query(), Update.push(Samples.STRINGS, LONE_HIGH)))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThatThrownBy(() -> repo.updateAll(Samples.query(), Update.set(Samples.DOCUMENT, Map.of("k", LONE_LOW))))
        .isInstanceOf(UnpairedSurrogateException.class);
    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id())).isEqualTo(stored);
    assertThat(repo.getOrThrow(Samples.SCHEMA, sample.id()).strings()).containsExactly("a");
  }

  @Test
  void wellFormedPairsAreStoredAndMatched(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("smile 😀").withBody("\uD83C\uDF89"));

    assertThat(repo.getBy(Posts.TITLE, "smile 😀")).contains(stored);
    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id()).body()).isEqualTo("🎉");
  }
}
