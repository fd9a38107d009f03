package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The schema resource: the DDL of every schema in creation order, and the same as JSON. */
class SchemaResourceGeneratorTest {

  private static String resource(Compilation compilation, String name) throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name).orElseThrow();
    return file.getCharContent(true).toString();
  }

  @Test
  void theBlogsDdlCreatesReferencedTablesFirstAndJoinTablesLast() throws IOException {
    Compilation compilation = Compile.schemas(Compile.blog());
    assertThat(compilation).succeeded();
    String sql = resource(compilation, SchemaResourceGenerator.SQL);
    List<String> creates = sql.lines().filter(line -> line.startsWith("CREATE TABLE")).toList();
    assertThat(creates).containsExactly("CREATE TABLE \"tags\" (", "CREATE TABLE \"users\" (",
        "CREATE TABLE \"posts\" (", "CREATE TABLE \"comments\" (", "CREATE TABLE IF NOT EXISTS \"posts_tags\" (");
    assertThat(sql).contains("CREATE INDEX \"posts_author_id_index\" ON \"posts\" (\"author_id\");");
  }

  @Test
  void theJsonDescribesColumnsKeysReferencesAndIndexes() throws IOException {
    Compilation compilation = Compile.schemas(Compile.blog());
    JsonNode json = new ObjectMapper().readTree(resource(compilation, SchemaResourceGenerator.JSON));
    assertThat(json.path("format").asInt()).isEqualTo(1);
    JsonNode posts = table(json, "posts");
    assertThat(posts.path("schema").asText()).isEqualTo("blog.Post");
    assertThat(posts.path("joinTable").asBoolean()).isFalse();
    assertThat(posts.path("primaryKey").toString()).isEqualTo("[\"id\"]");
    assertThat(column(posts, "id").toString())
        .isEqualTo("{\"name\":\"id\",\"type\":\"bigserial\",\"nullable\":false,\"default\":null}");
    assertThat(column(posts, "published").toString())
        .isEqualTo("{\"name\":\"published\",\"type\":\"boolean\",\"nullable\":false,\"default\":\"false\"}");
    assertThat(column(posts, "body").path("type").asText()).isEqualTo("text");
    assertThat(column(posts, "author_id").path("references").toString())
        .isEqualTo("{\"table\":\"users\",\"column\":\"id\",\"onDelete\":\"NOTHING\"}");
    assertThat(posts.path("indexes").toString())
        .isEqualTo("[{\"name\":\"posts_author_id_index\",\"columns\":[\"author_id\"],\"unique\":false}]");
    assertThat(column(posts, "password").isMissingNode()).as("virtual fields are no columns").isTrue();
    JsonNode join = table(json, "posts_tags");
    assertThat(join.path("schema").isNull()).isTrue();
    assertThat(join.path("joinTable").asBoolean()).isTrue();
    assertThat(join.path("primaryKey").toString()).isEqualTo("[\"post_id\",\"tag_id\"]");
    assertThat(column(join, "tag_id").path("type").asText()).isEqualTo("uuid");
    assertThat(column(join, "tag_id").path("references").path("onDelete").asText()).isEqualTo("DELETE_ALL");
  }

  @Test
  void aJoinSchemasTableIsWrittenOnceAsThatSchemasOwnDdl() throws Exception {
    Compilation compilation = Compile.schemas(Compile.schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field String title();
          @ManyToMany(joinSchema = Tagging.class) List<Tag> tags();
        }
        """), Compile.schema("Tag", """
        @Schema("tags")
        public interface Tag {
          @Field String name();
          @ManyToMany(joinSchema = Tagging.class) List<Post> posts();
        }
        """), Compile.schema("Tagging", """
        @Schema(value = "taggings", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        @Timestamps
        public interface Tagging {
          @BelongsTo(onDelete = ReferenceAction.DELETE_ALL) Post post();
          @BelongsTo(onDelete = ReferenceAction.DELETE_ALL) Tag tag();
          @Field String addedBy();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    List<String> creates = resource(compilation, SchemaResourceGenerator.SQL).lines()
        .filter(line -> line.startsWith("CREATE TABLE")).toList();
    assertThat(creates).containsExactly("CREATE TABLE \"posts\" (", "CREATE TABLE \"tags\" (",
        "CREATE TABLE \"taggings\" (");

    io.ecto4j.processor.GeneratedClasses classes = new io.ecto4j.processor.GeneratedClasses(compilation);
    io.ecto4j.meta.Table<?> posts = (io.ecto4j.meta.Table<?>) classes.constant("test.Posts", "SCHEMA");
    assertThat(posts.joinTablesDdl()).isEmpty();
    io.ecto4j.meta.Association<?, ?> tags = (io.ecto4j.meta.Association<?, ?>) classes.constant("test.Posts", "TAGS");
    assertThat(tags.joinTable()).contains("taggings");
    assertThat(tags.joinOwnerKey()).contains("post_id");
    assertThat(tags.joinRelatedKey()).contains("tag_id");
  }

  @Test
  void uniqueFieldsGetEctosUniqueIndex() throws IOException {
    Compilation compilation = Compile.schemas(Compile.schema("Account", """
        @Schema("accounts")
        public interface Account {
          @Field(unique = true) String email();
          @Field(defaultValue = "it's") String motto();
        }
        """));
    assertThat(compilation).succeeded();
    assertThat(resource(compilation, SchemaResourceGenerator.SQL))
        .contains("CREATE UNIQUE INDEX \"accounts_email_index\" ON \"accounts\" (\"email\");");
    JsonNode accounts = table(new ObjectMapper().readTree(resource(compilation, SchemaResourceGenerator.JSON)),
        "accounts");
    assertThat(accounts.path("indexes").toString())
        .isEqualTo("[{\"name\":\"accounts_email_index\",\"columns\":[\"email\"],\"unique\":true}]");
    assertThat(column(accounts, "motto").path("default").asText()).isEqualTo("'it''s'");
  }

  @Test
  void aReferenceCycleKeepsNameOrder() {
    SchemaResourceGenerator generator = new SchemaResourceGenerator();
    assertThat(generator.isEmpty()).isTrue();
    Compilation compilation = Compile.schemas(Compile.schema("Alpha", """
        @Schema("alphas")
        public interface Alpha {
          @BelongsTo Beta beta();
        }
        """), Compile.schema("Beta", """
        @Schema("betas")
        public interface Beta {
          @BelongsTo Alpha alpha();
        }
        """));
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SchemaResourceGenerator.SQL)).isPresent();
  }

  private static JsonNode table(JsonNode json, String name) {
    List<JsonNode> found = new ArrayList<>();
    json.path("tables").forEach(table -> {
      if (table.path("name").asText().equals(name)) {
        found.add(table);
      }
    });
    return found.get(0);
  }

  private static JsonNode column(JsonNode table, String name) {
    for (JsonNode column : table.path("columns")) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
