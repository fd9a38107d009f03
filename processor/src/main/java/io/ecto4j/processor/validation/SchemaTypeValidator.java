package io.ecto4j.processor.validation;

import io.ecto4j.processor.EmbedMessages;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.ObjectMethods;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Checks the {@code @Schema} type itself and its type-level annotations. */
final class SchemaTypeValidator {
  private final ErrorReporter reporter;
  private final Elements elements;
  private final Annotations annotations;

  SchemaTypeValidator(ErrorReporter reporter, Elements elements, Annotations annotations) {
    this.reporter = reporter;
    this.elements = elements;
    this.annotations = annotations;
  }

  /** Checks {@code schema}; false when it is no interface, so that its methods mean nothing. */
  boolean validate(TypeElement schema) {
    AnnotationMirror annotation = annotations.schemaOrEmbedded(schema).orElseThrow();
    boolean embedded = annotations.find(schema, RuntimeNames.SCHEMA).isEmpty();
    Origin origin = Origin.of(schema, annotation);
    String name = schema.getSimpleName().toString();
    if (schema.getKind() != ElementKind.INTERFACE) {
      reporter.error(Messages.schemaKind(name, describe(schema.getKind())), origin);
      return false;
    }
    if (!schema.getTypeParameters().isEmpty()) {
      reporter.error(Messages.schemaGeneric(name), schema);
    }
    if (isPrivate(schema)) {
      reporter.error(Messages.schemaVisibility(name), schema);
    }
    if (embedded) {
      embeddedRules(schema, annotation, origin);
    } else if (annotations.string(annotation, "value").isEmpty()) {
      reporter.error(Messages.schemaTableName(name), origin);
    }
    generatedName(origin, annotation, "struct");
    generatedName(origin, annotation, "companion");
    primaryKeyName(origin, annotation);
    timestamps(schema);
    inheritedMethods(schema);
    return true;
  }

  /** An embedded schema's key cannot come from a sequence, and it has no table to stamp. */
  private void embeddedRules(TypeElement schema, AnnotationMirror annotation, Origin origin) {
    String name = schema.getSimpleName().toString();
    if (annotations.enumName(annotations.annotation(annotation, "primaryKey"), "type").equals("BIGSERIAL")) {
      reporter.error(EmbedMessages.bigserialKey(name), origin, "primaryKey");
    }
    annotations.find(schema, RuntimeNames.TIMESTAMPS_ANNOTATION)
        .ifPresent(timestamps -> reporter.error(EmbedMessages.embeddedMember(name, "@Timestamps"),
            Origin.of(schema, timestamps)));
    // Its associations are checked with each method (EmbeddedAssociationValidator), so that a bad one is not read.
  }

  private void generatedName(Origin origin, AnnotationMirror annotation, String attribute) {
    String value = annotations.string(annotation, attribute);
    if (!value.isEmpty() && !Names.isJavaIdentifier(value)) {
      reporter.error(Messages.generatedName(attribute, value), origin, attribute);
    }
  }

  private void primaryKeyName(Origin origin, AnnotationMirror annotation) {
    String name = annotations.string(annotations.annotation(annotation, "primaryKey"), "name");
    if (!Names.isJavaIdentifier(name)) {
      reporter.error(Messages.javaIdentifier("primary key name", name), origin, "primaryKey");
    }
  }

  private void timestamps(TypeElement schema) {
    annotations.find(schema, RuntimeNames.TIMESTAMPS_ANNOTATION).ifPresent(timestamps -> {
      Origin origin = Origin.of(schema, timestamps);
      String insertedAt = annotations.string(timestamps, "insertedAt");
      if (!Names.isJavaIdentifier(insertedAt)) {
        reporter.error(Messages.javaIdentifier("@Timestamps insertedAt", insertedAt), origin, "insertedAt");
      }
      String updatedAt = annotations.string(timestamps, "updatedAt");
      if (!updatedAt.isEmpty() && !Names.isJavaIdentifier(updatedAt)) {
        reporter.error(Messages.javaIdentifier("@Timestamps updatedAt", updatedAt), origin, "updatedAt");
      }
    });
  }

  /** Abstract methods of superinterfaces, which the generated record could not implement. */
  private void inheritedMethods(TypeElement schema) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(schema))) {
      Element owner = method.getEnclosingElement();
      if (!owner.equals(schema) && owner.getKind() == ElementKind.INTERFACE
          && method.getModifiers().contains(Modifier.ABSTRACT) && !ObjectMethods.overridesObject(method)) {
        reporter.error(Messages.schemaSuperinterface(schema.getSimpleName().toString(),
            method.getSimpleName() + "()", owner.getSimpleName().toString()), schema);
      }
    }
  }

  private static boolean isPrivate(Element element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
