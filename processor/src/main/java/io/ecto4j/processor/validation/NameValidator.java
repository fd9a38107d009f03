package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.MethodRef;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Checks that the struct components and the members generated from them (with-methods,
 * companion constants) have unique names that clash with nothing generated.
 */
final class NameValidator {
  /** Record component names javac forbids or the struct declares itself. */
  private static final Set<String> RESERVED_COMPONENTS = Set.of("schema", "builder", "NOT_LOADED", "clone", "finalize",
      "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "meta", "BUILT_META", "LOADED_META");
  /**
   * The constants a companion declares besides its fields' and associations': a table's
   * (CompanionGenerator, TableDefinitionWriter) and an embedded schema's (EmbeddedCompanionGenerator).
   */
  private static final Set<String> COMPANION_CONSTANTS = Set.of("SCHEMA", "INSERT_SQL", "GET_SQL", "DELETE_SQL",
      "DDL", "JOIN_TABLES_DDL", "DEFINITION", "FIELDS", "VIRTUAL_FIELDS", "ASSOCIATIONS");

  private final ErrorReporter reporter;

  NameValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    List<Component> components = components(schema);
    Map<String, Component> byName = new HashMap<>();
    Map<String, Component> byWith = new HashMap<>();
    Map<String, Component> byConstant = new HashMap<>();
    for (Component component : components) {
      if (!reserved(schema, component) && unique(component, byName)) {
        generatedMember(component, "with" + Names.capitalize(component.name) + "()", byWith);
        constant(schema, component, byConstant);
      }
    }
    defaultMethods(schema, byName);
  }

  private boolean reserved(SchemaModel schema, Component component) {
    if (!RESERVED_COMPONENTS.contains(component.name)) {
      return false;
    }
    String member = component.name.equals(component.name.toUpperCase(java.util.Locale.ROOT))
        ? "constant " + schema.struct().simpleName() + "." + component.name
        : "method " + component.name + "() of " + schema.struct().simpleName();
    reporter.error(Messages.reservedName(component.what, member), component.origin, component.attribute);
    return true;
  }

  private boolean unique(Component component, Map<String, Component> byName) {
    Component first = byName.putIfAbsent(component.name, component);
    if (first != null) {
      reporter.error(Messages.nameClash(component.what, first.what, component.name), component.origin,
          component.attribute);
    }
    return first == null;
  }

  private void generatedMember(Component component, String member, Map<String, Component> seen) {
    Component first = seen.putIfAbsent(member, component);
    if (first != null) {
      reporter.error(Messages.generatedMemberClash(component.what, member, first.what),
          component.origin, component.attribute);
    }
  }

  private void constant(SchemaModel schema, Component component, Map<String, Component> seen) {
    String constant = Names.constantCase(component.name);
    if (COMPANION_CONSTANTS.contains(constant)) {
      reporter.error(Messages.reservedName(component.what,
          "constant " + schema.companion().simpleName() + "." + constant), component.origin, component.attribute);
    } else {
      generatedMember(component, "constant " + schema.companion().simpleName() + "." + constant, seen);
    }
  }

  /** Default methods are inherited by the struct, so they must not share a generated signature. */
  private void defaultMethods(SchemaModel schema, Map<String, Component> components) {
    for (MethodRef method : schema.otherMethods()) {
      if (method.element().getModifiers().contains(Modifier.DEFAULT)) {
        String clash = clash(method, components);
        if (clash != null) {
          reporter.error(Messages.reservedName("default method " + method.name() + "()", clash), method.element());
        }
      }
    }
  }

  private static String clash(MethodRef method, Map<String, Component> components) {
    String name = method.name();
    if (method.parameterCount() == 0 && (components.containsKey(name) || name.equals("schema")
        || name.equals("builder") || name.equals("meta"))) {
      return "accessor " + name + "()";
    }
    boolean copy = method.parameterCount() == 1 && (name.equals("withMeta")
        || components.keySet().stream().anyMatch(component -> ("with" + Names.capitalize(component)).equals(name)));
    return copy ? "copy method " + name + "(…)" : null;
  }

  private static List<Component> components(SchemaModel schema) {
    List<Component> components = new ArrayList<>();
    for (ColumnModel column : schema.columns()) {
      components.add(new Component(column.name(), Describe.column(column), column.origin(), column.kind().attribute()));
    }
    for (AssociationModel association : schema.associations()) {
      components.add(new Component(association.name(), Describe.association(association), association.origin(), ""));
    }
    return components;
  }

  /** A struct component as this validator sees it. */
  private record Component(String name, String what, Origin origin, String attribute) {}
}
