package io.ecto4j.example.spring.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when no database is configured: {@code spring.datasource.url} is unset or empty, as it is
 * when the application's {@code ${DATABASE_URL:}} finds no {@code DATABASE_URL}.
 */
final class NoDatabaseUrl implements Condition {
  static final String URL_PROPERTY = "spring.datasource.url";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
  }
}
