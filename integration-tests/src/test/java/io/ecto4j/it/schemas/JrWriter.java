package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's integration User with its posts replaced on cast ({@code on_replace: :delete}). */
@Schema("jr_writers")
public interface JrWriter {
  @Field String name();

  @HasMany(foreignKey = "writer_id", onReplace = OnReplace.DELETE) List<JrArticle> articles();
}
