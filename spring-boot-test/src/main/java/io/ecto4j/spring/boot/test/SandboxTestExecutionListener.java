package io.ecto4j.spring.boot.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Opens the sandboxes before each test method of an {@link EctoSandbox} class (before its
 * {@code @BeforeEach} methods, and before a {@code @Transactional} test's transaction, which then
 * runs inside the sandbox) and rolls them back after it.
 */
final class SandboxTestExecutionListener extends AbstractTestExecutionListener {
  /** After dependency injection (2000) and dirtying contexts (3000), before test transactions (4000) and {@code @Sql} (5000). */
  private static final int ORDER = 3500;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public void beforeTestMethod(TestContext context) throws Exception {
    if (sandboxed(context)) {
      sandboxes(context).begin();
    }
  }

  @Override
  public void afterTestMethod(TestContext context) throws Exception {
    if (sandboxed(context)) {
      sandboxes(context).end();
    }
  }

  private static boolean sandboxed(TestContext context) {
    return TestContextAnnotationUtils.hasAnnotation(context.getTestClass(), EctoSandbox.class);
  }

  private static Sandboxes sandboxes(TestContext context) {
    return context.getApplicationContext().getBean(Sandboxes.BEAN_NAME, Sandboxes.class);
  }
}
