package io.ecto4j.changeset;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a changeset's pipeline declared about its struct: the params given to {@code cast}, what
 * counts as empty, and the validations, required fields, constraints, preparers and update filters.
 * A step that declares something replaces one of these; the changes and errors are {@link State}.
 *
 * @param params the params given to {@code cast}, or null if it was not called
 * @param emptyValues Ecto's {@code empty_values:}, the params cast to the field's default
 * @param validations the validations declared, newest first
 * @param required the fields declared required, newest first
 * @param constraints the database constraints declared, newest first
 * @param prepare the preparers, in the order given
 * @param filters the extra conditions an update or delete must meet
 */
record Definition<S extends Struct<S>>(Map<String, Object> params, Predicate<Object> emptyValues,
    List<Validation> validations, List<Field<S, ?>> required, List<Constraint> constraints,
    List<UnaryOperator<Changeset<S>>> prepare, Map<Field<S, ?>, Object> filters) {

  private static final Definition<?> NONE = new Definition<>(null, Changeset.EMPTY_STRING, List.of(),
      List.of(), List.of(), List.of(), Map.of());

  /** Nothing declared yet; shared by every new changeset. */
  @SuppressWarnings("unchecked")
  static <S extends Struct<S>> Definition<S> none() {
    return (Definition<S>) NONE;
  }

  Definition<S> withParams(Map<String, Object> params) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withEmptyValues(Predicate<Object> emptyValues) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withValidations(List<Validation> validations) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withRequired(List<Field<S, ?>> required) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withConstraints(List<Constraint> constraints) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withPrepare(List<UnaryOperator<Changeset<S>>> prepare) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }

  Definition<S> withFilters(Map<Field<S, ?>, Object> filters) {
    return new Definition<>(params, emptyValues, validations, required, constraints, prepare, filters);
  }
}
