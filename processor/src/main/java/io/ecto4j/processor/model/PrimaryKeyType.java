package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;

/** {@code io.ecto4j.schema.PrimaryKey.Type}, with what each kind means for the struct and the DDL. */
public enum PrimaryKeyType {
  BIGSERIAL(TypeMapping.scalar(ColumnType.LONG, ClassName.get(Long.class)), "bigserial"),
  UUID(TypeMapping.scalar(ColumnType.UUID, ClassName.get(java.util.UUID.class)), "uuid"),
  NONE(null, "");

  private final TypeMapping mapping;
  private final String ddlType;

  PrimaryKeyType(TypeMapping mapping, String ddlType) {
    this.mapping = mapping;
    this.ddlType = ddlType;
  }

  /** The key's type; foreign keys to it use the same (a {@code bigserial} is a {@code bigint}). */
  public TypeMapping mapping() {
    if (mapping == null) {
      throw new IllegalStateException("a schema without primary key has no key type");
    }
    return mapping;
  }

  /** The column type of the key itself in {@code CREATE TABLE}. */
  public String ddlType() {
    return ddlType;
  }

  /** Whether the database assigns the key, so that inserts leave it out. */
  public boolean generatedByDatabase() {
    return this == BIGSERIAL;
  }
}
