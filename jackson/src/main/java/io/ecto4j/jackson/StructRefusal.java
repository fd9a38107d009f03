package io.ecto4j.jackson;

import io.ecto4j.meta.Struct;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Refuses to read a struct from JSON, with the way Ecto takes external input instead: a struct
 * built field by field from a request would skip casting, validation and the changeset's errors.
 */
final class StructRefusal extends StdDeserializer<Object> {
  private final JavaType type;

  private StructRefusal(JavaType type) {
    super(type);
    this.type = type;
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) {
    String struct = type.getRawClass().getSimpleName();
    return context.reportBadDefinition(type, "ecto4j does not read a " + struct + " from JSON: read the body as "
        + Params.class.getName() + " and cast it with a changeset, e.g. Changeset.cast(new " + struct
        + "(), params.asMap(), …), so that it is cast and validated");
  }

  /** Finds the refusal for every generated struct, whichever its class. */
  static final class Finder extends Deserializers.Base {
    @Override
    public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
        BeanDescription.Supplier description) {
      return hasDeserializerFor(config, type.getRawClass()) ? new StructRefusal(type) : null;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
      return Struct.class.isAssignableFrom(valueType);
    }
  }
}
