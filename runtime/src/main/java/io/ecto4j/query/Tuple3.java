package io.ecto4j.query;

/** Three selected values per row: {@code query.select(a, b, c)}. */
public record Tuple3<A, B, C>(A first, B second, C third) {}
