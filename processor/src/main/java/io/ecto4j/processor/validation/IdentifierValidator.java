package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.SchemaModel;
import java.util.Optional;

/** Checks that every table and column name the schema produces is a plain SQL identifier. */
final class IdentifierValidator {
  private final ErrorReporter reporter;

  IdentifierValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    String table = schema.table();
    if (!table.isEmpty()) {
      check("table name", table, schema.origin(), "value",
          "; e.g. @Schema(\"" + Names.suggestedTable(schema.schema().simpleName()) + "\")");
    }
    for (ColumnModel column : schema.columns()) {
      // A key or timestamp name that is no Java name was reported already; its column follows from it.
      if (column.kind() != ColumnKind.VIRTUAL && column.kind() != ColumnKind.FOREIGN_KEY
          && Names.isJavaIdentifier(column.name())) {
        check("column of " + Describe.column(column), column.column(), column.origin(), column.kind().attribute(),
            column.kind() == ColumnKind.COLUMN ? "; set @Field(column = \"…\")" : "");
      }
    }
    schema.associations().forEach(this::association);
  }

  private void association(AssociationModel association) {
    String what = " of " + Describe.association(association);
    Origin origin = association.origin();
    switch (association.kind()) {
      case BELONGS_TO -> {
        check(association.ownerKey(), "foreign key" + what, origin, "foreignKey");
        check(association.relatedKey(), "referenced column" + what, origin, "references");
      }
      case HAS_ONE, HAS_MANY -> {
        check(association.ownerKey(), "referenced column" + what, origin, "references");
        check(association.relatedKey(), "foreign key" + what, origin, "foreignKey");
      }
      case MANY_TO_MANY -> association.joinTable().ifPresent(join -> {
        if (!join.table().isEmpty()) {
          check("join table" + what, join.table(), origin, "joinThrough", "");
        }
        check("join key" + what, join.ownerColumn(), origin, "joinKey", "");
        check("inverse join key" + what, join.relatedColumn(), origin, "inverseJoinKey", "");
      });
    }
  }

  private void check(Optional<String> name, String what, Origin origin, String attribute) {
    name.ifPresent(value -> check(what, value, origin, attribute, "; set " + attribute + " = \"…\""));
  }

  private void check(String what, String name, Origin origin, String attribute, String fix) {
    if (!Names.isSqlIdentifier(name)) {
      reporter.error(Messages.sqlIdentifier(what, name, fix), origin, attribute);
    }
  }
}
