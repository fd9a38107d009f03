package io.ecto4j.query;

import java.util.List;

/**
 * What a query reads: its first source with the key and name it is bound to, the joins, the
 * common table expressions of its {@code WITH}, and the schema prefix. Set when the query starts,
 * and changed only by a join, {@code with}, {@code prefix} or {@code exclude}; the clauses that
 * refine the rows step by step are {@link Clauses}.
 *
 * @param source the first source, Ecto's {@code from}
 * @param rootKey what the first source is bound to: the source itself, or an {@link Alias}
 * @param rootName the first source's name in {@code toString}, e.g. {@code p0}
 * @param joins the joins, in order
 * @param prefix the schema prefix, or null
 * @param ctes the common table expressions, in order
 */
record FromClause(Source source, Object rootKey, String rootName, List<JoinClause> joins, String prefix,
    List<Cte<?>> ctes) {

  /** {@code source} bound to {@code rootKey}, without joins, prefix or CTEs. */
  static FromClause of(Source source, Object rootKey, String rootName) {
    return new FromClause(source, rootKey, rootName, List.of(), null, List.of());
  }

  FromClause withSource(Source source) {
    return new FromClause(source, rootKey, rootName, joins, prefix, ctes);
  }

  FromClause withJoins(List<JoinClause> joins) {
    return new FromClause(source, rootKey, rootName, joins, prefix, ctes);
  }

  FromClause withPrefix(String prefix) {
    return new FromClause(source, rootKey, rootName, joins, prefix, ctes);
  }

  FromClause withCtes(List<Cte<?>> ctes) {
    return new FromClause(source, rootKey, rootName, joins, prefix, ctes);
  }
}
