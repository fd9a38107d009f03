package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;

/**
 * Ecto's field options on one table: writable, on_writable_violation, read_after_writes,
 * load_in_query and autogenerate, and timestamps in columns of their own names.
 */
@Schema("option_records")
@Timestamps(insertedAtColumn = "created_on", updatedAtColumn = "modified_on", insertedAtWritable = Writable.INSERT)
public interface OptionRecord {
  Long id();

  @Field String name();

  /** Set on insert, kept by updates. */
  @Field(writable = Writable.INSERT) String createdBy();

  /** Set on insert; an update that tries to change it fails. */
  @Field(writable = Writable.INSERT, onWritableViolation = WritableViolation.RAISE) String owner();

  /** Filled by the database default; read only for the repo. */
  @Field(writable = Writable.NEVER, redact = true) String unwritablePass();

  /** Set by a trigger on every write, read back whatever the write returns. */
  @Field(readAfterWrites = true, column = "rev") Long revision();

  /** Left out of whole-struct queries. */
  @Field(loadInQuery = false, type = "text") String body();

  /** Left out of whole-struct queries; its default comes back in their structs. */
  @Field(loadInQuery = false, defaultValue = "7") int weight();

  /** Made on insert when not given. */
  @Field(autogenerate = OptionSlugs.class) String slug();
}
