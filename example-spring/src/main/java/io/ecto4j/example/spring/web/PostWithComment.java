package io.ecto4j.example.spring.web;

import io.ecto4j.example.blog.CommentStruct;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.jackson.Params;
import java.util.Map;

/**
 * The body of {@code POST /posts/with-comment}: {@code {"post": {...}, "comment": {...}}}. A part
 * left out is empty params, so that its changeset says what is missing.
 */
record PostWithComment(Params post, Params comment) {
  Map<String, Object> postParams() {
    return post == null ? Map.of() : post.asMap();
  }

  Map<String, Object> commentParams() {
    return comment == null ? Map.of() : comment.asMap();
  }

  /** The answer, keyed as the request is. */
  record Inserted(PostStruct post, CommentStruct comment) {}
}
