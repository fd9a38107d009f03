package io.ecto4j.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs {@link SchemaProcessor} and records the sources it writes, which compile-testing does not
 * show for a failed compilation (the interesting case: a schema with errors must generate nothing).
 */
final class RecordingProcessor extends AbstractProcessor {
  private final SchemaProcessor processor = new SchemaProcessor();
  private final List<String> written = new ArrayList<>();

  /** The qualified names of the sources written, in order. */
  List<String> written() {
    return List.copyOf(written);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    processor.init(recording(env));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return processor.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return processor.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return processor.process(annotations, round);
  }

  private ProcessingEnvironment recording(ProcessingEnvironment env) {
    Filer filer = proxy(Filer.class, env.getFiler(), (method, arguments) -> {
      if (method.equals("createSourceFile")) {
        written.add(arguments[0].toString());
      }
    });
    return (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class},
        (self, method, arguments) -> method.getName().equals("getFiler") ? filer : invoke(method, env, arguments));
  }

  private static <T> T proxy(Class<T> type, T target, Listener listener) {
    return type.cast(Proxy.newProxyInstance(RecordingProcessor.class.getClassLoader(), new Class<?>[] {type},
        (self, method, arguments) -> {
          listener.called(method.getName(), arguments);
          return invoke(method, target, arguments);
        }));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private interface Listener {
    void called(String method, Object[] arguments);
  }
}
