package io.ecto4j.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.DefaultValues;
import io.ecto4j.processor.model.SchemaModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Checks what concerns several schemas: schemas sharing a table define its columns alike, and the
 * types a schema generates are its own (no existing type, no other schema's).
 */
public final class RoundValidator {
  private final ErrorReporter reporter;
  private final Elements elements;
  private final Claims claims;
  private final Filer filer;

  public RoundValidator(ErrorReporter reporter, Elements elements, Filer filer, Claims claims) {
    this.reporter = reporter;
    this.filer = filer;
    this.elements = elements;
    this.claims = claims;
  }

  /** Checks {@code schema} against the schemas validated before it, in this round or earlier ones. */
  public void validate(SchemaModel schema) {
    if (!schema.table().isEmpty()) {
      sharedColumns(schema);
    }
    generated(schema, schema.struct(), "struct", "struct");
    generated(schema, schema.companion(), "companion", "companion");
  }

  /**
   * Two schemas may map one table, as in Ecto (a full schema and a narrower one, say); the columns
   * they share must then be defined alike, since the schema resource creates the table once.
   */
  private void sharedColumns(SchemaModel schema) {
    String name = schema.schema().canonicalName();
    String table = schema.prefix().map(prefix -> prefix + ".").orElse("") + schema.table();
    for (ColumnModel column : schema.persistedColumns()) {
      String definition = definition(schema, column);
      claims.claimColumn(table, column.column(), name, definition).ifPresent(other -> reporter.error(
          Messages.tableColumnConflict(name, table, column.column(), definition, other.schema(), other.definition()),
          column.origin(), column.kind().attribute()));
    }
  }

  /**
   * What the DDL says of a column, as compared between two schemas: its SQL type, {@code NOT NULL}
   * and its default (parsed, so that {@code "0"} and {@code "00"} agree), e.g. {@code integer NOT NULL DEFAULT 0}.
   */
  private static String definition(SchemaModel schema, ColumnModel column) {
    if (column.kind() == ColumnKind.PRIMARY_KEY) {
      return schema.primaryKeyType().ddlType() + " PRIMARY KEY";
    }
    return column.mapping().sqlType() + (column.nullable() ? "" : " NOT NULL")
        + column.defaultValue().flatMap(text -> DefaultValues.parse(column.mapping(), text))
            .map(value -> " DEFAULT " + value).orElse("");
  }

  private void generated(SchemaModel schema, ClassName type, String what, String attribute) {
    String name = schema.schema().canonicalName();
    String qualified = type.canonicalName();
    if (attribute.equals("companion") && type.equals(schema.struct())) {
      reporter.error(Messages.generatedNameTwice(name, qualified, "its struct"), schema.origin(), attribute);
      return;
    }
    Optional<String> other = claims.claimType(qualified, name);
    if (other.isPresent()) {
      reporter.error(Messages.generatedNameTwice(name, qualified, other.get()), schema.origin(), attribute);
      return;
    }
    if (inOutputDirectory(type)) {
      return;
    }
    // Looked up in the schema's own module, where a type of its package can only be: without a
    // module javac searches every module of the platform for a name that usually does not exist,
    // 3.7 % of the CPU time of a compile of 200 schemas (0.7 % in one module).
    TypeElement existing = elements.getTypeElement(elements.getModuleOf(schema.element()), qualified);
    if (existing != null && !generatedBefore(existing, schema, attribute.equals("struct"))) {
      reporter.error(Messages.generatedNameExists(name, what, qualified, attribute), schema.origin(), attribute);
    }
  }

  /**
   * Whether the output directory holds a class file of {@code type}: what an earlier build wrote
   * there, which this build's output replaces (a full build, which compiles a hand-written class of
   * that name too, reports the clash through {@link Claims} or the element). It must not be
   * looked up as an element: javac would read the stale class file, and javac 17 then crashes in
   * {@code Lower.generateMandatedAccessors} compiling the new source of the same record.
   */
  private boolean inOutputDirectory(ClassName type) {
    try (InputStream classFile = filer.getResource(StandardLocation.CLASS_OUTPUT, type.packageName(),
        String.join("$", type.simpleNames()) + ".class").openInputStream()) {
      return classFile != null;
    } catch (IOException | IllegalArgumentException | IllegalStateException notThere) {
      return false;
    }
  }

  /**
   * Whether {@code existing} is the output of an earlier build of this very schema (a stale class
   * on the classpath), which the new output replaces.
   */
  private static boolean generatedBefore(TypeElement existing, SchemaModel schema, boolean struct) {
    List<TypeMirror> supertypes = new ArrayList<>(existing.getInterfaces());
    supertypes.add(existing.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (!(supertype instanceof DeclaredType)) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
      String name = element.getQualifiedName().toString();
      if (struct ? name.equals(schema.schema().canonicalName()) : isTableOf(supertype, name, schema)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Table<PostStruct>}, or since #21's sixth pass {@code SchemaTable<PostStruct>}. */
  private static boolean isTableOf(TypeMirror supertype, String name, SchemaModel schema) {
    return (name.equals(RuntimeNames.TABLE.canonicalName()) || name.equals(RuntimeNames.SCHEMA_TABLE.canonicalName()))
        && ((DeclaredType) supertype).getTypeArguments().size() == 1
        && ((DeclaredType) supertype).getTypeArguments().get(0).toString().equals(schema.struct().canonicalName());
  }
}
