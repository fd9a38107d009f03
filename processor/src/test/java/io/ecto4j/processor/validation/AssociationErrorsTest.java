package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.assertNothingGenerated;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class AssociationErrorsTest {

  @Test
  void belongsToSomethingThatIsNoSchema() {
    expectError(schema("Post", """
        interface Foo {}

        @Schema("posts")
        public interface Post {
          @BelongsTo Foo foo();
        }
        """), "[BelongsToTarget] @BelongsTo type Foo is not a @Schema interface; annotate Foo with @Schema(\"foos\")",
        "@BelongsTo");
  }

  @Test
  void belongsToAClass() {
    expectError(schema("Post", """
        @Schema("posts")
        public interface Post {
          @BelongsTo String author();
        }
        """), "[BelongsToTarget] @BelongsTo type String is not a @Schema interface; use the @Schema interface of "
        + "the associated table", "@BelongsTo");
  }

  @Test
  void belongsToReturningAList() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @BelongsTo List<User> authors();
        }
        """), "[BelongsToType] @BelongsTo authors() returns a List, but it holds one struct", "@BelongsTo");
  }

  @Test
  void hasOneReturningAList() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @HasOne List<User> owners();
        }
        """), "[HasOneType] @HasOne owners() returns a List", "@HasOne");
  }

  @Test
  void hasManyNotReturningAList() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @HasMany Set<User> readers();
        }
        """), "[HasManyType] @HasMany readers() returns Set<User>; declare it as List<X> of a @Schema interface X",
        "@HasMany");
  }

  @Test
  void hasManyOfSomethingThatIsNoSchema() {
    expectError(schema("Post", """
        @Schema("posts")
        public interface Post {
          @HasMany List<Runnable> tasks();
        }
        """), "[HasManyTarget] @HasMany type Runnable is not a @Schema interface; annotate Runnable with "
        + "@Schema(\"runnables\")", "@HasMany");
  }

  @Test
  void manyToManyNotReturningAList() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinThrough = "posts_users") User readers();
        }
        """), "[ManyToManyType] @ManyToMany readers() returns User", "@ManyToMany");
  }

  @Test
  void manyToManyWithoutJoinTable() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @ManyToMany List<User> readers();
        }
        """), "[JoinThroughMissing] @ManyToMany readers() names no join table; write "
        + "@ManyToMany(joinThrough = \"posts_users\")", "@ManyToMany");
  }

  @Test
  void hasManyWithoutInverse() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany List<Comment> comments();
        }
        """);
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasMany comments(): Comment has no @BelongsTo "
        + "Post with the foreign key post_id; add `@BelongsTo Post post();` to Comment").inFile(post)
        .onLineContaining("@HasMany");
    assertThat(compilation).hadErrorCount(1);
    org.assertj.core.api.Assertions.assertThat(Compile.written()).containsExactly("test.CommentStruct", "test.Comments");
  }

  @Test
  void hasOneWhoseForeignKeyIsNotTheInverses() {
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
          @HasOne(foreignKey = "owner_id") Profile profile();
        }
        """);
    JavaFileObject profile = schema("Profile", """
        @Schema("profiles")
        public interface Profile {
          @Field String bio();
          @BelongsTo User user();
        }
        """);
    Compilation compilation = Compile.schemas(user, profile);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasOne profile(): Profile has no @BelongsTo User "
        + "with the foreign key owner_id").inFile(user).onLineContaining("@HasOne");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void foreignKeyThatIsNoSqlIdentifier() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @BelongsTo(foreignKey = "author-id") User author();
        }
        """), "[SqlIdentifier] foreign key of @BelongsTo author() \"author-id\" is not a valid SQL identifier",
        "@BelongsTo");
  }

  @Test
  void joinTableThatIsNoSqlIdentifier() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinThrough = "posts users") List<User> readers();
        }
        """), "[SqlIdentifier] join table of @ManyToMany readers() \"posts users\"", "@ManyToMany");
  }

  @Test
  void belongsToReferencingAMissingColumn() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @BelongsTo(references = "handle") User author();
        }
        """), "[BelongsToReferences] @BelongsTo author() references column \"handle\", which User does not have",
        "references = \"handle\"");
  }

  @Test
  void belongsToASchemaWithoutPrimaryKey() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @BelongsTo Event event();
        }
        """);
    JavaFileObject event = schema("Event", """
        @Schema(value = "events", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        public interface Event {
          @Field String name();
        }
        """);
    Compilation compilation = Compile.schemas(post, event);
    assertThat(compilation).hadErrorContaining("[AssociationPrimaryKey] @BelongsTo event() needs a primary key on "
        + "Event, which has PrimaryKey.Type.NONE").inFile(post).onLineContaining("@BelongsTo");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void selfReferencingManyToManyWithOneJoinColumn() {
    expectError(schema("Person", """
        @Schema("people")
        public interface Person {
          @Field String name();
          @ManyToMany(joinThrough = "friendships") List<Person> friends();
        }
        """), "[JoinKeys] @ManyToMany friends() uses the column \"person_id\" of its join table for both sides",
        "@ManyToMany");
  }

  @Test
  void schemaPointingAtABrokenSchemaIsNotGeneratedEither() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @BelongsTo User author();
        }
        """);
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @Field float score();
        }
        """);
    Compilation compilation = Compile.schemas(post, user);
    assertThat(compilation).hadErrorContaining("[UnsupportedType]").inFile(user).onLineContaining("float score()");
    assertThat(compilation).hadErrorCount(1);
    assertNothingGenerated(compilation);
  }

  private static JavaFileObject[] withUser(String post) {
    return new JavaFileObject[] {schema("Post", post), schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """)};
  }
}
