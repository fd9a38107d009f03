package io.ecto4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles schemas with the processor, as the tests need them. */
public final class Compile {
  /** The imports every test schema in package {@code test} gets. */
  private static final String HEADER = """
      package test;

      import io.ecto4j.schema.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;

      """;

  private Compile() {}

  private static final ThreadLocal<List<String>> WRITTEN = ThreadLocal.withInitial(List::of);

  public static Compilation schemas(JavaFileObject... sources) {
    return schemas(List.of(sources));
  }

  public static Compilation schemas(List<JavaFileObject> sources) {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(sources);
    WRITTEN.set(processor.written());
    return compilation;
  }

  /** The qualified names of the sources the processor wrote in this thread's last compilation. */
  public static List<String> written() {
    return WRITTEN.get();
  }

  /** A source in package {@code test} with the usual imports: {@code schema("Foo", "@Schema… interface Foo {…}")}. */
  public static JavaFileObject schema(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  /** One of the blog schemas of the spec, from src/test/resources/blog. */
  public static JavaFileObject blog(String simpleName) {
    return JavaFileObjects.forResource("blog/" + simpleName + ".java");
  }

  /** Post, User, Comment, Tag and the enum Role. */
  public static List<JavaFileObject> blog() {
    return List.of(blog("Post"), blog("User"), blog("Comment"), blog("Tag"), blog("Role"));
  }
}
