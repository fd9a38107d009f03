package io.ecto4j.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * Finds {@code .uniqueConstraint(Posts.TITLE)}, {@code .foreignKeyConstraint(Comments.POST_ID)} and
 * {@code .checkConstraint(Posts.VIEW_COUNT)} in a method body and reports those the schema's DDL
 * does not back. A call naming its constraint ({@code Constraint.name("…")}) points at one a
 * migration made, which the processor cannot see, so it is trusted.
 */
final class ConstraintCalls extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final CompilationUnitTree unit;
  private final IntegritySchema schema;
  private final Diagnostic.Kind kind;

  ConstraintCalls(Trees trees, CompilationUnitTree unit, IntegritySchema schema, Diagnostic.Kind kind) {
    this.trees = trees;
    this.unit = unit;
    this.schema = schema;
    this.kind = kind;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
    if (call.getMethodSelect() instanceof MemberSelectTree select && !call.getArguments().isEmpty()
        && call.getArguments().get(0) instanceof MemberSelectTree field && !namesItsConstraint(call.getArguments())) {
      check(call, select.getIdentifier().toString(), field.getIdentifier().toString(), field.toString());
    }
    return super.visitMethodInvocation(call, unused);
  }

  private void check(MethodInvocationTree call, String method, String constant, String reference) {
    String problem = switch (method) {
      case "uniqueConstraint" -> schema.column(constant).filter(c -> !c.unique())
          .map(c -> Messages.uniqueWithoutIndex(reference, schema.type(), schema.table(), c.name())).orElse(null);
      case "foreignKeyConstraint" -> schema.column(constant).filter(c -> !c.foreignKey())
          .map(c -> Messages.foreignKeyWithoutReference(reference, schema.type(), schema.table(), c.name())).orElse(null);
      case "checkConstraint" -> schema.column(constant)
          .map(c -> Messages.checkWithoutConstraint(reference, schema.type(), schema.table(), c.name())).orElse(null);
      default -> null;
    };
    if (problem != null) {
      trees.printMessage(kind, problem, call, unit);
    }
  }

  private static boolean namesItsConstraint(List<? extends ExpressionTree> arguments) {
    return arguments.stream().skip(1).anyMatch(a -> a.toString().contains("name("));
  }
}
