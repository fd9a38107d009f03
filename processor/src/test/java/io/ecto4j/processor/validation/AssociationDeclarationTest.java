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

  /** Ports schema_test.exs "has_* references option has to match a field on schema" (has_many). */
  @Test
  void hasManyReferencesAColumnTheSchemaDoesNotHave() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany(references = "pk") List<Comment> comments();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[HasReferences] @HasMany comments() references column \"pk\", which "
        + "Post does not have; name Post's primary key or a persisted @Field column, the one the children's foreign "
        + "key holds").inFile(post).onLineContaining("references = \"pk\"");
    assertThat(compilation).hadErrorCount(1);
  }

  /** Ports schema_test.exs "has_* references option has to match a field on schema" (has_one). */
  @Test
  void hasOneReferencesAColumnTheSchemaDoesNotHave() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasOne(references = "pk") Comment comment();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[HasReferences] @HasOne comment() references column \"pk\"")
        .inFile(post).onLineContaining("references = \"pk\"");
    assertThat(compilation).hadErrorCount(1);
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
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany(through = {"whatever", "works"}) List<Comment> comments();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[ThroughPath] @HasMany(through = …) comments() goes through "
        + "\"whatever\", which is not an association of Post; name an association Post declares")
        .inFile(post).onLineContaining("through");
    assertThat(compilation).hadErrorCount(1);
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
