package io.ecto4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of a compilation, so that tests can run the generated code. The runtime
 * classes come from the test class path, so the test can use them directly ({@code Table},
 * {@code Field}); only the compiled schemas and generated types come from here.
 */
public final class GeneratedClasses extends ClassLoader {
  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  public GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS && path.contains(CLASS_OUTPUT)) {
        String name = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length(), path.length() - 6);
        classes.put(name.replace('/', '.'), bytes(file));
      }
    }
  }

  /** The class files by binary name, e.g. {@code blog.PostStruct}. */
  public Map<String, byte[]> classFiles() {
    return Map.copyOf(classes);
  }

  public Class<?> load(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + name, e);
    }
  }

  /** The value of the static field {@code field} of class {@code type}. */
  public Object constant(String type, String field) {
    try {
      return load(type).getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + "." + field, e);
    }
  }

  /** {@code new type()}. */
  public Object newInstance(String type) {
    try {
      return load(type).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("new " + type + "()", e);
    }
  }

  /** Calls a public method on {@code target}, unwrapping what it throws. */
  public static Object call(Object target, String method, Object... arguments) throws Throwable {
    for (Method candidate : target.getClass().getMethods()) {
      if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
        try {
          return candidate.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError(target.getClass().getName() + " has no method " + method);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
