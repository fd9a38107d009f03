package io.ecto4j.processor.model;

import java.util.Optional;

/**
 * The join table of a {@code @ManyToMany} and its columns pointing at the owner and the related
 * schema; {@code inverse} is the other side's declaration of the same table, when it declares one.
 */
public record JoinTableModel(String table, String ownerColumn, String relatedColumn, Optional<JoinTableModel> inverse) {
  public JoinTableModel(String table, String ownerColumn, String relatedColumn) {
    this(table, ownerColumn, relatedColumn, Optional.empty());
  }

  /** Whether the other side names the same columns the other way round, as it must. */
  public boolean agreesWithInverse() {
    return inverse.map(other -> other.ownerColumn().equals(relatedColumn) && other.relatedColumn().equals(ownerColumn))
        .orElse(true);
  }
}
