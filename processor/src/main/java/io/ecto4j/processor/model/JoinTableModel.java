package io.ecto4j.processor.model;

import java.util.Optional;

/**
 * The join table of a {@code @ManyToMany} and its columns pointing at the owner and the related
 * schema; {@code schema} is the join schema whose table it is, when declared by {@code joinSchema};
 * {@code inverse} is the other side's declaration of the same table, when it declares one.
 */
public record JoinTableModel(String table, String ownerColumn, String relatedColumn, Optional<SchemaRef> schema,
    Optional<JoinTableModel> inverse) {
  public JoinTableModel(String table, String ownerColumn, String relatedColumn) {
    this(table, ownerColumn, relatedColumn, Optional.empty(), Optional.empty());
  }

  /** Whether the other side names the same columns the other way round, as it must. */
  public boolean agreesWithInverse() {
    return inverse.map(other -> other.ownerColumn().equals(relatedColumn) && other.relatedColumn().equals(ownerColumn))
        .orElse(true);
  }

  /** Whether the processor writes this table's DDL; a join schema writes its own. */
  public boolean needsDdl() {
    return schema.isEmpty();
  }
}
