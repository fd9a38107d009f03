package io.ecto4j.meta;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.EnumType;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A field's value inside an embed's JSON object, Ecto's {@code embedded_dump}/{@code embedded_load}
 * with the {@code :json} format: what JSON holds natively stays, the rest becomes a string that the
 * field's own cast reads back (ISO-8601 dates and times, decimals, UUIDs, enums by their stored
 * values, binaries in Base64); a custom type is written as its {@code embedAs} says; a nested embed
 * is its own object or array.
 */
final class EmbedJson {
  private EmbedJson() {}

  /**
   * {@code value} of {@code type} as a JSON tree: a custom type as its {@code embedAs} says, an
   * enum as its stored value (Ecto.Enum's default {@code embed_as: :values}), a list element by
   * element.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <V> Object dump(FieldType<V> type, V value) {
    if (value == null) {
      return null;
    }
    if (type instanceof EmbedType<V, ?> embed) {
      return embed.dump(value);
    }
    if (type instanceof CustomType<V, ?> custom) {
      return dumpValue(custom.toEmbedded(value));
    }
    if (type instanceof EnumType enumType) {
      return enumType.dump((Enum) value);
    }
    Optional<FieldType<?>> element = Types.elementOf(type);
    if (element.isPresent() && value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(dump((FieldType<Object>) element.get(), item)));
      return items;
    }
    return dumpValue(value);
  }

  private static Object dumpValue(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof UUID || value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(dumpValue(item)));
      return items;
    }
    return value; // strings, numbers, booleans, maps, null
  }

  /**
   * The value of {@code field} that the JSON tree {@code json} holds, read with the field's cast.
   *
   * @throws IllegalArgumentException Ecto's {@code cannot load `"ABC"` as type uuid for field `uuid` in schema …}
   */
  static <V> V load(Field<?, V> field, String schema, Object json) {
    FieldType<V> type = field.type();
    if (type instanceof EmbedType<V, ?> embed) {
      return embed.load(json);
    }
    Object external = type.javaType() == byte[].class && json instanceof String text ? base64(text) : json;
    CastResult<V> cast = type instanceof CustomType<V, ?> custom ? custom.fromEmbedded(external) : type.cast(external);
    if (!cast.isOk() || cast.value() == null && field.isPrimitive()) {
      throw new IllegalArgumentException("cannot load `" + shown(json) + "` as type " + type.name() + " for field `"
          + field.column() + "` in schema " + schema);
    }
    return cast.value();
  }

  private static Object base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return text;
    }
  }

  private static String shown(Object json) {
    return json instanceof String text ? "\"" + text + "\"" : String.valueOf(json);
  }
}
