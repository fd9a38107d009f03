package io.ecto4j.processor.model;

/** The {@code REFERENCES} clause of a foreign key column: the referenced table and column. */
public record ForeignKeyModel(String table, String column, OnDelete onDelete) {}
