package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.GeneratedClasses.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The struct's metadata (Ecto's {@code __meta__}) and the schema-wide options, {@code @Schema(prefix)}
 * and {@code @Schema(redact)}, as the generated code carries them.
 */
class StructMetaTest {

  private static final JavaFileObject PREFIXED = Compile.schema("Company", """
      @Schema(value = "company", prefix = "tenant")
      public interface Company {
        @Field String name();
      }
      """);

  private static final JavaFileObject REDACTED = Compile.schema("Secret", """
      @Schema(value = "secrets", redact = Schema.Redact.ALL_EXCEPT_PRIMARY_KEYS)
      @Timestamps
      public interface Secret {
        @Field String password();
        @Field(virtual = true) String temp();
        @Field(redact = false) String label();
      }
      """);

  /**
   * Ports schema_test.exs "reads and writes metadata": a new struct is built in its table and no
   * prefix; {@code withMeta} is {@code Ecto.put_meta}, and the metadata reads back.
   */
  @Test
  void aNewStructIsBuiltAndPutMetaReplacesItsMetadata() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Struct<?> post = (Struct<?>) classes.newInstance("blog.PostStruct");
    assertThat(post.meta()).isEqualTo(new Meta(Meta.State.BUILT, "posts", null));
    Struct<?> moved = (Struct<?>) post.withMeta(post.meta().withSource("new_posts").withPrefix("prefix"));
    assertThat(moved.meta().source()).isEqualTo("new_posts");
    assertThat(moved.meta().prefix()).isEqualTo("prefix");
    Struct<?> loaded = (Struct<?>) moved.withMeta(moved.meta().withState(Meta.State.LOADED));
    assertThat(loaded.meta().state()).isEqualTo(Meta.State.LOADED);
  }

  /** Ports schema_test.exs "preserves schema on up to date metadata": putting the same metadata changes nothing. */
  @Test
  void puttingTheSameMetadataKeepsTheSameValue() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Struct<?> post = (Struct<?>) classes.newInstance("blog.PostStruct");
    Meta meta = post.meta();
    assertThat(meta.withState(Meta.State.BUILT).withSource("posts").withPrefix(null)).isSameAs(meta);
  }

  /** Ports schema_test.exs "raises on invalid state in metadata": a state is required. */
  @Test
  void metadataWithoutStateIsRefused() {
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> new Meta(null, "posts", null)).withMessage("state");
  }

  /** Ports schema_test.exs "inspects metadata": the state and the source, as Ecto inspects them. */
  @Test
  void metadataInspectsAsStateAndSource() {
    assertThat(Meta.built("my schema", null)).hasToString("#Meta<built, \"my schema\">");
    assertThat(Meta.loaded("company", "tenant")).hasToString("#Meta<loaded, \"tenant\".\"company\">");
  }

  /**
   * A built and a loaded struct of the same values are equal (ecto4j's choice, see
   * docs/ecto-differences.md), and the builder and the old constructor still make built structs.
   */
  @Test
  void equalityIgnoresTheMetadataAndTheBuilderStartsBuilt() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Struct<?> post = (Struct<?>) call(classes.newInstance("blog.PostStruct"), "withTitle", "Hello");
    Struct<?> loaded = (Struct<?>) post.withMeta(post.meta().withState(Meta.State.LOADED));
    assertThat(loaded).isEqualTo(post).hasSameHashCodeAs(post).hasToString(post.toString());
    assertThat(loaded).isNotEqualTo(call(post, "withTitle", "Other"));
    Object builder = classes.load("blog.PostStruct").getMethod("builder").invoke(null);
    Struct<?> built = (Struct<?>) call(call(builder, "title", "Hello"), "build");
    assertThat(built.meta().state()).isEqualTo(Meta.State.BUILT);
    assertThat(built).isEqualTo(post);
  }

  /** Ports schema_test.exs "schema prefix metadata": the schema's table and prefix, and a new struct's. */
  @Test
  void aSchemaPrefixIsTheTablesAndANewStructsPrefix() throws Throwable {
    Compilation compilation = Compile.schemas(PREFIXED, Compile.schema("Plain", """
        @Schema("plains")
        public interface Plain {
          @Field String name();
        }
        """));
    GeneratedClasses classes = new GeneratedClasses(compilation);
    Table<?> table = (Table<?>) classes.constant("test.Companies", "SCHEMA");
    assertThat(table.name()).isEqualTo("company");
    assertThat(table.prefix()).contains("tenant");
    Struct<?> company = (Struct<?>) classes.newInstance("test.CompanyStruct");
    assertThat(company.meta()).isEqualTo(Meta.built("company", "tenant"));
    assertThat(table.ddl()).startsWith("CREATE TABLE \"tenant\".\"company\" (");
    String resource = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SchemaResourceGenerator.SQL)
        .orElseThrow().getCharContent(true).toString();
    assertThat(resource).as("the resource describes the connection's schema").contains("\"plains\"")
        .doesNotContain("company");
  }

  /** Ports schema_test.exs "schema metadata" (the prefix part): a schema without one has none. */
  @Test
  void aSchemaWithoutPrefixHasNone() {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Table<?> table = (Table<?>) classes.constant("blog.Posts", "SCHEMA");
    assertThat(table.prefix()).isEqualTo(Optional.empty());
  }

  /**
   * Ports schema_test.exs "schema with @schema_redact: :all_except_primary_keys derives inspect for
   * all non-primary-key fields": every field but the key is redacted, virtual ones and timestamps
   * too, unless the field says {@code redact = false}; the changeset sees the same fields redacted.
   */
  @Test
  void schemaRedactHidesEveryFieldButTheKey() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(REDACTED));
    Object secret = call(call(call(classes.newInstance("test.SecretStruct"), "withPassword", "hunter2"),
        "withTemp", "t"), "withLabel", "shown");
    assertThat(secret.toString()).contains("id=null", "password=**redacted**", "temp=**redacted**",
        "insertedAt=**redacted**", "label=shown").doesNotContain("hunter2");
    Table<?> table = (Table<?>) classes.constant("test.Secrets", "SCHEMA");
    assertThat(table.primaryKey().orElseThrow().isRedacted()).isFalse();
    assertThat(table.fields()).filteredOn(field -> field.name().equals("password")).allMatch(f -> f.isRedacted());
    assertThat(table.virtualFields()).allMatch(f -> f.isRedacted());
  }

  /** Ports schema_test.exs "schema with @schema_redact: false doesn't derive inspect". */
  @Test
  void withoutSchemaRedactFieldsShow() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Object post = call(classes.newInstance("blog.PostStruct"), "withTitle", "Hunter");
    assertThat(post.toString()).contains("title=Hunter");
  }

  /**
   * Ports schema_test.exs "schema metadata" and "types metadata", for what ecto4j's {@code Table}
   * describes: the source, no prefix, the persisted and virtual fields in order, the key and how it
   * is generated, each field's type.
   */
  @Test
  void theTableDescribesItsSourceFieldsKeyAndTypes() {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Table<?> posts = (Table<?>) classes.constant("blog.Posts", "SCHEMA");
    assertThat(posts.name()).isEqualTo("posts");
    assertThat(posts.prefix()).isEmpty();
    assertThat(posts.fields()).extracting(field -> field.name()).containsExactly("id", "title", "body", "published",
        "viewCount", "publishedAt", "authorId", "insertedAt", "updatedAt");
    assertThat(posts.virtualFields()).extracting(field -> field.name()).containsExactly("password");
    assertThat(posts.primaryKey().orElseThrow().name()).isEqualTo("id");
    assertThat(posts.primaryKeyGeneratedByDatabase()).isTrue();
    assertThat(posts.fields()).extracting(field -> field.type().name()).startsWith("long", "string")
        .contains("boolean", "integer", "utc_datetime_usec");
  }

  /** Ports schema_test.exs "redacted_fields": the fields declared redacted, virtual ones included. */
  @Test
  void theRedactedFieldsAreThoseDeclared() {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.blog()));
    Table<?> posts = (Table<?>) classes.constant("blog.Posts", "SCHEMA");
    assertThat(java.util.stream.Stream.concat(posts.fields().stream(), posts.virtualFields().stream())
        .filter(field -> field.isRedacted()).map(field -> field.name())).containsExactly("password");
  }

  /** Ports schema_test.exs "custom primary key": a key of another name and type, null on a new struct. */
  @Test
  void aCustomPrimaryKey() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.schema("Custom", """
        @Schema(value = "customs", primaryKey = @PrimaryKey(name = "perm", type = PrimaryKey.Type.UUID))
        public interface Custom {
          @Field String name();
        }
        """)));
    @SuppressWarnings("unchecked")
    Table<Object> table = (Table<Object>) classes.constant("test.Customs", "SCHEMA");
    io.ecto4j.meta.Field<Object, ?> key = table.primaryKey().orElseThrow();
    assertThat(key.name()).isEqualTo("perm");
    Object custom = classes.newInstance("test.CustomStruct");
    assertThat(key.get(custom)).isNull();
    java.util.UUID perm = java.util.UUID.randomUUID();
    assertThat(key.get(call(custom, "withPerm", perm))).isEqualTo(perm);
  }

  /** Ecto allows two schemas over one table; the schema resource creates it once, with both's columns. */
  @Test
  void twoSchemasOverOneTableAreCreatedOnce() throws Exception {
    Compilation compilation = Compile.schemas(Compile.schema("User", """
        @Schema("users")
        public interface User {
          @Field(nullable = false) String email();
          @Field String name();
        }
        """), Compile.schema("UserSummary", """
        @Schema("users")
        public interface UserSummary {
          @Field(nullable = false) String email();
          @Field(defaultValue = "0") int logins();
        }
        """));
    assertThat(compilation).succeeded();
    String sql = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SchemaResourceGenerator.SQL).orElseThrow()
        .getCharContent(true).toString();
    assertThat(sql.lines().filter(line -> line.startsWith("CREATE TABLE"))).containsExactly("CREATE TABLE \"users\" (");
    assertThat(sql).contains("\"email\" varchar(255) NOT NULL", "\"name\" varchar(255)",
        "\"logins\" integer NOT NULL DEFAULT 0");
  }
}
