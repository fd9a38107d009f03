package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;

/**
 * Code about association slots: the not-loaded marker of a to-one slot is the target struct's
 * {@code NOT_LOADED}, that of a to-many slot is {@code NotLoaded.list()}; both compared by identity.
 */
final class Slots {
  private Slots() {}

  /** The marker a new struct's slot holds. */
  static CodeBlock marker(AssociationModel association) {
    return association.kind().isToOne()
        ? CodeBlock.of("$T.NOT_LOADED", association.target().struct())
        : CodeBlock.of("$T.list()", RuntimeNames.NOT_LOADED);
  }

  /** Whether {@code slot} (an expression) holds the marker. */
  static CodeBlock isNotLoaded(AssociationModel association, CodeBlock slot) {
    return association.kind().isToOne()
        ? CodeBlock.of("$L == $T.NOT_LOADED", slot, association.target().struct())
        : CodeBlock.of("$T.isNotLoaded($L)", RuntimeNames.NOT_LOADED, slot);
  }

  /** Whether {@code slot} (an expression) holds loaded data. */
  static CodeBlock isLoaded(AssociationModel association, CodeBlock slot) {
    return association.kind().isToOne()
        ? CodeBlock.of("$L != $T.NOT_LOADED", slot, association.target().struct())
        : CodeBlock.of("!$T.isNotLoaded($L)", RuntimeNames.NOT_LOADED, slot);
  }

  /** The struct's static method telling whether the slot is loaded, e.g. {@code authorLoaded}. */
  static String loadedMethod(AssociationModel association) {
    return association.name() + "Loaded";
  }

  /** The companion constant naming the association, e.g. {@code Posts.AUTHOR}. */
  static String constant(SchemaModel schema, AssociationModel association) {
    return schema.companion().simpleName() + "." + Names.constantCase(association.name());
  }

  /** The companion constant naming the field, e.g. {@code Posts.TITLE}. */
  static String constant(SchemaModel schema, ColumnModel column) {
    return schema.companion().simpleName() + "." + Names.constantCase(column.name());
  }

  /** How generated code names a struct of {@code schema} in a parameter: {@code post}. */
  static String ownerVariable(SchemaModel schema) {
    return Names.localName(Names.decapitalize(schema.schema().simpleName()));
  }
}
