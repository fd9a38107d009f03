package io.ecto4j.query;

/** The package-private expression tree behind {@link Condition}; rendered by {@link SqlWriter}. */
final class Nodes {
  private Nodes() {}

  sealed interface Node permits Compare, NullTest, AnyOf, Junction, Not {}

  record Compare(Expression<?> left, String operator, Expression<?> right) implements Node {}

  record NullTest(Expression<?> operand, boolean isNull) implements Node {}

  record AnyOf(Expression<?> operand, Param<?> values, boolean negated) implements Node {}

  record Junction(String operator, Node left, Node right) implements Node {}

  record Not(Node operand) implements Node {}
}
