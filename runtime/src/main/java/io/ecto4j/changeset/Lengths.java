package io.ecto4j.changeset;

import static io.ecto4j.changeset.Casting.orderedKeys;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;

/** The counting and the messages of {@code validate_length}, as Ecto words them. */
final class Lengths {
  private Lengths() {}

  /** The error for {@code value} against {@code rule}, or null when it fits. */
  static ChangesetError check(String field, Object value, Length rule) {
    Measured measured = measure(field, value, rule.count);
    if (rule.is != null && measured.length != rule.is) {
      return error(field, measured, rule, "is", rule.is);
    }
    if (rule.min != null && measured.length < rule.min) {
      return error(field, measured, rule, "min", rule.min);
    }
    if (rule.max != null && measured.length > rule.max) {
      return error(field, measured, rule, "max", rule.max);
    }
    return null;
  }

  private static ChangesetError error(String field, Measured measured, Length rule, String kind, int count) {
    Message message = rule.message != null ? rule.message : Message.of(measured.message(kind));
    return message.error(field, orderedKeys("count", count, "validation", "length", "kind", kind, "type", measured.type));
  }

  /** A value's length and the word Ecto's messages use for it. */
  private record Measured(int length, String type) {
    String message(String kind) {
      String unit = switch (type) {
        case "binary" -> "byte(s)";
        case "list", "map" -> "item(s)";
        default -> "character(s)";
      };
      String verb = type.equals("list") || type.equals("map") ? "should have " : "should be ";
      return verb + switch (kind) {
        case "min" -> "at least ";
        case "max" -> "at most ";
        default -> "";
      } + "%{count} " + unit;
    }
  }

  private static Measured measure(String field, Object value, Length.Count count) {
    if (value instanceof String text) {
      return switch (count) {
        case GRAPHEMES -> new Measured(graphemes(text), "string");
        case CODEPOINTS -> new Measured(text.codePointCount(0, text.length()), "string");
        case BYTES -> new Measured(text.getBytes(StandardCharsets.UTF_8).length, "binary");
      };
    }
    if (value instanceof byte[] bytes) {
      return new Measured(bytes.length, "binary");
    }
    if (value instanceof Collection<?> items) {
      return new Measured(items.size(), "list");
    }
    if (value instanceof Map<?, ?> map) {
      return new Measured(map.size(), "map");
    }
    throw new IllegalArgumentException("validateLength on " + field + " needs a string, byte[], list or map, got "
        + value.getClass().getName());
  }

  private static int graphemes(String text) {
    Matcher matcher = Changeset.graphemePattern().matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
