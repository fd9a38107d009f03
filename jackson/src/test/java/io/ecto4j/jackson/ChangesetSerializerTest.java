package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.jackson.schemas.Blog;
import io.ecto4j.jackson.schemas.PostStruct;
import io.ecto4j.jackson.schemas.Posts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Changesets as Phoenix's {@code {"errors": …}}, messages interpolated, nested errors in Ecto's shape. */
class ChangesetSerializerTest {
  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();

  @Test
  void errorsAreKeyedByFieldWithTheirCountFilledIn() {
    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), Map.of("title", "Hi", "views", "many"));

    assertThat(json.writeValueAsString(changeset)).isEqualTo("""
        {"errors":{"views":["is invalid"],"title":["should be at least 3 character(s)"]}}""");
  }

  @Test
  void aFieldWithSeveralErrorsListsThemNewestFirstAsEcto() {
    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), Map.of("title", "Hi"))
        .validateChange(Posts.TITLE, title -> "must start with a capital H twice");

    assertThat(json.writeValueAsString(changeset)).isEqualTo("""
        {"errors":{"title":["must start with a capital H twice","should be at least 3 character(s)"]}}""");
  }

  @Test
  void nestedErrorsAreAnObjectForToOneAndAnArrayOfObjectsForToMany() {
    Map<String, Object> params = new HashMap<>();
    params.put("title", "Hello");
    params.put("author", Map.of("name", "Ada", "password", "short"));
    params.put("comments", List.of(Map.of("body", "Fine"), Map.of("body", ""), Map.of("body", "x".repeat(21))));

    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), params);

    assertThat(changeset.isValid()).isFalse();
    assertThat(json.writeValueAsString(changeset)).isEqualTo("""
        {"errors":{"author":{"email":["can't be blank"],"password":["should be at least 8 character(s)"]},\
        "comments":[{},{"body":["can't be blank"]},{"body":["should be at most 20 character(s)"]}]}}""");
  }

  @Test
  void aValidChangesetHasNoErrors() {
    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), Map.of("title", "Hello"));

    assertThat(json.writeValueAsString(changeset)).isEqualTo("{\"errors\":{}}");
  }

  @Test
  void messagesCanBeRenderedByTheApplicationAtEveryLevel() {
    JsonMapper templates = JsonMapper.builder()
        .addModule(EctoJacksonModule.builder().errorMessages(error -> error.message() + " " + error.keys()).build())
        .build();
    Changeset<PostStruct> changeset = Blog.post(new PostStruct(),
        Map.of("title", "Hi", "comments", List.of(Map.of("body", ""))));

    assertThat(templates.writeValueAsString(changeset)).isEqualTo("""
        {"errors":{"title":["should be at least %{count} character(s) {count=3, validation=length, kind=min, type=string}"],\
        "comments":[{"body":["can't be blank {validation=required}"]}]}}""");
  }
}
