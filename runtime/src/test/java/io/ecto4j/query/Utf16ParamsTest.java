package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ecto4j.meta.Field;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import io.ecto4j.type.RecordingStatement;
import io.ecto4j.type.UnpairedSurrogateException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A string with an unpaired surrogate is refused wherever a statement binds it: fields name
 * themselves, query parameters are known by their index. Nothing is set on the statement.
 */
class Utf16ParamsTest {
  private static final String BAD = "a\uD800b";
  private final RecordingStatement recording = new RecordingStatement();

  @Test
  void fieldsNameThemselves() {
    Post post = Posts.SCHEMA.newStruct().withTitle(BAD);
    UnpairedSurrogateException bound = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Posts.TITLE.bind(recording.statement(), 2, post));
    assertThat(bound).hasMessageStartingWith(
        "[UnpairedSurrogate] Post.title (parameter 2): the string has an unpaired high surrogate \\uD800 at index 1;");
    assertThat(bound.field()).contains("Post.title");

    UnpairedSurrogateException value = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Posts.LABELS.bindValue(recording.statement(), 5, List.of("ok", BAD)));
    assertThat(value).hasMessageStartingWith("[UnpairedSurrogate] Post.labels (parameter 5): the element [1] has");
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void bindAllNamesTheFieldOfTheParameter() {
    Post post = Posts.SCHEMA.newStruct().withTitle("fine").withLabels(List.of("\uDC00"));
    UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Field.bindAll(recording.statement(), Posts.SCHEMA.insertFields(), post));
    assertThat(e.field()).contains("Post.labels");
    assertThat(e.parameterIndex()).isEqualTo(4);
    assertThat(recording.calls()).containsExactly("setString(1)", "setInt(2)", "setNull(3)");
  }

  @Test
  void whereParametersAreRefusedByIndex() {
    Sql sql = Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(1).and(Posts.TITLE.eq(BAD))).toSql();
    UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> sql.bind(recording.statement()));
    assertThat(e.parameterIndex()).isEqualTo(2);
    assertThat(e.offset()).isEqualTo(1);
    assertThat(recording.calls()).containsExactly("setInt(1)");
  }

  @Test
  void updatesAndInsertsOfManyRowsAreRefusedByIndex() {
    Sql update = Statements.updateAll(Query.from(Posts.SCHEMA), List.of(Update.set(Posts.TITLE, BAD)), false);
    assertThat(catchThrowableOfType(UnpairedSurrogateException.class, () -> update.bind(recording.statement()))
        .parameterIndex()).isEqualTo(1);

    Sql insert = Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(),
        List.of(new Tag(null, "fine"), new Tag(null, BAD)), OnConflict.raise(), null);
    assertThat(catchThrowableOfType(UnpairedSurrogateException.class, () -> insert.bind(recording.statement()))
        .parameterIndex()).isEqualTo(2);
  }
}
