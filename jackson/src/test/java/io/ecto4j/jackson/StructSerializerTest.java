package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.jackson.schemas.AuthorStruct;
import io.ecto4j.jackson.schemas.Authors;
import io.ecto4j.jackson.schemas.Blog;
import io.ecto4j.jackson.schemas.CommentStruct;
import io.ecto4j.jackson.schemas.PostStruct;
import io.ecto4j.jackson.schemas.Posts;
import io.ecto4j.jackson.schemas.TagStruct;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Structs loaded from PostgreSQL with preloads, written as JSON and compared exactly. */
@EctoTest(sandbox = true)
class StructSerializerTest {
  private static final UUID REF = UUID.fromString("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f");

  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();
  private Repo repo;
  private AuthorStruct ada;
  private PostStruct post;
  private CommentStruct first;
  private CommentStruct second;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    Blog.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    this.repo = repo;
    ada = repo.insertOrThrow(new AuthorStruct().withName("Ada").withEmail("ada@example.com")
        .withPasswordHash("$2b$12$secret-hash"));
    List<TagStruct> tags = List.of(repo.insertOrThrow(new TagStruct().withName("java")),
        repo.insertOrThrow(new TagStruct().withName("ecto")));
    post = repo.insertOrThrow(Changeset.change(new PostStruct().withTitle("Hello").withPublished(true).withViews(7)
            .withLikes(9_000_000_000L).withPrice(new BigDecimal("19.90")).withRating(4.5)
            .withPublishedOn(LocalDate.of(2026, 12, 3)).withPublishedAt(Instant.parse("2026-12-03T10:15:30.123456Z"))
            .withRef(REF).withAuthorId(ada.id()))
        .putAssoc(Posts.TAGS, tags));
    first = repo.insertOrThrow(new CommentStruct().withBody("First!").withPostId(post.id()));
    second = repo.insertOrThrow(new CommentStruct().withBody("Second").withPostId(post.id()));
  }

  private PostStruct loaded() {
    PostStruct fresh = repo.getOrThrow(Posts.SCHEMA, post.id());
    return repo.preload(fresh, Posts.AUTHOR, Posts.COMMENTS, Posts.TAGS);
  }

  @Test
  void loadedAssociationsNestAndRedactedFieldsNeverAppear() {
    PostStruct loaded = loaded();
    TagStruct ecto = (TagStruct) loaded.tags().get(0);
    TagStruct java = (TagStruct) loaded.tags().get(1);

    assertThat(json.writeValueAsString(loaded)).isEqualTo(("""
        {"id":%d,"title":"Hello","published":true,"views":7,"likes":9000000000,"price":19.90,"rating":4.5,\
        "publishedOn":"2026-12-03","publishedAt":"2026-12-03T10:15:30.123456Z",\
        "ref":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f","authorId":%d,\
        "author":{"id":%d,"name":"Ada","email":"ada@example.com"},\
        "comments":[{"id":%d,"body":"First!","postId":%d},{"id":%d,"body":"Second","postId":%d}],\
        "tags":[{"id":%d,"name":"ecto","postCount":null},{"id":%d,"name":"java","postCount":null}]}""")
        .formatted(post.id(), ada.id(), ada.id(), first.id(), post.id(), second.id(), post.id(), ecto.id(), java.id()));
  }

  @Test
  void unloadedAssociationsAreLeftOutByDefault() {
    PostStruct fresh = repo.getOrThrow(Posts.SCHEMA, post.id());
    assertThat(json.readTree(json.writeValueAsString(fresh)).propertyNames())
        .containsExactly("id", "title", "published", "views", "likes", "price", "rating", "publishedOn",
            "publishedAt", "ref", "authorId");
  }

  @Test
  void unloadedAssociationsAreNullWhenConfigured() {
    JsonMapper nulls = JsonMapper.builder()
        .addModule(EctoJacksonModule.builder().unloadedAssociations(UnloadedAssociations.NULL).build())
        .build();
    PostStruct fresh = repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.COMMENTS);

    assertThat(nulls.writeValueAsString(fresh))
        .contains("\"author\":null,\"comments\":[{")
        .endsWith("\"tags\":null}");
  }

  @Test
  void aMissingParentIsNullAndNoChildrenAnEmptyArray() {
    PostStruct orphan = repo.insertOrThrow(new PostStruct().withTitle("Orphan"));
    PostStruct loaded = repo.preload(orphan, Posts.AUTHOR, Posts.COMMENTS, Posts.TAGS);

    assertThat(json.writeValueAsString(loaded))
        .endsWith("\"authorId\":null,\"author\":null,\"comments\":[],\"tags\":[]}");
  }

  @Test
  void theMappersPropertyInclusionAppliesAsToBeans() {
    PostStruct orphan = repo.preload(repo.insertOrThrow(new PostStruct().withTitle("Orphan")), Posts.AUTHOR,
        Posts.COMMENTS);

    assertThat(included(JsonInclude.Include.NON_NULL).writeValueAsString(orphan)).isEqualTo("""
        {"id":%d,"title":"Orphan","published":false,"views":0,"comments":[]}""".formatted(orphan.id()));
    assertThat(included(JsonInclude.Include.NON_EMPTY).writeValueAsString(orphan)).isEqualTo("""
        {"id":%d,"title":"Orphan","published":false,"views":0}""".formatted(orphan.id()));
  }

  private static JsonMapper included(JsonInclude.Include include) {
    return JsonMapper.builder().addModule(new EctoJacksonModule())
        .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(include))
        .build();
  }

  @Test
  void nestedPreloadsNestAndRedactEveryLevel() {
    AuthorStruct author = repo.preload(repo.getOrThrow(Authors.SCHEMA, ada.id()), Authors.POSTS.then(Posts.AUTHOR))
        .withPassword("virtual-secret");
    String written = json.writeValueAsString(author);

    assertThat(written).startsWith("{\"id\":%d,\"name\":\"Ada\",\"email\":\"ada@example.com\",\"posts\":[{\"id\":%d,"
        .formatted(ada.id(), post.id()));
    assertThat(written).contains("\"author\":{\"id\":%d,\"name\":\"Ada\",\"email\":\"ada@example.com\"}}]}"
        .formatted(ada.id()));
    assertThat(written).doesNotContain("secret", "passwordHash", "password\"");
  }

  @Test
  void aThroughAssociationIsWrittenOnceLoadedWithThePathItLoaded() {
    AuthorStruct author = repo.preload(repo.getOrThrow(Authors.SCHEMA, ada.id()), Authors.COMMENTS);
    String comments = """
        [{"id":%d,"body":"First!","postId":%d},{"id":%d,"body":"Second","postId":%d}]"""
        .formatted(first.id(), post.id(), second.id(), post.id());

    // As in Ecto, preloading through posts loads the posts and their comments on the way.
    assertThat(json.writeValueAsString(author))
        .startsWith("{\"id\":%d,\"name\":\"Ada\",\"email\":\"ada@example.com\",\"posts\":[{\"id\":%d,"
            .formatted(ada.id(), post.id()))
        .endsWith("\"authorId\":%d,\"comments\":%s}],\"comments\":%s}".formatted(ada.id(), comments, comments));
  }

  @Test
  void structsInsideListsMapsAndRecordsUseTheModule() {
    record Page(List<PostStruct> data, long total) {}
    PostStruct fresh = repo.getOrThrow(Posts.SCHEMA, post.id());
    String one = json.writeValueAsString(fresh);

    assertThat(json.writeValueAsString(List.of(fresh))).isEqualTo("[" + one + "]");
    assertThat(json.writeValueAsString(Map.of("data", fresh))).isEqualTo("{\"data\":" + one + "}");
    assertThat(json.writeValueAsString(new Page(List.of(fresh), 1))).isEqualTo("{\"data\":[" + one + "],\"total\":1}");
  }
}
