package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code @Where} filters of an association's {@code where} and a many-to-many's
 * {@code joinWhere} (issue #18, Ecto's {@code where:} value forms): what compiles, what the
 * association constant is generated with, and each refusal at the attribute at fault.
 */
class AssociationFilterErrorsTest {

  @Test
  void everyTestCompilesIntoTheAssociationConstant() throws IOException {
    Compilation compilation = Compile.schemas(post("""
        @HasMany(foreignKey = "post_id", where = {
            @Where(column = "deleted_at", isNil = true),
            @Where(column = "state", in = {"NEW", "SEEN"}),
            @Where(column = "votes", notIn = {"-1", "0"}),
            @Where(column = "body", notEqual = "spam"),
            @Where(column = "body", fragment = "length(?) > 3")}) List<Comment> visibleComments();
        @HasOne(foreignKey = "post_id", where = @Where(column = "deleted_at", notNil = true)) Comment deletedComment();
        """), comment("""
        @BelongsTo(foreignKey = "source_post_id", whereColumn = "title", whereValue = "x",
            where = @Where(column = "title", equal = "y")) Post sourcePost();
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.Posts")).contains(
        ".where(AssociationFilter.isNil(() -> Comments.DELETED_AT))",
        ".where(AssociationFilter.in(() -> Comments.STATE, List.of(Comment.State.NEW, Comment.State.SEEN)))",
        ".where(AssociationFilter.notIn(() -> Comments.VOTES, List.of(-1, 0)))",
        ".where(AssociationFilter.notEqual(() -> Comments.BODY, \"spam\"))",
        ".where(AssociationFilter.fragment(() -> Comments.BODY, \"length(?) > 3\"))",
        ".where(AssociationFilter.notNil(() -> Comments.DELETED_AT))");
    assertThat(generated(compilation, "test.Comments")).containsPattern(
        "\\.where\\(AssociationFilter\\.equal\\(\\(\\) -> Posts\\.TITLE, \"x\"\\)\\)\\s+"
            + "\\.where\\(AssociationFilter\\.equal\\(\\(\\) -> Posts\\.TITLE, \"y\"\\)\\)");
  }

  @Test
  void aWhereWithoutATest() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id",
            where = @Where(column = "deleted_at")) List<Comment> comments();
        """), "[AssociationWhereTest] @HasMany comments() has @Where(column = \"deleted_at\") without a test; set one"
        + " of equal = \"…\", notEqual = \"…\", in = {…}, notIn = {…}, isNil = true, notNil = true or"
        + " fragment = \"…(?)…\"", "where =");
  }

  @Test
  void aWhereWithTwoTests() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "deleted_at", isNil = true,
            notNil = true)) List<Comment> comments();
        """), "[AssociationWhereTest] @HasMany comments() has @Where(column = \"deleted_at\") with both isNil and"
        + " notNil; a @Where tests one thing, so write one @Where per test", "notNil = true");
  }

  @Test
  void anEmptyInList() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "votes",
            in = {})) List<Comment> comments();
        """), "[AssociationWhereList] @HasMany comments() has @Where(column = \"votes\", in = {}), which lists no"
        + " value; list at least one, e.g. in = {\"draft\", \"review\"}", "in = {}");
  }

  @Test
  void aValueOfTheWrongTypeInAList() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "votes",
            notIn = {"1", "many"})) List<Comment> comments();
        """), "[AssociationWhereValue] @HasMany comments() has notIn = \"many\", which is not a valid int for column"
        + " votes; write a literal of its type, e.g. \"0\"", "notIn =");
  }

  @Test
  void anEnumValueThatIsNoConstant() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "state",
            equal = "GONE")) List<Comment> comments();
        """), "[AssociationWhereValue] @HasMany comments() has equal = \"GONE\", which is not a valid constant of"
        + " Comment.State for column state", "equal =");
  }

  @Test
  void aColumnTheChildLacks() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(
            column = "archived_at", isNil = true)) List<Comment> comments();
        """), "[AssociationWhereColumn] @HasMany comments() filters on column = \"archived_at\", which Comment does"
        + " not have; name a persisted column of Comment", "column = \"archived_at\"");
  }

  @Test
  void aFragmentWithoutItsPlaceholder() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "body",
            fragment = "length(body) > 3")) List<Comment> comments();
        """), "[AssociationWhereFragment] @HasMany comments() has fragment = \"length(body) > 3\", which has 0"
        + " placeholders ?, not one; write one SQL condition whose one ? is the column", "fragment =");
  }

  @Test
  void aFragmentOfTwoStatements() {
    expectError(sources("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "body",
            fragment = "? <> ''; DROP TABLE posts")) List<Comment> comments();
        """), "[AssociationWhereFragment] @HasMany comments() has fragment = \"? <> ''; DROP TABLE posts\", which"
        + " contains ';'", "fragment =");
  }

  @Test
  void aFragmentMayHoldQuotedAndDoubledQuestionMarks() {
    Compilation compilation = Compile.schemas(post("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "body",
            fragment = "? <> '?' AND NOT (to_jsonb(?) ?? 'x')")) List<Comment> comments();
        """), comment(""));
    assertThat(compilation).hadErrorContaining("which has 2 placeholders ?, not one");
    Compilation single = Compile.schemas(post("""
        @HasMany(foreignKey = "post_id", where = @Where(column = "body",
            fragment = "? <> '?' AND NOT (to_jsonb(body) ?? 'x')")) List<Comment> comments();
        """), comment(""));
    assertThat(single).succeededWithoutWarnings();
  }

  @Test
  void aBelongsToWhereOnAColumnTheParentLacks() {
    JavaFileObject comment = comment("""
        @BelongsTo(foreignKey = "source_post_id", where = @Where(column = "published",
            equal = "true")) Post sourcePost();
        """);
    expectError(new JavaFileObject[] {comment, post("")}, "[AssociationWhereColumn] @BelongsTo sourcePost() filters on"
        + " column = \"published\", which Post does not have", "where = @Where");
  }

  @Test
  void aJoinWhereNeedsAJoinSchema() {
    expectError(new JavaFileObject[] {post("""
        @ManyToMany(joinThrough = "posts_comments", inverseJoinKey = "comment_id",
            joinWhere = @Where(column = "removed_at", isNil = true)) List<Comment> linked();
        """), comment("")}, "[JoinWhereSchema] @ManyToMany linked() filters its join rows on column = \"removed_at\""
        + " of a join table named by joinThrough", "joinWhere =");
  }

  @Test
  void aThroughAssociationTakesNoWhere() {
    expectError(new JavaFileObject[] {post("""
        @HasMany(foreignKey = "post_id") List<Comment> comments();
        @HasMany(through = {"comments", "post"},
            where = @Where(column = "title", isNil = true)) List<Post> commentPosts();
        """), comment("")}, "[ThroughOption]", "where =");
  }

  private static String generated(Compilation compilation, String type) throws IOException {
    return compilation.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
  }

  private static JavaFileObject[] sources(String postAssociations) {
    return new JavaFileObject[] {post(postAssociations), comment("")};
  }

  private static JavaFileObject post(String associations) {
    return schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          %s
        }
        """.formatted(associations));
  }

  private static JavaFileObject comment(String associations) {
    return schema("Comment", """
        @Schema("comments")
        public interface Comment {
          enum State { NEW, SEEN }
          @Field String body();
          @Field int votes();
          @Field State state();
          @Field Instant deletedAt();
          @BelongsTo Post post();
          %s
        }
        """.formatted(associations));
  }
}
