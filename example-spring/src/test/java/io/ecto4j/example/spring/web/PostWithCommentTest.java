package io.ecto4j.example.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.example.blog.Comments;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.example.spring.Http.Response;
import io.ecto4j.example.spring.ServiceTest;
import io.ecto4j.repo.Repo;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /posts/with-comment}: a post and its first comment through one Multi, both or neither. */
class PostWithCommentTest extends ServiceTest {
  @Autowired
  private Repo repo;

  private final String title = "With comment " + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void createsThePostAndItsFirstComment() {
    Response response = http().post("/posts/with-comment", """
        {"post": {"title": "%s", "body": "A body of twenty characters or more"},
         "comment": {"body": "First!", "authorName": "Ada"}}""".formatted(title));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode post = response.json().get("post");
    JsonNode comment = response.json().get("comment");
    assertThat(response.location()).isEqualTo("/posts/" + post.get("id").asLong());
    assertThat(comment.get("postId").asLong()).isEqualTo(post.get("id").asLong());
    assertThat(http().get(response.location()).json().get("comments").get(0).get("body").asString()).isEqualTo("First!");
  }

  @Test
  void anInvalidCommentRollsThePostBack() throws Exception {
    Response response = http().post("/posts/with-comment", """
        {"post": {"title": "%s", "body": "A body of twenty characters or more"},
         "comment": {"body": "!"}}""".formatted(title));

    assertThat(response.status()).isEqualTo(422);
    JSONAssert.assertEquals("""
        {"errors": {"comment": {
          "body": ["should be at least 2 character(s)"],
          "authorName": ["can't be blank"]}}}""", response.body(), JSONCompareMode.STRICT);
    assertThat(repo.getBy(Posts.TITLE, title)).as("the post inserted before the comment failed").isEmpty();
    assertThat(repo.all(Comments.query().where(Comments.BODY.eq("!")))).isEmpty();
  }

  @Test
  void anInvalidPostStopsBeforeTheComment() throws Exception {
    Response response = http().post("/posts/with-comment", """
        {"post": {"title": "Hi"}, "comment": {"body": "First!", "authorName": "Ada"}}""");

    assertThat(response.status()).isEqualTo(422);
    JSONAssert.assertEquals("""
        {"errors": {"post": {
          "title": ["should be at least 5 character(s)"],
          "body": ["can't be blank"]}}}""", response.body(), JSONCompareMode.STRICT);
  }
}
