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
    gen.writeStartObject(struct);
    write(struct, (Table<Object>) struct.schema(), gen, context);
    gen.writeEndObject();
  }

  private void write(Object struct, Table<Object> table, JsonGenerator gen, SerializationContext context) {
    writeFields(struct, table.fields(), gen, context);
    writeFields(struct, table.virtualFields(), gen, context);
    for (Association<Object, ?> association : table.associations()) {
      writeAssociation(struct, association, gen, context);
    }
  }

  private static void writeFields(Object struct, List<Field<Object, ?>> fields, JsonGenerator gen,
      SerializationContext context) {
    for (Field<Object, ?> field : fields) {
      // Redaction is the schema's promise, so no option of the mapper or the module can undo it.
      if (!field.isRedacted()) {
        gen.writeName(field.name());
        context.writeValue(gen, field.get(struct));
      }
    }
  }

  private <C> void writeAssociation(Object struct, Association<Object, C> association, JsonGenerator gen,
      SerializationContext context) {
    if (!association.isLoaded(struct)) {
      if (unloaded == UnloadedAssociations.NULL) {
        gen.writeNullProperty(association.name());
      }
      return;
    }
    // The slot's reader is not public API; the runtime's bridge reads it without reflection.
    List<C> children = Internals.association().children(association, struct);
    gen.writeName(association.name());
    if (association.kind().isToOne()) {
      context.writeValue(gen, children.isEmpty() ? null : children.get(0));
      return;
    }
    gen.writeStartArray(children, children.size());
    for (C child : children) {
      context.writeValue(gen, child);
    }
    gen.writeEndArray();
  }
}
