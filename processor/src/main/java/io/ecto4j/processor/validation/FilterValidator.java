package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.DefaultValues;
import io.ecto4j.processor.model.FilterModel;
import io.ecto4j.processor.model.FilterModel.Kind;
import io.ecto4j.processor.model.FilterModel.Test;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.SchemaRef.ColumnRef;
import java.util.Optional;

/**
 * Checks one filter of an association's {@code where} or {@code joinWhere} against the schema it
 * filters: one test, on a persisted column, with values that parse as the column's type, or a
 * fragment with one placeholder. Each error points at the {@code @Where} attribute at fault.
 */
final class FilterValidator {
  private final ErrorReporter reporter;

  FilterValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(AssociationModel association, SchemaRef schema, FilterModel filter) {
    if (!oneTest(association, filter)) {
      return;
    }
    Optional<ColumnRef> column = schema.column(filter.column());
    if (column.isEmpty()) {
      reporter.error(Messages.associationWhereColumn(association.kind(), association.name(), filter.columnAttribute(),
          filter.column(), schema.schema().simpleName()), filter.origin(), filter.columnAttribute());
      return;
    }
    Test test = filter.test();
    if (test.kind().takesValues()) {
      values(association, filter, column.get(), test);
    } else if (test.kind() == Kind.FRAGMENT) {
      FragmentText.problem(test.values().get(0)).ifPresent(problem -> reporter.error(Messages.associationWhereFragment(
          association.kind(), association.name(), test.values().get(0), problem), filter.origin(), test.attribute()));
    }
  }

  /** Exactly one test; the column/value pair has both halves. */
  private boolean oneTest(AssociationModel association, FilterModel filter) {
    if (!filter.columnAttribute().equals("column")) {
      String value = filter.test().values().get(0);
      if (filter.column().isEmpty() || value.isEmpty()) {
        reporter.error(Messages.associationWhereHalf(association.kind(), association.name(), filter.columnAttribute(),
            filter.test().attribute()), filter.origin(),
            filter.column().isEmpty() ? filter.test().attribute() : filter.columnAttribute());
        return false;
      }
      return true;
    }
    if (filter.tests().isEmpty()) {
      reporter.error(Messages.associationWhereTest(association.kind(), association.name(), filter.column()),
          filter.origin(), "column");
      return false;
    }
    if (filter.tests().size() > 1) {
      Test second = filter.tests().get(1);
      reporter.error(Messages.associationWhereTests(association.kind(), association.name(), filter.column(),
          filter.tests().get(0).attribute(), second.attribute()), filter.origin(), second.attribute());
      return false;
    }
    return true;
  }

  /** The literals of an (in)equality or (not) in: at least one, each a value of the column's type. */
  private void values(AssociationModel association, FilterModel filter, ColumnRef column, Test test) {
    if (test.values().isEmpty()) {
      reporter.error(Messages.associationWhereEmptyList(association.kind(), association.name(), test.attribute(),
          filter.column()), filter.origin(), test.attribute());
      return;
    }
    test.values().stream().filter(value -> DefaultValues.parse(column.mapping(), value).isEmpty()).findFirst()
        .ifPresent(value -> reporter.error(Messages.associationWhereValue(association.kind(), association.name(),
            test.attribute(), value, filter.column(), DefaultValues.describe(column.mapping()),
            DefaultValues.example(column.mapping())), filter.origin(), test.attribute()));
  }
}
