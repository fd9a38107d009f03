package io.ecto4j.spring.boot.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Leaves every scanned component out of an {@link EctoDataTest}'s context unless its filters include it. */
final class EctoDataTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<EctoDataTest> {
  EctoDataTypeExcludeFilter(Class<?> testClass) {
    super(testClass);
  }
}
