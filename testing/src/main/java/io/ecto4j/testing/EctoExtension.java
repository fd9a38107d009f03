package io.ecto4j.testing;

import io.ecto4j.repo.Repo;
import java.lang.reflect.Executable;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link EctoTest} switches on: a database per test class, parameters, and the sandbox.
 *
 * <p>The class's {@link ClassDatabase} lives in the store of the class annotated with
 * {@code @EctoTest}, keyed by that class; a {@code @Nested} class without an annotation of its own
 * finds it there and shares it. It is made by whichever comes first, {@code beforeAll} or (with
 * {@code @TestInstance(PER_CLASS)}, whose instance is made earlier) the constructor's parameters.
 */
final class EctoExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EctoExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    if (owner(testClass) == testClass) {
      ClassDatabase own = context.getStore(NAMESPACE).remove(testClass, ClassDatabase.class);
      if (own != null) {
        own.close();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    database(context).beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    database(context).endTest();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class || type == Repo.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassDatabase database = database(context);
    Class<?> type = parameter.getParameter().getType();
    boolean committed = isClassLevel(parameter.getDeclaringExecutable());
    if (type == TestDatabase.class) {
      return database.database();
    }
    return type == DataSource.class ? database.dataSource(committed) : database.repo(committed);
  }

  /** {@code @BeforeAll}/{@code @AfterAll} run outside any test, so never in a sandbox. */
  private static boolean isClassLevel(Executable executable) {
    return AnnotationSupport.isAnnotated(executable, BeforeAll.class)
        || AnnotationSupport.isAnnotated(executable, AfterAll.class);
  }

  private static ClassDatabase database(ExtensionContext context) {
    Class<?> owner = owner(context.getRequiredTestClass());
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    ClassDatabase database = store.get(owner, ClassDatabase.class);
    if (database == null) {
      database = open(owner);
      classContext(context, owner).getStore(NAMESPACE).put(owner, database);
    }
    return database;
  }

  private static ClassDatabase open(Class<?> owner) {
    EctoTest config = AnnotationSupport.findAnnotation(owner, EctoTest.class)
        .orElseThrow(() -> new IllegalStateException(owner + " has no @EctoTest"));
    try {
      return ClassDatabase.open(config, owner);
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the database of " + owner.getName()
          + ": " + e.getMessage(), e);
    }
  }

  /** The nearest class, from {@code testClass} outwards, that is annotated with @EctoTest. */
  static Class<?> owner(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, EctoTest.class)) {
        return c;
      }
    }
    return testClass;
  }

  /** The context of {@code owner}'s class: the ClassDatabase must live and die with it. */
  private static ExtensionContext classContext(ExtensionContext context, Class<?> owner) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent();
        c = c.get().getParent()) {
      if (c.get().getTestMethod().isEmpty() && c.get().getTestClass().orElse(null) == owner) {
        return c.get();
      }
    }
    return context;
  }
}
