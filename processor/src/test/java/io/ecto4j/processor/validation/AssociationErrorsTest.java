package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.assertNothingGenerated;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
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
  void manyToManyWithBothAJoinTableAndAJoinSchema() {
    expectError(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinThrough = "posts_tags",
              joinSchema = Tagging.class) List<Tag> tags();
        }
        """, "@BelongsTo Post post(); @BelongsTo Tag tag();"),
        "[JoinThroughTwice] @ManyToMany tags() sets both joinThrough and joinSchema; the join schema names its "
        + "table, so keep joinSchema = Tagging.class alone, or joinThrough alone", "joinSchema = Tagging.class");
  }

  @Test
  void manyToManyJoinSchemaThatIsNoSchema() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = String.class) List<User> readers();
        }
        """), "[JoinSchema] @ManyToMany readers(): joinSchema = String.class is not a @Schema interface; annotate "
        + "String with @Schema(\"…\") and give it both keys, or name the table with joinThrough = \"…\"",
        "joinSchema");
  }

  @Test
  void manyToManyJoinSchemaWithoutTheRelatedKey() {
    expectError(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class) List<Tag> tags();
        }
        """, "@BelongsTo Post post(); @Field String label();"),
        "[JoinSchemaColumn] @ManyToMany tags() joins through Tagging, which has no column tag_id; add "
        + "`@BelongsTo Tag tag();` to Tagging, or set inverseJoinKey = \"…\" to the column it has", "joinSchema");
  }

  @Test
  void manyToManyJoinSchemaKeyOfTheWrongType() {
    expectError(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class, joinKey = "article") List<Tag> tags();
        }
        """, "@Field String article(); @BelongsTo Tag tag();"),
        "[JoinSchemaColumn] @ManyToMany tags() joins through Tagging, whose column article is varchar(255), but "
        + "Post's key is bigint; give the column the key's type, or declare it as `@BelongsTo Post`", "joinSchema");
  }

  @Test
  void manyToManyJoinSchemaWithPlainKeyColumnsOfTheKeysType() {
    assertThat(Compile.schemas(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class) List<Tag> tags();
        }
        """, "@Field Long postId(); @Field Long tagId();"))).succeededWithoutWarnings();
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
    // The missing inverse leaves Post's code valid: it is generated, so nothing else fails with it.
    org.assertj.core.api.Assertions.assertThat(Compile.written())
        .containsExactly("test.CommentStruct", "test.Comments", "test.PostStruct", "test.Posts");
  }

  /** One [MissingInverse] once gave 25 errors, 23 of them cannot-find-symbol for structs that were not generated. */
  @Test
  void aMissingInverseIsTheOnlyErrorOfTheBuild() {
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
          @HasMany List<Post> posts();
        }
        """);
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @BelongsTo User user();
          @HasMany List<Comment> comments();
        }
        """);
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
        }
        """);
    JavaFileObject feed = JavaFileObjects.forSourceString("test.Feed", """
        package test;

        import java.util.List;

        final class Feed {
          List<PostStruct> posts(UserStruct user) {
            return user.posts().stream().map(PostStruct.class::cast).toList();
          }

          CommentStruct first(List<CommentStruct> comments) {
            return comments.get(0);
          }
        }
        """);
    Compilation compilation = Compile.schemas(user, post, comment, feed);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasMany comments()").inFile(post);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aCustomForeignKeyAsksForTheBelongsToOfThatKey() {
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @HasMany(foreignKey = "writer_id") List<Post> posts();
        }
        """);
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
        }
        """);
    Compilation compilation = Compile.schemas(user, post);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasMany posts(): Post has no @BelongsTo User with "
        + "the foreign key writer_id; add `@BelongsTo User writer();` to Post").inFile(user);
  }

  @Test
  void aBelongsToOnAnotherKeyIsNamedNotAskedForAgain() {
    JavaFileObject user = schema("User", """
        @Schema("users")
        public interface User {
          @HasMany(foreignKey = "writer_id") List<Post> posts();
        }
        """);
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @BelongsTo User author();
        }
        """);
    Compilation compilation = Compile.schemas(user, post);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasMany posts(): Post's @BelongsTo User author() "
        + "has the foreign key author_id, not writer_id; set foreignKey = \"author_id\" here, or "
        + "foreignKey = \"writer_id\" on Post.author()").inFile(user).onLineContaining("@HasMany");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void manyToManySidesThatDisagreeOnTheJoinTable() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @ManyToMany(joinThrough = "posts_tags", joinKey = "article_id") List<Tag> tags();
        }
        """);
    JavaFileObject tag = schema("Tag", """
        @Schema("tags")
        public interface Tag {
          @Field String name();
          @ManyToMany(joinThrough = "posts_tags") List<Post> posts();
        }
        """);
    Compilation compilation = Compile.schemas(post, tag);
    assertThat(compilation).hadErrorContaining("[JoinTableConflict] @ManyToMany tags() uses \"posts_tags\" with "
        + "(article_id, tag_id), but Tag declares the same table with (tag_id, post_id)")
        .inFile(post).onLineContaining("joinKey");
    assertThat(Compile.schemas(schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @ManyToMany(joinThrough = "posts_tags", joinKey = "article_id") List<Tag> tags();
        }
        """), schema("Tag", """
        @Schema("tags")
        public interface Tag {
          @Field String name();
          @ManyToMany(joinThrough = "posts_tags", inverseJoinKey = "article_id") List<Post> posts();
        }
        """))).succeededWithoutWarnings();
  }

  @Test
  void throughAPathThatDoesNotExist() {
    Compilation compilation = Compile.schemas(throughSchemas("@HasMany(through = {\"comments\", \"writer\"}) List<User> commenters();"));
    assertThat(compilation).hadErrorContaining("[ThroughPath] @HasMany(through = …) commenters() goes through "
        + "\"writer\", which is not an association of Comment; name an association Comment declares")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("through");
    org.assertj.core.api.Assertions.assertThat(Compile.written()).doesNotContain("test.PostStruct", "test.Posts");
  }

  @Test
  void throughAPathEndingElsewhere() {
    Compilation compilation = Compile.schemas(throughSchemas("@HasMany(through = {\"comments\", \"post\"}) List<User> commenters();"));
    assertThat(compilation).hadErrorContaining("[ThroughTarget] @HasMany(through = …) commenters() ends at Post, "
        + "but the method returns User").inFile(compilation.sourceFiles().get(0)).onLineContaining("through");
  }

  @Test
  void throughWithAFilterOfItsOwn() {
    Compilation compilation = Compile.schemas(throughSchemas("@HasMany(through = {\"comments\", \"user\"},\n"
        + "      preloadOrder = \"name\") List<User> commenters();"));
    assertThat(compilation).hadErrorContaining("[ThroughOption] @HasMany(through = …) commenters() cannot take "
        + "preloadOrder: it follows its links' keys, filters and order; declare preloadOrder on a link of the path")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("preloadOrder = \"name\"");
    assertThat(compilation).hadErrorCount(1);
    assertThat(Compile.schemas(throughSchemas("@HasOne(through = {\"comments\", \"user\"}, foreignKey = \"x\")"
        + " User firstCommenter();"))).hadErrorContaining("[ThroughOption] @HasOne(through = …) firstCommenter() "
        + "cannot take foreignKey");
  }

  /** A through association is read-only: no castAssoc can change it, so it cannot force its owner's update. */
  @Test
  void throughWithForceUpdateOnChange() {
    Compilation compilation = Compile.schemas(throughSchemas("@HasMany(through = {\"comments\", \"user\"},\n"
        + "      forceUpdateOnChange = false) List<User> commenters();"));
    assertThat(compilation).hadErrorContaining("[ThroughOption] @HasMany(through = …) commenters() cannot take "
        + "forceUpdateOnChange").inFile(compilation.sourceFiles().get(0)).onLineContaining("forceUpdateOnChange = false");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void throughAValidPathCompiles() {
    assertThat(Compile.schemas(throughSchemas("@HasMany(through = {\"comments\", \"user\"}) List<User> commenters();")))
        .succeededWithoutWarnings();
  }

  private static java.util.List<JavaFileObject> throughSchemas(String association) {
    return java.util.List.of(schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany List<Comment> comments();
          %s
        }
        """.formatted(association)), schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
          @BelongsTo Post post();
          @BelongsTo User user();
        }
        """), schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """));
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
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasOne profile(): Profile's @BelongsTo User user() "
        + "has the foreign key user_id, not owner_id; set foreignKey = \"user_id\" here, or foreignKey = \"owner_id\" "
        + "on Profile.user()").inFile(user).onLineContaining("@HasOne");
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
    assertThat(compilation).hadErrorContaining("[AssociationPrimaryKey] @BelongsTo event() needs a generated primary"
        + " key (BIGSERIAL or UUID) on Event, which has PrimaryKey.Type.NONE").inFile(post).onLineContaining("@BelongsTo");
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

  /**
   * Issue #16: an association's defaults class must be an AssocDefaults the companion can make (one
   * that is no AssocDefaults at all is javac's own error at the attribute).
   */
  @Test
  void defaultsThatAreNoAssocDefaults() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany(defaults = Drafts.class) List<Comment> comments();
          final class Drafts implements AssocDefaults<Object, Object> {
            private Drafts() {}
            public Object apply(Object comment, Object post) { return comment; }
          }
        }
        """);
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[AssocDefaults] @HasMany(defaults = Drafts.class) on comments() is not "
        + "a public concrete class with a public no-argument constructor implementing AssocDefaults").inFile(post)
        .onLineContaining("defaults = Drafts.class");
  }

  /** The [JoinKeys] fix: a schema related to itself through named keys is not its own inverse. */
  @Test
  void selfReferencingManyToManyWithTwoJoinColumnsCompiles() {
    assertThat(Compile.schemas(schema("Person", """
        @Schema("people")
        public interface Person {
          @Field String name();
          @ManyToMany(joinThrough = "friendships", joinKey = "person_id", inverseJoinKey = "friend_id")
          List<Person> friends();
          @ManyToMany(joinThrough = "friendships", joinKey = "friend_id", inverseJoinKey = "person_id")
          List<Person> friendOf();
        }
        """))).succeededWithoutWarnings();
  }

  @Test
  void selfReferencingManyToManyWhoseSidesDoNotMirror() {
    Compilation compilation = Compile.schemas(schema("Person", """
        @Schema("people")
        public interface Person {
          @Field String name();
          @ManyToMany(joinThrough = "friendships", joinKey = "person_id", inverseJoinKey = "friend_id")
          List<Person> friends();
          @ManyToMany(joinThrough = "friendships", joinKey = "person_id", inverseJoinKey = "friend_id")
          List<Person> friendOf();
        }
        """));
    assertThat(compilation).hadErrorContaining("[JoinTableConflict] @ManyToMany friends()");
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
          @Field String name();
          @Field(column = "name") String fullName();
        }
        """);
    Compilation compilation = Compile.schemas(post, user);
    assertThat(compilation).hadErrorContaining("[DuplicateColumn]").inFile(user);
    assertThat(compilation).hadErrorCount(1);
    assertNothingGenerated(compilation);
  }

  /**
   * Issue #20: an error at a field leaves the schema's struct generated, with a stand-in for the
   * broken method, so that the schemas and code that name it compile and the build shows one error.
   */
  @Test
  void anErrorAtAFieldIsTheOnlyErrorOfTheBuild() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @Field Thread worker();
          @HasMany List<Comment> comments();
        }
        """);
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
          @BelongsTo Post post();
        }
        """);
    JavaFileObject use = JavaFileObjects.forSourceString("test.Use", """
        package test;

        final class Use {
          PostStruct post = new PostStruct().withTitle("t");
          Object title = Posts.TITLE;
          CommentStruct comment = new CommentStruct();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment, use);
    assertThat(compilation).hadErrorContaining("[UnsupportedType] @Field worker()").inFile(post)
        .onLineContaining("Thread worker()");
    assertThat(compilation).hadErrorCount(1);
    org.assertj.core.api.Assertions.assertThat(Compile.written())
        .contains("test.PostStruct", "test.Posts", "test.CommentStruct", "test.Comments");
  }

  @Test
  void preloadOrderByAColumnTheChildDoesNotHave() {
    JavaFileObject post = postWithComments("@HasMany(preloadOrder = \"inserted_at DESC\") List<Comment> comments();");
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[PreloadOrderColumn] @HasMany comments() orders by \"inserted_at\","
        + " which Comment does not have; name a persisted column of Comment in preloadOrder").inFile(post)
        .onLineContaining("preloadOrder");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void preloadOrderThatIsNoListOfColumns() {
    JavaFileObject post = postWithComments("@HasMany(preloadOrder = \"body DOWN\") List<Comment> comments();");
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[PreloadOrder] @HasMany comments() has preloadOrder = \"body DOWN\","
        + " which is not a list of columns with an optional direction; write e.g. preloadOrder = \"inserted_at DESC,"
        + " id\"").inFile(post).onLineContaining("preloadOrder");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aValidPreloadOrderCompiles() {
    Compilation compilation = Compile.schemas(
        postWithComments("@HasMany(preloadOrder = \"body desc, id\") List<Comment> comments();"), comment());
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** The child's timestamps are persisted columns too: Ecto's {@code preload_order: [desc: :inserted_at]}. */
  @Test
  void aPreloadOrderByTheChildsTimestampCompiles() {
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        @Timestamps(updatedAt = "")
        public interface Comment {
          @Field String body();
          @BelongsTo Post post();
        }
        """);
    Compilation compilation = Compile.schemas(
        postWithComments("@HasMany(preloadOrder = \"inserted_at DESC, id\") List<Comment> comments();"), comment);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void whereOnAColumnTheChildDoesNotHave() {
    JavaFileObject post = postWithComments(
        "@HasMany(whereColumn = \"approved\", whereValue = \"true\") List<Comment> comments();");
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[AssociationWhereColumn] @HasMany comments() filters on whereColumn"
        + " = \"approved\", which Comment does not have; name a persisted column of Comment").inFile(post)
        .onLineContaining("whereColumn");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void whereValueOfTheWrongType() {
    JavaFileObject post = postWithComments(
        "@HasMany(whereColumn = \"votes\", whereValue = \"many\") List<Comment> comments();");
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[AssociationWhereValue] @HasMany comments() has whereValue = \"many\","
        + " which is not a valid int for column votes; write a literal of its type, e.g. \"0\"").inFile(post)
        .onLineContaining("whereValue");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void whereColumnWithoutValue() {
    JavaFileObject post = postWithComments("@HasMany(whereColumn = \"votes\") List<Comment> comments();");
    Compilation compilation = Compile.schemas(post, comment());
    assertThat(compilation).hadErrorContaining("[AssociationWhere] @HasMany comments() sets only one of whereColumn"
        + " and whereValue; set both, e.g. whereColumn = \"published\", whereValue = \"true\"").inFile(post)
        .onLineContaining("whereColumn");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aValidWhereCompiles() {
    Compilation compilation = Compile.schemas(postWithComments(
        "@HasMany(whereColumn = \"votes\", whereValue = \"3\") List<Comment> comments();"), comment());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aManyToManyAndABelongsToTakeAWhere() {
    JavaFileObject[] sources = withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class, whereColumn = "name", whereValue = "java",
              joinWhereColumn = "deleted", joinWhereValue = "false") List<Tag> tags();
        }
        """, "@BelongsTo Post post(); @BelongsTo(whereColumn = \"name\", whereValue = \"java\") Tag tag();"
        + " @Field boolean deleted();");
    assertThat(Compile.schemas(sources)).succeededWithoutWarnings();
  }

  @Test
  void aJoinWhereOfTheWrongType() {
    expectError(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class,
              joinWhereColumn = "deleted", joinWhereValue = "maybe") List<Tag> tags();
        }
        """, "@BelongsTo Post post(); @BelongsTo Tag tag(); @Field boolean deleted();"),
        "[AssociationWhereValue] @ManyToMany tags() has joinWhereValue = \"maybe\", which is not a valid boolean"
            + " for column deleted", "joinWhereValue");
  }

  @Test
  void aJoinWhereOnAColumnTheJoinSchemaLacks() {
    expectError(withTagging("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinSchema = Tagging.class,
              joinWhereColumn = "archived", joinWhereValue = "true") List<Tag> tags();
        }
        """, "@BelongsTo Post post(); @BelongsTo Tag tag();"),
        "[AssociationWhereColumn] @ManyToMany tags() filters on joinWhereColumn = \"archived\", which Tagging does"
            + " not have; name a persisted column of Tagging", "joinWhereColumn");
  }

  @Test
  void aJoinWhereNeedsAJoinSchema() {
    expectError(withUser("""
        @Schema("posts")
        public interface Post {
          @ManyToMany(joinThrough = "posts_users",
              joinWhereColumn = "deleted", joinWhereValue = "true") List<User> readers();
        }
        """), "[JoinWhereSchema] @ManyToMany readers() filters its join rows on joinWhereColumn = \"deleted\" of a"
        + " join table named by joinThrough", "joinWhereColumn");
  }

  @Test
  void aBelongsToWhereOnAColumnTheParentLacks() {
    expectError(new JavaFileObject[] {schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @BelongsTo(whereColumn = "approved",
              whereValue = "true") Post post();
        }
        """), postWithComments("")}, "[AssociationWhereColumn] @BelongsTo post() filters on whereColumn"
        + " = \"approved\", which Post does not have", "whereColumn");
  }

  private static JavaFileObject postWithComments(String association) {
    return schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          %s
        }
        """.formatted(association));
  }

  private static JavaFileObject comment() {
    return schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
          @Field int votes();
          @BelongsTo Post post();
        }
        """);
  }

  private static JavaFileObject[] withUser(String post) {
    return new JavaFileObject[] {schema("Post", post), schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """)};
  }

  /** {@code post}, a plain Tag, and a join schema Tagging with {@code members}, for the join-schema errors. */
  private static JavaFileObject[] withTagging(String post, String members) {
    return new JavaFileObject[] {schema("Post", post), schema("Tag", """
        @Schema("tags")
        public interface Tag {
          @Field String name();
        }
        """), schema("Tagging", """
        @Schema(value = "taggings", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        public interface Tagging {
          %s
        }
        """.formatted(members))};
  }

  /**
   * Ports has_assoc_test.exs "raises when :update is used on has_many" (issue #16): a compile error at
   * the attribute instead of Ecto's ArgumentError when the schema module compiles.
   */
  @Test
  void onReplaceUpdateOnAHasMany() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @HasMany(onReplace = OnReplace.UPDATE) List<Comment> comments();
        }
        """);
    JavaFileObject comment = schema("Comment", """
        @Schema("comments")
        public interface Comment {
          @Field String body();
          @BelongsTo Post post();
        }
        """);
    Compilation compilation = Compile.schemas(post, comment);
    assertThat(compilation).hadErrorContaining("[OnReplaceUpdate] @HasMany comments() has onReplace = UPDATE, which is "
        + "only for @HasOne and @BelongsTo").inFile(post).onLineContaining("onReplace");
    assertThat(compilation).hadErrorCount(1);
  }
}
