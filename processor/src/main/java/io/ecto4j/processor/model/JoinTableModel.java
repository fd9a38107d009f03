package io.ecto4j.processor.model;

/** The join table of a {@code @ManyToMany} and its columns pointing at the owner and the related schema. */
public record JoinTableModel(String table, String ownerColumn, String relatedColumn) {}
