package io.ecto4j.schema;

/**
 * When the repo writes a field, Ecto's {@code writable:} option.
 *
 * <pre>{@code
 * @Field(writable = Writable.INSERT) String createdBy();   // set once, never updated
 * @Field(writable = Writable.NEVER) String searchVector(); // filled by the database, read only
 * }</pre>
 */
public enum Writable {
  /** Written by inserts, updates and upserts (the default). */
  ALWAYS,
  /** Written by inserts only: updates and an upsert's {@code replaceAll} leave it out. */
  INSERT,
  /** Never written by the repo (insert, update, insertAll, upsert); read as usual. */
  NEVER
}
