package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.jackson.schemas.Blog;
import io.ecto4j.jackson.schemas.CommentStruct;
import io.ecto4j.jackson.schemas.PostStruct;
import io.ecto4j.jackson.schemas.Posts;
import io.ecto4j.jackson.schemas.ProfileStruct;
import io.ecto4j.jackson.schemas.Profiles;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A JSON body through Params and a changeset into PostgreSQL, and back out as JSON. */
@EctoTest(sandbox = true)
class ParamsCastTest {
  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    Blog.create(db);
  }

  @Test
  void aBodyCastsIntoEveryFieldTypeAndAssociationAndComesBackAsJson(Repo repo) {
    Params params = json.readValue("""
        {"title":"Hello","published":true,"views":7,"likes":9000000000,"price":19.90,"rating":4,
         "publishedOn":"2026-12-03","publishedAt":"2026-12-03T11:15:30.123456+01:00",
         "ref":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f",
         "author":{"name":"Ada","email":"ada@example.com","password":"correct horse"},
         "comments":[{"body":"First!"},{"body":"Second"}]}""", Params.class);

    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), params.asMap());
    assertThat(changeset.isValid()).isTrue();
    PostStruct post = repo.insertOrThrow(changeset);

    assertThat(post.views()).isEqualTo(7);
    assertThat(post.likes()).isEqualTo(9_000_000_000L);
    assertThat(post.price()).isEqualTo(new BigDecimal("19.90"));
    assertThat(post.rating()).isEqualTo(4.0);
    assertThat(post.publishedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-12-03T10:15:30.123456Z"));
    assertThat(post.ref()).isEqualTo(UUID.fromString("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f"));

    PostStruct loaded = repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.AUTHOR, Posts.COMMENTS);
    CommentStruct first = (CommentStruct) loaded.comments().get(0);
    CommentStruct second = (CommentStruct) loaded.comments().get(1);
    assertThat(json.writeValueAsString(loaded)).isEqualTo(("""
        {"id":%d,"title":"Hello","published":true,"views":7,"likes":9000000000,"price":19.90,"rating":4.0,\
        "publishedOn":"2026-12-03","publishedAt":"2026-12-03T10:15:30.123456Z",\
        "ref":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f","authorId":%d,\
        "author":{"id":%d,"name":"Ada","email":"ada@example.com"},\
        "comments":[{"id":%d,"body":"First!","postId":%d},{"id":%d,"body":"Second","postId":%d}]}""")
        .formatted(post.id(), post.authorId(), post.authorId(), first.id(), post.id(), second.id(), post.id()));
  }

  @Test
  void nestedValuesCastIntoJsonbArraysAndEnums(Repo repo) {
    Params params = json.readValue("""
        {"settings":{"size":12,"ratio":0.5,"tags":["a"],"nested":{"on":true}},
         "labels":["new","hot"],"scores":[1,9000000000],"theme":"DARK"}""", Params.class);

    ProfileStruct profile = repo.insertOrThrow(Blog.profile(new ProfileStruct(), params.asMap()));

    // jsonb keeps its keys shortest first: the order PostgreSQL gives back.
    assertThat(json.writeValueAsString(repo.getOrThrow(Profiles.SCHEMA, profile.id()))).isEqualTo("""
        {"id":%d,"settings":{"size":12,"tags":["a"],"ratio":0.5,"nested":{"on":true}},\
        "labels":["new","hot"],"scores":[1,9000000000],"theme":"DARK"}""".formatted(profile.id()));
  }

  @Test
  void numbersThatDoNotFitTheirFieldBecomeErrorsNotExceptions() {
    Params params = json.readValue("""
        {"title":"Hello","views":3000000000,"likes":123456789012345678901234567890,"rating":1e400,
         "price":"cheap","publishedOn":"yesterday","published":"maybe"}""", Params.class);

    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), params.asMap());

    // Compared as trees: the order of the fields is the runtime's, as Ecto's errors map has none.
    assertThat(json.readTree(json.writeValueAsString(changeset))).isEqualTo(json.readTree("""
        {"errors":{"published":["is invalid"],"views":["is invalid"],"likes":["is invalid"],"price":["is invalid"],\
        "rating":["is invalid"],"publishedOn":["is invalid"]}}"""));
  }

  @Test
  void aSnakeCaseBodyCastsByColumnName() {
    Params params = json.readValue("{\"title\":\"Hello\",\"published_on\":\"2026-12-03\"}", Params.class);

    Changeset<PostStruct> changeset = Blog.post(new PostStruct(), params.asMap());

    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.changes()).containsEntry(Posts.PUBLISHED_ON, LocalDate.of(2026, 12, 3));
  }

  @Test
  void aFloatIsNotAnIntegerAsInEcto() {
    Params params = json.readValue("{\"title\":\"Hello\",\"views\":7.0}", Params.class);

    assertThat(Blog.post(new PostStruct(), params.asMap()).traverseErrors()).containsOnlyKeys("views");
  }
}
