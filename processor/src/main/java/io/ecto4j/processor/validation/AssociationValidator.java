package io.ecto4j.processor.validation;

import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.FilterModel;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.PreloadOrder;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.ThroughLink;
import java.util.Optional;

/**
 * Checks the keys of each association: the schemas they need have a primary key, a referenced
 * column exists, a {@code @HasMany}/{@code @HasOne} has its {@code @BelongsTo} on the other side.
 */
final class AssociationValidator {
  private final ErrorReporter reporter;
  private final FilterValidator filters;

  AssociationValidator(ErrorReporter reporter) {
    this.reporter = reporter;
    this.filters = new FilterValidator(reporter);
  }

  void validate(SchemaModel schema) {
    for (AssociationModel association : schema.associations()) {
      if (keysPresent(schema, association)) {
        switch (association.kind()) {
          case BELONGS_TO -> {
            referencedColumn(association);
            declaredForeignKey(schema, association);
          }
          case HAS_ONE, HAS_MANY -> {
            if (association.isThrough()) {
              throughPath(association);
            } else if (ownColumn(schema, association)) {
              inverse(schema, association);
            }
          }
          case MANY_TO_MANY -> joinKeys(schema.ref(), association);
        }
        preloadOrder(association);
        onReplace(association);
        association.where().forEach(filter -> filters.validate(association, association.target(), filter));
        joinWhere(association);
      }
    }
  }

  /** {@code UPDATE} replaces a to-one child in place; a has_many has no one child to update, as Ecto refuses it. */
  private void onReplace(AssociationModel association) {
    if (association.kind() == AssociationKind.HAS_MANY && association.onReplace().equals("UPDATE")) {
      reporter.error(Messages.onReplaceUpdateOnHasMany(association.name()), association.origin(), "onReplace");
    }
  }

  /** Reports a missing key: a primary key the association defaults to on a schema without one. */
  private boolean keysPresent(SchemaModel schema, AssociationModel association) {
    if (association.ownerKey().isEmpty()) {
      missingKey(association, schema.schema().simpleName());
      return false;
    }
    if (association.relatedKey().isEmpty()) {
      missingKey(association, association.target().schema().simpleName());
      return false;
    }
    return true;
  }

  private void missingKey(AssociationModel association, String schema) {
    reporter.error(Messages.associationPrimaryKey(association.kind(), association.name(), schema),
        association.origin());
  }

  /** Every link of a {@code through} path must exist, and the path must end at the declared type. */
  private void throughPath(AssociationModel association) {
    ThroughLink last = association.through().get(association.through().size() - 1);
    for (ThroughLink link : association.through()) {
      if (link.target().isEmpty()) {
        reporter.error(Messages.throughLink(association.kind(), association.name(), link.name(),
            link.owner().simpleName()), association.origin(), "through");
        return;
      }
    }
    SchemaRef reached = last.target().orElseThrow();
    if (!reached.schema().equals(association.target().schema())) {
      reporter.error(Messages.throughTarget(association.kind(), association.name(), reached.schema().simpleName(),
          association.target().schema().simpleName()), association.origin(), "through");
    }
  }

  /**
   * {@code @BelongsTo(defineField = false)} adds no key field: the schema must declare one, a
   * {@code @Field} in the key's column of the referenced key's type.
   */
  private void declaredForeignKey(SchemaModel schema, AssociationModel association) {
    boolean declaredByUser = association.origin().annotation().stream()
        .flatMap(a -> a.getElementValues().entrySet().stream())
        .anyMatch(e -> e.getKey().getSimpleName().contentEquals("defineField") && Boolean.FALSE.equals(e.getValue().getValue()));
    if (!declaredByUser) {
      return;
    }
    String column = association.ownerKey().orElseThrow();
    Optional<ColumnModel> field = schema.column(column).filter(c -> c.kind() == ColumnKind.COLUMN);
    Optional<TypeName> keyType = association.relatedKey().flatMap(key -> association.target().column(key))
        .map(referenced -> referenced.mapping().boxed().javaType());
    if (field.isEmpty()) {
      reporter.error(Messages.foreignKeyFieldMissing(association.name(), column,
          keyType.map(t -> Names.display(t.toString())).orElse("Long")), association.origin(), "defineField");
    } else if (keyType.isPresent() && !field.get().mapping().boxed().javaType().equals(keyType.get())) {
      reporter.error(Messages.foreignKeyFieldType(association.name(), field.get().name(),
          Names.display(field.get().mapping().javaType().toString()), Names.display(keyType.get().toString())),
          field.get().origin());
    }
  }

  private void referencedColumn(AssociationModel association) {
    String column = association.relatedKey().orElseThrow();
    SchemaRef target = association.target();
    if (target.column(column).isEmpty()) {
      reporter.error(Messages.belongsToReferences(association.name(), column, target.schema().simpleName()),
          association.origin(), "references");
    }
  }

  /** The column a {@code @HasOne}/{@code @HasMany} references is one of the owner's, Ecto's "schema does not have the field". */
  private boolean ownColumn(SchemaModel schema, AssociationModel association) {
    String column = association.ownerKey().orElseThrow();
    if (schema.column(column).filter(ColumnModel::isPersisted).isPresent()) {
      return true;
    }
    reporter.error(Messages.hasReferences(association.kind(), association.name(), column, schema.schema().simpleName()),
        association.origin(), "references");
    return false;
  }

  private void inverse(SchemaModel schema, AssociationModel association) {
    String foreignKey = association.relatedKey().orElseThrow();
    boolean found = association.target().belongsTo().stream()
        .anyMatch(inverse -> inverse.target().equals(schema.schema()) && inverse.foreignKey().equals(foreignKey));
    if (found) {
      return;
    }
    String owner = schema.schema().simpleName();
    String child = association.target().schema().simpleName();
    association.target().belongsTo().stream().filter(inverse -> inverse.target().equals(schema.schema())).findFirst()
        .ifPresentOrElse(
            other -> reporter.errorKeepingCode(Messages.inverseOnAnotherKey(association.kind(), association.name(),
                owner, child, foreignKey, other.name(), other.foreignKey()), association.origin()),
            () -> reporter.errorKeepingCode(Messages.missingInverse(association.kind(), association.name(), owner,
                child, foreignKey), association.origin()));
  }

  /** A {@code preloadOrder} must parse, and name persisted columns of the related schema. */
  private void preloadOrder(AssociationModel association) {
    String text = association.preloadOrder();
    if (text.isEmpty()) {
      return;
    }
    String target = association.target().schema().simpleName();
    PreloadOrder.parse(text).ifPresentOrElse(
        terms -> terms.stream().filter(term -> association.target().column(term.column()).isEmpty()).findFirst()
            .ifPresent(term -> reporter.error(Messages.preloadOrderColumn(association.kind(), association.name(),
                term.column(), target), association.origin(), "preloadOrder")),
        () -> reporter.error(Messages.preloadOrderSyntax(association.kind(), association.name(), text),
            association.origin(), "preloadOrder"));
  }

  /**
   * A {@code joinWhere} filters columns of the join schema, which a join table named by itself
   * lacks: its columns are not known at compile time.
   */
  private void joinWhere(AssociationModel association) {
    if (association.joinWhere().isEmpty()) {
      return;
    }
    association.joinTable().flatMap(JoinTableModel::schema).ifPresentOrElse(
        joinSchema -> association.joinWhere().forEach(filter -> filters.validate(association, joinSchema, filter)),
        () -> {
          FilterModel first = association.joinWhere().get(0);
          reporter.error(Messages.joinWhereWithoutSchema(association.name(), first.columnAttribute(), first.column()),
              first.origin(), first.columnAttribute());
        });
  }

  private void joinKeys(SchemaRef schema, AssociationModel association) {
    association.joinTable()
        .filter(join -> join.ownerColumn().equals(join.relatedColumn()))
        .ifPresent(join -> reporter.error(Messages.joinKeys(association.name(), join.ownerColumn()),
            association.origin()));
    association.joinTable()
        .filter(join -> !join.agreesWithInverse())
        .ifPresent(join -> reporter.error(Messages.joinTableConflict(association.name(), join.table(),
            join.ownerColumn(), join.relatedColumn(), association.target().schema().simpleName(),
            join.inverse().orElseThrow().ownerColumn(), join.inverse().orElseThrow().relatedColumn()),
            association.origin(), "joinThrough"));
    association.joinTable().flatMap(JoinTableModel::schema).ifPresent(joinSchema -> {
      JoinTableModel join = association.joinTable().orElseThrow();
      joinSchemaColumn(association, joinSchema, join.ownerColumn(), schema, "joinKey");
      joinSchemaColumn(association, joinSchema, join.relatedColumn(), association.target(), "inverseJoinKey");
    });
  }

  /** The join schema has {@code column}, as a foreign key or a field of the key's type of {@code side}. */
  private void joinSchemaColumn(AssociationModel association, SchemaRef joinSchema, String column, SchemaRef side,
      String attribute) {
    String joinName = joinSchema.schema().simpleName();
    String sideName = side.schema().simpleName();
    if (joinSchema.belongsTo().stream().anyMatch(inverse -> inverse.foreignKey().equals(column))) {
      return;
    }
    joinSchema.column(column).ifPresentOrElse(
        ref -> {
          String keyType = side.primaryKeyType().mapping().sqlType();
          if (!ref.mapping().sqlType().equals(keyType)) {
            reporter.error(Messages.joinSchemaColumnType(association.name(), joinName, column,
                ref.mapping().sqlType(), sideName, keyType), association.origin(), "joinSchema");
          }
        },
        () -> reporter.error(Messages.joinSchemaColumn(association.name(), joinName, column, sideName, attribute),
            association.origin(), "joinSchema"));
  }
}
