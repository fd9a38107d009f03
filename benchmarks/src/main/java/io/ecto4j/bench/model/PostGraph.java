package io.ecto4j.bench.model;

import java.util.List;

/** W5's result: a post with its author and its comments (ordered by id). */
public record PostGraph(PostRow post, UserRow author, List<CommentRow> comments) {}
