package io.ecto4j.jackson;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a changeset as Phoenix's {@code ChangesetJSON} does: {@code {"errors": …}} with the
 * errors of {@link Changeset#traverseErrors(Function)}, so nested association errors keep Ecto's
 * shape (an object for a to-one, an array of objects, one per child, for a to-many).
 */
@SuppressWarnings("rawtypes")
final class ChangesetSerializer extends StdSerializer<Changeset> {
  private final Function<ChangesetError, String> messages;

  ChangesetSerializer(Function<ChangesetError, String> messages) {
    super(Changeset.class);
    this.messages = messages;
  }

  @Override
  public void serialize(Changeset changeset, JsonGenerator gen, SerializationContext context) {
    Changeset<?> typed = changeset;
    gen.writeStartObject(typed);
    gen.writeName("errors");
    context.writeValue(gen, typed.traverseErrors(messages));
    gen.writeEndObject();
  }
}
