package io.ecto4j.bench.model;

/** W8's result: the post and the comment inserted in one transaction. */
public record PostWithComment(PostRow post, CommentRow comment) {}
