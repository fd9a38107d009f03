package io.ecto4j.bench.model;

/** W6's result: a post and how many comments it has. */
public record TopPost(long id, String title, long comments) {}
