package io.ecto4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.ecto4j.processor.Compile.schema;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** Schemas that use types another processor generates wait for the round in which they exist. */
class DeferralTest {

  @Test
  void schemaUsingATypeGeneratedInTheSameBuildIsGeneratedInALaterRound() {
    Compilation compilation = javac().withProcessors(new StatusGenerator(), new SchemaProcessor()).compile(
        schema("Post", """
            @Schema("posts")
            public interface Post {
              @Field(defaultValue = "DRAFT") Status status();
              @HasMany List<Comment> comments();
            }
            """),
        schema("Comment", """
            @Schema("comments")
            public interface Comment {
              @Field String body();
              @BelongsTo Post post();
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.PostStruct").contentsAsUtf8String()
        .contains("Status.DRAFT");
    assertThat(compilation).generatedSourceFile("test.CommentStruct");
  }

  /** Generates {@code enum test.Status} in the first round, as another annotation processor might. */
  private static final class StatusGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.Status").openWriter()) {
          writer.write("package test;\n\npublic enum Status { DRAFT, PUBLISHED }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
