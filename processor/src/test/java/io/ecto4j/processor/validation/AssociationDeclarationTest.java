package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/schema_test.exs} checks of association declarations that
 * AssociationErrorsTest did not cover: each is a compile error at the declaration (issue #17).
 */
class AssociationDeclarationTest {

  private static JavaFileObject comment() {
    return schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
          @BelongsTo Post post();
        }
        """);
  }

  private static JavaFileObject postWith(String association) {
    return schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          %s
        }
        """.formatted(association));
  }

  /** Compiles Post with {@code association} and Comment; expects {@code error} alone, at {@code line} of Post. */
  private static void expectPostError(String association, String error, String line) {
    JavaFileObject post = postWith(association);
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining(error).inFile(post).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  /** Ports schema_test.exs "has_* references option has to match a field on schema" (has_many). */
  @Test
  void hasManyReferencesAColumnTheSchemaDoesNotHave() {
    expectPostError("@HasMany(references = \"pk\") List<Comment> comments();",
        "[HasReferences] @HasMany comments() references column \"pk\", which Post does not have; name Post's primary "
        + "key or a persisted @Field column, the one the children's foreign key holds", "references = \"pk\"");
  }

  /** Ports schema_test.exs "has_* references option has to match a field on schema" (has_one). */
  @Test
  void hasOneReferencesAColumnTheSchemaDoesNotHave() {
    expectPostError("@HasOne(references = \"pk\") Comment comment();",
        "[HasReferences] @HasOne comment() references column \"pk\"", "references = \"pk\"");
  }

  /** A reference to a column the schema has compiles (Ecto's "has_many options" with references: :pk). */
  @Test
  void hasManyReferencingAnotherColumnCompiles() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String slug();
          @HasMany(references = "slug", foreignKey = "post_slug") List<Comment> comments();
        }
        """);
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @BelongsTo(foreignKey = "post_slug", references = "slug") Post post();
        }
        """);
    assertThat(Compile.schemas(post, comment)).succeededWithoutWarnings();
  }

  /** Ports schema_test.exs "has_* through has to match an association on schema": the path's first step. */
  @Test
  void throughAFirstStepThatIsNoAssociation() {
    expectPostError("@HasMany(through = {\"whatever\", \"works\"}) List<Comment> comments();",
        "[ThroughPath] @HasMany(through = …) comments() goes through \"whatever\", which is not an association of "
        + "Post; name an association Post declares", "through");
  }

  /** Ports schema_test.exs "belongs_to raises helpful error with redundant foreign key name". */
  @Test
  void belongsToWhoseForeignKeyIsItsOwnName() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @BelongsTo(foreignKey = "author") User author();
        }
        """);
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """);
    Compilation compilation = Compile.schemas(post, user);
    assertThat(compilation).hadErrorContaining("[NameClash] @BelongsTo author() and the foreign key author of "
        + "@BelongsTo author() would both be the struct component author").inFile(post).onLineContaining("@BelongsTo");
    assertThat(compilation).hadErrorCount(1);
  }
}
