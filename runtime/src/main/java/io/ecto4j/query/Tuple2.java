package io.ecto4j.query;

/**
 * Two selected values per row, Ecto's {@code select: {p.title, count(c.id)}}:
 * {@code Query<Tuple2<String, Long>> q = query.select(Posts.TITLE, Aggregate.count(Comments.ID))}.
 * For more values, or names of your own, select into a record: {@code select(TitleCount::new, …)}.
 */
public record Tuple2<A, B>(A first, B second) {}
