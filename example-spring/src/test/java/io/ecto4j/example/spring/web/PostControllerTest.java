package io.ecto4j.example.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.blog.CommentStruct;
import io.ecto4j.example.spring.Http.Response;
import io.ecto4j.example.spring.ServiceTest;
import io.ecto4j.repo.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Listing, creating, showing and publishing posts, and the top posts, over HTTP. */
class PostControllerTest extends ServiceTest {
  @Autowired
  private Repo repo;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void createAnswers201WithThePostAndWhereItIs() {
    Response response = http().post("/posts", """
        {"title": "Hello %s", "body": "A body of twenty characters or more"}""".formatted(run));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode post = response.json();
    assertThat(response.location()).isEqualTo("/posts/" + post.get("id").asLong());
    assertThat(post.get("title").asString()).isEqualTo("Hello " + run);
    assertThat(post.get("published").asBoolean()).isFalse();
    assertThat(post.has("comments")).as("an association that was not loaded is left out").isFalse();
  }

  @Test
  void anInvalidPostIs422WithTheChangesetsErrors() throws Exception {
    Response response = http().post("/posts", """
        {"title": "Hi", "published": "maybe"}""");

    assertThat(response.status()).isEqualTo(422);
    JSONAssert.assertEquals("""
        {"errors": {
          "title": ["should be at least 5 character(s)"],
          "body": ["can't be blank"],
          "published": ["is invalid"]}}""", response.body(), JSONCompareMode.STRICT);
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    Response response = http().post("/posts", "[\"Hello\"]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aTakenTitleIs422FromTheUniqueIndex() throws Exception {
    String post = """
        {"title": "Taken %s", "body": "A body of twenty characters or more"}""".formatted(run);
    assertThat(http().post("/posts", post).status()).isEqualTo(201);

    Response again = http().post("/posts", post);

    assertThat(again.status()).isEqualTo(422);
    JSONAssert.assertEquals("""
        {"errors": {"title": ["has already been taken"]}}""", again.body(), JSONCompareMode.STRICT);
  }

  @Test
  void showAnswersThePostWithItsComments() {
    long id = createPost("Shown", null);
    repo.insertOrThrow(new CommentStruct().withBody("First!").withAuthorName("Ada").withPostId(id));

    JsonNode post = http().get("/posts/" + id).json();

    assertThat(post.get("title").asString()).isEqualTo("Shown " + run);
    assertThat(post.get("comments")).hasSize(1);
    assertThat(post.get("comments").get(0).get("body").asString()).isEqualTo("First!");
  }

  @Test
  void anUnknownPostIs404() {
    Response show = http().get("/posts/999999999");
    Response publish = http().post("/posts/999999999/publish");

    assertThat(show.status()).isEqualTo(404);
    assertThat(show.contentType()).startsWith("application/problem+json");
    assertThat(show.json().get("detail").asString()).contains("posts");
    assertThat(publish.status()).isEqualTo(404);
  }

  @Test
  void publishSetsPublishedAndItsTimeInOneUpdate() {
    long id = createPost("Draft", null);

    Response response = http().post("/posts/" + id + "/publish");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("published").asBoolean()).isTrue();
    assertThat(response.json().get("publishedAt").isNull()).isFalse();
  }

  @Test
  void listTakesTheLessonsFilters() {
    long author = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada-" + run + "@example.com")).id();
    long first = createPost("First", author);
    long second = createPost("Second", author);
    long third = createPost("Third", author);
    http().post("/posts/" + second + "/publish");
    String mine = "/posts?authorId=" + author;

    assertThat(ids(http().get(mine))).containsExactly(third, second, first);
    assertThat(ids(http().get(mine + "&sort=oldest"))).containsExactly(first, second, third);
    assertThat(ids(http().get(mine + "&published=true"))).containsExactly(second);
    assertThat(ids(http().get(mine + "&published=false&limit=1"))).containsExactly(third);
  }

  @Test
  void listRefusesFiltersItCannotRead() {
    assertThat(http().get("/posts?sort=sideways").status()).isEqualTo(400);
    assertThat(http().get("/posts?published=maybe").status()).isEqualTo(400);
    Response limit = http().get("/posts?limit=0");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().get("detail").asString()).isEqualTo("limit must be between 1 and 100, got 0");
  }

  @Test
  void topPostsAreTheMostCommented() {
    long most = createPost("Most commented", null);
    long next = createPost("Next commented", null);
    comment(most, 3);
    comment(next, 2);

    List<String> top = new ArrayList<>();
    for (JsonNode entry : http().get("/posts/top?limit=100").json()) {
      top.add(entry.get("title").asString() + ": " + entry.get("comments").asLong());
    }

    assertThat(top).containsSubsequence("Most commented " + run + ": 3", "Next commented " + run + ": 2");
    assertThat(http().get("/posts/top").json()).hasSizeLessThanOrEqualTo(5);
  }

  private long createPost(String title, Long authorId) {
    String author = authorId == null ? "" : ", \"authorId\": " + authorId;
    Response response = http().post("/posts", """
        {"title": "%s %s", "body": "A body of twenty characters or more"%s}""".formatted(title, run, author));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asLong();
  }

  private void comment(long postId, int count) {
    for (int i = 0; i < count; i++) {
      repo.insertOrThrow(new CommentStruct().withBody("Comment " + i).withAuthorName("Reader").withPostId(postId));
    }
  }

  private static List<Long> ids(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    response.json().forEach(post -> ids.add(post.get("id").asLong()));
    return ids;
  }
}
