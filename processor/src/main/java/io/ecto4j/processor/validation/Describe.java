package io.ecto4j.processor.validation;

import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;

/** How messages name the parts of a schema: {@code @Field title()}, {@code the primary key id}. */
final class Describe {
  private Describe() {}

  static String column(ColumnModel column) {
    return switch (column.kind()) {
      case PRIMARY_KEY -> "the primary key " + column.name();
      case COLUMN, VIRTUAL -> "@Field " + column.name() + "()";
      case FOREIGN_KEY -> "the foreign key " + column.name() + " of @BelongsTo "
          + column.origin().element().getSimpleName() + "()";
      case INSERTED_AT, UPDATED_AT -> "the timestamp " + column.name();
    };
  }

  static String association(AssociationModel association) {
    return "@" + association.kind().annotation() + " " + association.name() + "()";
  }
}
