package io.ecto4j.bench;

import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The values every implementation writes and queries with, so their results can be compared. */
public final class Inputs {
  /** The stamp of every row the write workloads insert. */
  public static final Instant WRITTEN_AT = Instant.parse("2026-06-01T12:00:00.123456Z");
  public static final int W2_MIN_VIEWS = 100;
  public static final int W2_LIMIT = 100;
  public static final int W4_ROWS = 1_000;
  public static final long W5_POSTS = 100;
  public static final int W6_LIMIT = 5;

  private Inputs() {}

  static String body(int i) {
    return "Body of post " + i + ". " + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(3);
  }

  /** W3's and W8's post, by an author that exists. */
  public static PostRow newPost(long authorId) {
    return new PostRow(null, "A new post", "Written by the benchmark.", true, 0, authorId, WRITTEN_AT, WRITTEN_AT);
  }

  /** W8's comment, for the post just inserted. */
  public static CommentRow newComment(long postId) {
    return new CommentRow(null, "First!", postId, WRITTEN_AT, WRITTEN_AT);
  }

  /** W4's 1,000 comments, all on post 1. */
  public static List<CommentRow> comments() {
    List<CommentRow> rows = new ArrayList<>(W4_ROWS);
    for (int i = 0; i < W4_ROWS; i++) {
      rows.add(new CommentRow(null, "bulk comment " + i, 1L, WRITTEN_AT, WRITTEN_AT));
    }
    return rows;
  }
}
