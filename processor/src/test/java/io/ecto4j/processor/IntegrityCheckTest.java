package io.ecto4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Changeset constraints the generated DDL does not back: a warning, or an error when strict. */
class IntegrityCheckTest {
  private static final JavaFileObject AUTHOR = JavaFileObjects.forSourceString("test.Author", """
      package test;

      import io.ecto4j.schema.*;

      @Schema("authors")
      public interface Author {
        @Field(unique = true) String email();
      }
      """);

  private static final JavaFileObject POST = JavaFileObjects.forSourceString("test.Post", """
      package test;

      import io.ecto4j.changeset.Changeset;
      import io.ecto4j.changeset.Constraint;
      import io.ecto4j.schema.*;
      import java.util.Map;

      @Schema("posts")
      public interface Post {
        @Field String title();

        @Field String slug();

        @Field Long editorId();

        @Field int viewCount();

        @BelongsTo Author author();

        static Changeset<PostStruct> changeset(PostStruct post, Map<String, ?> params) {
          return Changeset.cast(post, params, Posts.TITLE, Posts.SLUG, Posts.AUTHOR_ID, Posts.EDITOR_ID)
              .uniqueConstraint(Posts.TITLE)
              .uniqueConstraint(Posts.SLUG, Constraint.name("posts_lower_slug_index"))
              .foreignKeyConstraint(Posts.AUTHOR_ID)
              .foreignKeyConstraint(Posts.EDITOR_ID)
              .checkConstraint(Posts.VIEW_COUNT);
        }
      }
      """);

  private static Compilation compile(String... options) {
    return javac().withProcessors(new SchemaProcessor()).withOptions((Object[]) options)
        .compile(AUTHOR, POST);
  }

  @Test
  void unbackedConstraintsAreWarningsNamingBothEnds() {
    Compilation compilation = compile();

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[UniqueWithoutIndex] uniqueConstraint(Posts.TITLE) expects a "
        + "unique index on posts.title, but Post declares none").inFile(POST).onLineContaining(".uniqueConstraint(Posts.TITLE)");
    assertThat(compilation).hadWarningContaining("[ForeignKeyWithoutReference] foreignKeyConstraint(Posts.EDITOR_ID) "
        + "expects a foreign key on posts.editor_id").inFile(POST).onLineContaining(".foreignKeyConstraint(Posts.EDITOR_ID)");
    assertThat(compilation).hadWarningContaining("[CheckWithoutConstraint] checkConstraint(Posts.VIEW_COUNT)")
        .inFile(POST).onLineContaining(".checkConstraint(Posts.VIEW_COUNT)");
    assertThat(compilation).hadWarningCount(3);
  }

  @Test
  void strictModeMakesThemErrors() {
    Compilation compilation = compile("-Aecto4j.strictConstraints=true");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[UniqueWithoutIndex]").inFile(POST)
        .onLineContaining(".uniqueConstraint(Posts.TITLE)");
    assertThat(compilation).hadErrorCount(3);
  }
}
