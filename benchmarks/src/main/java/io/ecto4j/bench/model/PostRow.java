package io.ecto4j.bench.model;

import java.time.Instant;

/** A posts row, as the JDBC and jOOQ implementations materialise it, and as results are compared. */
public record PostRow(Long id, String title, String body, boolean published, int viewCount, Long authorId,
    Instant insertedAt, Instant updatedAt) {

  /** The row without what the database generates, for comparing inserts. */
  public PostRow withoutGenerated() {
    return new PostRow(null, title, body, published, viewCount, authorId, insertedAt, updatedAt);
  }
}
