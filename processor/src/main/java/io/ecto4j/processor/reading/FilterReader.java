package io.ecto4j.processor.reading;

import io.ecto4j.processor.model.FilterModel;
import io.ecto4j.processor.model.FilterModel.Kind;
import io.ecto4j.processor.model.FilterModel.Test;
import io.ecto4j.processor.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads an association's filters as written, for {@code where} or {@code joinWhere}: the
 * {@code <prefix>Column}/{@code <prefix>Value} pair, then each {@code @Where} of the {@code <prefix>}
 * list. Nothing is checked here; the validator reports a filter with no test or two.
 */
final class FilterReader {
  /** The test attributes of {@code @Where}, by the kind each sets. */
  private static final Map<String, Kind> TESTS = Map.of("equal", Kind.EQUAL, "notEqual", Kind.NOT_EQUAL,
      "in", Kind.IN, "notIn", Kind.NOT_IN, "isNil", Kind.IS_NIL, "notNil", Kind.NOT_NIL, "fragment", Kind.FRAGMENT);

  private FilterReader() {}

  static List<FilterModel> read(ExecutableElement method, AnnotationMirror association, String prefix) {
    List<FilterModel> filters = new ArrayList<>();
    pair(method, association, prefix).ifPresent(filters::add);
    explicit(association, prefix).ifPresent(list -> {
      for (Object item : (List<?>) list.getValue()) {
        filters.add(filter(method, (AnnotationMirror) ((AnnotationValue) item).getValue()));
      }
    });
    return filters;
  }

  /** The pair as one equality, when either half is set; the validator reports a half without the other. */
  private static Optional<FilterModel> pair(ExecutableElement method, AnnotationMirror association, String prefix) {
    String column = text(association, prefix + "Column");
    String value = text(association, prefix + "Value");
    if (column.isEmpty() && value.isEmpty()) {
      return Optional.empty();
    }
    Test equal = new Test(Kind.EQUAL, List.of(value), prefix + "Value");
    return Optional.of(new FilterModel(column, List.of(equal), Origin.of(method, association), prefix + "Column"));
  }

  private static FilterModel filter(ExecutableElement method, AnnotationMirror where) {
    List<Test> tests = new ArrayList<>();
    for (var entry : where.getElementValues().entrySet()) {
      String attribute = entry.getKey().getSimpleName().toString();
      Kind kind = TESTS.get(attribute);
      Object value = entry.getValue().getValue();
      if (kind == null || Boolean.FALSE.equals(value)) {
        continue; // the column, or isNil/notNil = false, which test nothing
      }
      tests.add(new Test(kind, values(value), attribute));
    }
    return new FilterModel(text(where, "column"), tests, Origin.of(method, where), "column");
  }

  /** A test's literals: a {@code String[]}'s items, a {@code String}, or none for a boolean. */
  private static List<String> values(Object value) {
    if (value instanceof List<?> items) {
      return items.stream().map(item -> String.valueOf(((AnnotationValue) item).getValue())).toList();
    }
    return value instanceof String text ? List.of(text) : List.of();
  }

  private static String text(AnnotationMirror mirror, String attribute) {
    return explicit(mirror, attribute).map(value -> String.valueOf(value.getValue())).orElse("");
  }

  /** An attribute as the source writes it; not every association annotation declares it. */
  private static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String attribute) {
    for (var entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
