package io.ecto4j.jackson;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a struct from its schema: fields by name through the mapper's serializers, redacted
 * ones never, loaded associations nested, unloaded ones as configured.
 */
@SuppressWarnings("rawtypes")
final class StructSerializer extends StdSerializer<Struct> {
  private final UnloadedAssociations unloaded;

  StructSerializer(UnloadedAssociations unloaded) {
    super(Struct.class);
    this.unloaded = unloaded;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void serialize(Struct struct, JsonGenerator gen, SerializationContext context) {
    Table<Object> table = (Table<Object>) struct.schema();
    Inclusion inclusion = Inclusion.of(context, struct.getClass());
    gen.writeStartObject(struct);
    writeFields(struct, table.fields(), inclusion, gen, context);
    writeFields(struct, table.virtualFields(), inclusion, gen, context);
    for (Association<Object, ?> association : table.associations()) {
      writeAssociation(struct, association, inclusion, gen, context);
    }
    gen.writeEndObject();
  }

  private static void writeFields(Object struct, List<Field<Object, ?>> fields, Inclusion inclusion,
      JsonGenerator gen, SerializationContext context) {
    for (Field<Object, ?> field : fields) {
      // Redaction is the schema's promise, so no option of the mapper or the module can undo it.
      if (!field.isRedacted()) {
        write(field.name(), field.get(struct), inclusion, gen, context);
      }
    }
  }

  private <C> void writeAssociation(Object struct, Association<Object, C> association, Inclusion inclusion,
      JsonGenerator gen, SerializationContext context) {
    if (!association.isLoaded(struct)) {
      if (unloaded == UnloadedAssociations.NULL) {
        gen.writeNullProperty(association.name());
      }
      return;
    }
    // The slot's reader is not public API; the runtime's bridge reads it without reflection.
    List<C> children = Internals.association().children(association, struct);
    Object value = !association.kind().isToOne() ? children : children.isEmpty() ? null : children.get(0);
    write(association.name(), value, inclusion, gen, context);
  }

  /** A property through the mapper's serializer for its value: a child struct comes back here. */
  private static void write(String name, Object value, Inclusion inclusion, JsonGenerator gen,
      SerializationContext context) {
    if (inclusion.includes(value, context)) {
      gen.writeName(name);
      context.writeValue(gen, value);
    }
  }
}
