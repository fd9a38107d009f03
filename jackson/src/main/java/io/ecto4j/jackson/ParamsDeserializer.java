package io.ecto4j.jackson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a JSON object token by token into {@link Params}, so that numbers keep their precision
 * whatever the mapper's settings ({@code USE_BIG_DECIMAL_FOR_FLOATS} and the like) say. The
 * parser's own limits (nesting depth, number and string lengths) bound what it reads.
 */
final class ParamsDeserializer extends StdDeserializer<Params> {
  ParamsDeserializer() {
    super(Params.class);
  }

  @Override
  public Params deserialize(JsonParser parser, DeserializationContext context) {
    if (!parser.isExpectedStartObjectToken() && !parser.hasToken(JsonToken.PROPERTY_NAME)
        && !parser.hasToken(JsonToken.END_OBJECT)) {
      return context.reportInputMismatch(Params.class,
          "params are read from a JSON object, as Changeset.cast takes a map; got %s", parser.currentToken());
    }
    return new Params(object(parser, context));
  }

  /**
   * Reads an object from its start or, as Jackson hands an object on after reading a type id, from
   * its first name (or its end, when it has none).
   */
  private static Map<String, Object> object(JsonParser parser, DeserializationContext context) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (parser.hasToken(JsonToken.START_OBJECT)) {
      parser.nextToken();
    }
    for (; parser.hasToken(JsonToken.PROPERTY_NAME); parser.nextToken()) {
      String name = parser.currentName();
      parser.nextToken();
      map.put(name, value(parser, context));
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<Object> array(JsonParser parser, DeserializationContext context) {
    List<Object> list = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      list.add(value(parser, context));
    }
    return Collections.unmodifiableList(list);
  }

  private static Object value(JsonParser parser, DeserializationContext context) {
    return switch (parser.currentToken()) {
      case START_OBJECT -> object(parser, context);
      case START_ARRAY -> array(parser, context);
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      // NaN and infinities (when the parser allows them) have no decimal; casting refuses them.
      case VALUE_NUMBER_FLOAT -> parser.isNaN() ? (Object) parser.getDoubleValue() : parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> context.handleUnexpectedToken(Params.class, parser);
    };
  }
}
