package io.ecto4j.query;

/**
 * How tightly a node binds, by PostgreSQL's operator precedence (loosest first), and the one rule
 * that decides where the renderer writes parentheses: {@link SqlWriter#operand} puts an operand in
 * parentheses when it binds more loosely than its operator, or as loosely on a side where the
 * operator does not associate. Nodes never parenthesize their operands themselves, so that
 * {@code x = (y IS NULL)} and {@code (x = y) IS NULL} both come out as built.
 *
 * <p>Levels follow the table "Operator Precedence (highest to lowest)" of PostgreSQL's manual,
 * section 4.1.6; {@link #OPAQUE} is a developer's fragment, whose own operators are unknown.
 */
enum Precedence {
  /** Fragment text that is not one self-delimited term: always parenthesized as an operand. */
  OPAQUE(false),
  OR(true),
  AND(true),
  /** Prefix {@code NOT}: its operand is always written in parentheses, as Ecto does. */
  NOT(false),
  /** {@code IS NULL}, {@code IS NOT NULL}: non-associative. */
  IS(false),
  /** {@code = <> < <= > >=} and {@code = ANY(…)}: non-associative. */
  COMPARISON(false),
  /** {@code BETWEEN}, {@code IN}, {@code LIKE}, {@code ILIKE}: non-associative. */
  MEMBERSHIP(false),
  /** Every other operator: {@code ||}, {@code #>}, {@code #>>}, {@code @>}, {@code &&}… */
  OTHER_OPERATOR(true),
  ADDITIVE(true),
  MULTIPLICATIVE(true),
  /** The postfix cast {@code ::type}. */
  CAST(true),
  /** Columns, parameters, function calls, parenthesized subqueries: never parenthesized. */
  ATOM(true);

  private final boolean leftAssociative;

  Precedence(boolean leftAssociative) {
    this.leftAssociative = leftAssociative;
  }

  /** The level of a binary operator written by this package. */
  static Precedence ofOperator(String operator) {
    return switch (operator) {
      case "OR" -> OR;
      case "AND" -> AND;
      case "=", "<>", "!=", "<", "<=", ">", ">=" -> COMPARISON;
      case "LIKE", "ILIKE", "NOT LIKE", "NOT ILIKE" -> MEMBERSHIP;
      case "+", "-" -> ADDITIVE;
      case "*", "/", "%" -> MULTIPLICATIVE;
      default -> OTHER_OPERATOR;
    };
  }

  /**
   * Whether an operand binding at {@code operand} needs parentheses under an operator of this
   * level: when it binds more loosely, or equally on the right of a left-associative operator or
   * on either side of a non-associative one.
   */
  boolean parenthesizes(Precedence operand, boolean rightSide) {
    int order = operand.compareTo(this);
    return order < 0 || order == 0 && (rightSide || !leftAssociative);
  }
}
