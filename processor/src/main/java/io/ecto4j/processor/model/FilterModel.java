package io.ecto4j.processor.model;

import java.util.List;
import java.util.Objects;

/**
 * One filter of an association's {@code where} or a many-to-many's {@code joinWhere}, as written: a
 * {@code @Where(column = …, <test> = …)}, or the {@code whereColumn}/{@code whereValue} pair, which
 * is one equality. The validator checks that exactly one test is set; the writer then uses {@link #test()}.
 *
 * @param column the filtered schema's column
 * @param tests the tests the source sets, in the annotation's order
 * @param origin the method and the annotation that declares the filter, for errors
 * @param columnAttribute the attribute naming the column, {@code column} or {@code whereColumn}, for errors
 */
public record FilterModel(String column, List<Test> tests, Origin origin, String columnAttribute) {

  /** Ecto's value forms of an association {@code where}, and the negations it cannot write. */
  public enum Kind {
    EQUAL,
    NOT_EQUAL,
    IN,
    NOT_IN,
    IS_NIL,
    NOT_NIL,
    FRAGMENT;

    /** Whether the test's values are literals of the column's type. */
    public boolean takesValues() {
      return this == EQUAL || this == NOT_EQUAL || this == IN || this == NOT_IN;
    }
  }

  /**
   * One test set on the column.
   *
   * @param values the literals of an (in)equality or (not) in, the SQL of a fragment, none for a nil test
   * @param attribute the attribute that sets it, e.g. {@code isNil}, for errors
   */
  public record Test(Kind kind, List<String> values, String attribute) {
    public Test {
      Objects.requireNonNull(kind, "kind");
      values = List.copyOf(values);
      Objects.requireNonNull(attribute, "attribute");
    }
  }

  public FilterModel {
    Objects.requireNonNull(column, "column");
    tests = List.copyOf(tests);
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(columnAttribute, "columnAttribute");
  }

  /** The one test of a validated filter. */
  public Test test() {
    if (tests.size() != 1) {
      throw new IllegalStateException("unvalidated filter on " + column + " with tests " + tests);
    }
    return tests.get(0);
  }
}
