package io.ecto4j.bench.model;

import java.time.Instant;

/** A comments row, as the JDBC and jOOQ implementations materialise it, and as results are compared. */
public record CommentRow(Long id, String body, Long postId, Instant insertedAt, Instant updatedAt) {

  /** The row without its generated key, for comparing inserts. */
  public CommentRow withoutGenerated() {
    return new CommentRow(null, body, postId, insertedAt, updatedAt);
  }
}
