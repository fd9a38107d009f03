package io.ecto4j.spring.boot.transaction;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.Map;

/** What the transaction tests write, through ecto4j and through JdbcTemplate alike. */
@Schema("notes")
public interface Note {
  String TABLE = "CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL UNIQUE)";

  @Field(nullable = false) String body();

  static Changeset<NoteStruct> changeset(NoteStruct note, Map<String, ?> params) {
    return Changeset.cast(note, params, Notes.BODY).validateRequired(Notes.BODY).uniqueConstraint(Notes.BODY);
  }
}
