package io.ecto4j.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.SerializationContext;

/**
 * Which values of a struct the mapper's property inclusion leaves out, as it leaves them out of a
 * bean: {@code NON_NULL} (Spring's {@code spring.jackson.default-property-inclusion=non_null})
 * and {@code NON_ABSENT} leave out nulls, {@code NON_EMPTY} also what Jackson's serializer calls
 * empty ({@code ""}, {@code []}); any other setting writes every value.
 */
enum Inclusion {
  ALL,
  NON_NULL,
  NON_EMPTY;

  /** The inclusion set for {@code type} (its config override) or for every type. */
  static Inclusion of(SerializationContext context, Class<?> type) {
    JsonInclude.Include include = context.getConfig().getDefaultPropertyInclusion(type).getValueInclusion();
    return switch (include) {
      case NON_NULL, NON_ABSENT -> NON_NULL;
      case NON_EMPTY -> NON_EMPTY;
      default -> ALL;
    };
  }

  boolean includes(Object value, SerializationContext context) {
    return switch (this) {
      case ALL -> true;
      case NON_NULL -> value != null;
      case NON_EMPTY -> value != null && !context.findValueSerializer(value.getClass()).isEmpty(context, value);
    };
  }
}
