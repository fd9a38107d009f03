package io.ecto4j.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Sandboxes the context of a test class annotated (or meta-annotated, as by {@link EctoDataTest}) with {@link EctoSandbox}. */
final class SandboxContextCustomizerFactory implements ContextCustomizerFactory {
  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    EctoSandbox sandbox = TestContextAnnotationUtils.findMergedAnnotation(testClass, EctoSandbox.class);
    return sandbox == null ? null : new SandboxContextCustomizer(sandbox.freshDatabase(), List.of(sandbox.schemaFiles()),
        List.of(sandbox.schema()));
  }
}
