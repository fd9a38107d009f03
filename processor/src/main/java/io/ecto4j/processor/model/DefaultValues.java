package io.ecto4j.processor.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses {@code @Field(defaultValue = …)} for the field's type. Validation rejects what does not
 * parse; the writers print the parsed (normalised) text as Java and SQL literals.
 */
public final class DefaultValues {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private DefaultValues() {}

  /** {@code text} as a value of {@code mapping}'s type in canonical form; empty if it is none. */
  public static Optional<String> parse(TypeMapping mapping, String text) {
    try {
      return Optional.ofNullable(parseOrNull(mapping, text));
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }

  private static String parseOrNull(TypeMapping mapping, String text) {
    return switch (mapping.columnType()) {
      case STRING, TEXT -> text;
      case BOOLEAN -> text.equals("true") || text.equals("false") ? text : null;
      case SHORT -> String.valueOf(Short.parseShort(text));
      case INTEGER -> String.valueOf(Integer.parseInt(text));
      case LONG -> String.valueOf(Long.parseLong(text));
      case DOUBLE -> DECIMAL.matcher(text).matches() ? finite(Double.parseDouble(text)) : null;
      case DECIMAL -> DECIMAL.matcher(text).matches() ? new BigDecimal(text).toString() : null;
      case UUID -> UUID.matcher(text).matches() ? text.toLowerCase(java.util.Locale.ROOT) : null;
      case INSTANT, INSTANT_SECONDS -> canonical(text, Instant::parse);
      case OFFSET_DATE_TIME, OFFSET_DATE_TIME_SECONDS -> canonical(text, OffsetDateTime::parse);
      case LOCAL_DATE_TIME, LOCAL_DATE_TIME_SECONDS -> canonical(text, LocalDateTime::parse);
      case LOCAL_DATE -> canonical(text, LocalDate::parse);
      case LOCAL_TIME, LOCAL_TIME_SECONDS -> canonical(text, LocalTime::parse);
      case DURATION -> canonical(text, java.time.Duration::parse);
      case ENUM -> mapping.enumConstants().contains(text) ? text : null;
      case BYTES, JSON_MAP, LIST, CUSTOM, MAP, ANY, EMBED_ONE, EMBED_MANY -> null;
    };
  }

  private static String finite(double value) {
    return Double.isFinite(value) ? Double.toString(value) : null;
  }

  private static String canonical(String text, Function<String, ?> parser) {
    parser.apply(text);
    return text;
  }

  /** A valid default of {@code mapping}'s type, for messages. */
  public static String example(TypeMapping mapping) {
    return switch (mapping.columnType()) {
      case BOOLEAN -> "false";
      case SHORT, INTEGER, LONG -> "0";
      case DOUBLE -> "0.5";
      case DECIMAL -> "1.50";
      case UUID -> "00000000-0000-0000-0000-000000000000";
      case INSTANT, INSTANT_SECONDS -> "2024-01-31T10:15:30Z";
      case OFFSET_DATE_TIME, OFFSET_DATE_TIME_SECONDS -> "2024-01-31T10:15:30+01:00";
      case LOCAL_DATE_TIME, LOCAL_DATE_TIME_SECONDS -> "2024-01-31T10:15:30";
      case LOCAL_DATE -> "2024-01-31";
      case LOCAL_TIME, LOCAL_TIME_SECONDS -> "10:15:30";
      case DURATION -> "PT1H30M";
      case ENUM -> mapping.enumConstants().isEmpty() ? "CONSTANT" : mapping.enumConstants().get(0);
      default -> "text";
    };
  }

  /** How messages name the type a default must have, e.g. {@code int} or {@code constant of Status}. */
  public static String describe(TypeMapping mapping) {
    String type = Names.display(mapping.javaType().toString());
    return mapping.columnType() == ColumnType.ENUM ? "constant of " + type : type;
  }
}
