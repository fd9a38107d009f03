package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.Map;

/** A note of an {@link EmbedOrder} that names an author: the failing child of repo.exs "… with embeds during failing child foreign key". */
@Schema("embed_order_notes")
public interface EmbedOrderNote {
  @Field String text();

  @BelongsTo EmbedOrder order();

  @BelongsTo EmbedAuthor author();

  /** Casts the author's key, whose foreign key violation becomes a changeset error. */
  static Changeset<EmbedOrderNoteStruct> changeset(EmbedOrderNoteStruct note, Map<String, ?> params) {
    return Changeset.cast(note, params, EmbedOrderNotes.TEXT, EmbedOrderNotes.AUTHOR_ID)
        .foreignKeyConstraint(EmbedOrderNotes.AUTHOR_ID);
  }
}
