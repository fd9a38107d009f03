package io.ecto4j.processor.writing;

import static io.ecto4j.processor.GeneratedClasses.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.FakeRow;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.type.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the companions generated from the blog schemas of the spec. */
class CompanionGeneratorTest {
  private static GeneratedClasses blog;
  private static Table<Object> posts;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compileBlog() {
    blog = new GeneratedClasses(Compile.schemas(Compile.blog()));
    posts = (Table<Object>) blog.constant("blog.Posts", "SCHEMA");
  }

  @Test
  void describesTheTable() {
    assertThat(posts.name()).isEqualTo("posts");
    assertThat(posts.schemaName()).isEqualTo("Post");
    assertThat(names(posts.fields())).containsExactly("id", "title", "body", "published", "viewCount",
        "publishedAt", "authorId", "insertedAt", "updatedAt");
    assertThat(names(posts.virtualFields())).containsExactly("password");
    assertThat(names(posts.insertFields())).containsExactly("title", "body", "published", "viewCount",
        "publishedAt", "authorId", "insertedAt", "updatedAt");
    assertThat(posts.primaryKey()).containsSame(field("ID"));
    assertThat(posts.primaryKeyGeneratedByDatabase()).isTrue();
    assertThat(posts.newStruct()).isEqualTo(blog.newInstance("blog.PostStruct"));
  }

  @Test
  void uuidKeysAreInsertedByTheApplication() {
    Table<?> tags = (Table<?>) blog.constant("blog.Tags", "SCHEMA");
    assertThat(tags.primaryKeyGeneratedByDatabase()).isFalse();
    assertThat(names(tags.insertFields())).containsExactly("id", "name");
    assertThat(tags.primaryKey().orElseThrow().type()).isSameAs(Types.UUID_TYPE);
  }

  @Test
  void fieldsDescribeTheirColumns() {
    Field<Object, Object> viewCount = field("VIEW_COUNT");
    assertThat(viewCount.column()).isEqualTo("view_count");
    assertThat(viewCount.type()).isSameAs(Types.INTEGER);
    assertThat(viewCount.kind()).isEqualTo(Field.Kind.COLUMN);
    assertThat(viewCount.isNullable()).isFalse();
    assertThat(field("TITLE").isNullable()).isTrue();
    assertThat(field("BODY").type()).isSameAs(Types.TEXT);
    assertThat(field("PASSWORD").isRedacted()).isTrue();
    assertThat(field("PASSWORD").isPersisted()).isFalse();
    assertThat(field("AUTHOR_ID").kind()).isEqualTo(Field.Kind.FOREIGN_KEY);
    assertThat(field("ID").kind()).isEqualTo(Field.Kind.PRIMARY_KEY);
    assertThat(field("INSERTED_AT").isNullable()).isFalse();
    assertThat(field("TITLE")).hasToString("Post.title");
  }

  @Test
  void fieldsGetAndSetWithoutReflection() throws Throwable {
    Object post = posts.newStruct();
    Object changed = field("VIEW_COUNT").set(field("TITLE").set(post, "Hello"), 7);
    assertThat(field("TITLE").get(changed)).isEqualTo("Hello");
    assertThat(call(changed, "viewCount")).isEqualTo(7);
    assertThat(field("TITLE").get(post)).isNull();
  }

  @Test
  void timestampsStampNewStructs() {
    Instant now = Instant.parse("2024-01-31T10:15:30.123456789Z");
    Object stamped = posts.timestamps().orElseThrow().onInsert(posts.newStruct(), now);
    assertThat(field("INSERTED_AT").get(stamped)).isEqualTo(Instant.parse("2024-01-31T10:15:30.123456Z"));
    assertThat(field("UPDATED_AT").get(stamped)).isEqualTo(field("INSERTED_AT").get(stamped));
  }

  @Test
  void sqlIsComputedAtCompileTime() {
    String columns = "\"id\", \"title\", \"body\", \"published\", \"view_count\", \"published_at\", \"author_id\", "
        + "\"inserted_at\", \"updated_at\"";
    assertThat(posts.insertSql()).isEqualTo("INSERT INTO \"posts\" (\"title\", \"body\", \"published\", "
        + "\"view_count\", \"published_at\", \"author_id\", \"inserted_at\", \"updated_at\") "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING \"id\"");
    assertThat(posts.getSql()).isEqualTo("SELECT " + columns + " FROM \"posts\" WHERE \"id\" = ?");
    assertThat(posts.deleteSql()).isEqualTo("DELETE FROM \"posts\" "
        + "WHERE \"id\" = (SELECT \"id\" FROM \"posts\" WHERE \"id\" = ?) RETURNING " + columns);
    assertThat(blog.constant("blog.Posts", "INSERT_SQL")).isEqualTo(posts.insertSql());
  }

  /** Regression test for issue #18: a row with no column to write was {@code INSERT INTO t () VALUES ()}. */
  @Test
  void anInsertWithNoColumnsIsDefaultValues() {
    GeneratedClasses tickets = new GeneratedClasses(Compile.schemas(Compile.schema("Ticket", """
        @Schema("tickets")
        public interface Ticket {}
        """)));
    Table<?> table = (Table<?>) tickets.constant("test.Tickets", "SCHEMA");
    assertThat(table.insertFields()).isEmpty();
    assertThat(table.insertSql()).isEqualTo("INSERT INTO \"tickets\" DEFAULT VALUES RETURNING \"id\"");
  }

  @Test
  void ddlIsTheSpecs() {
    assertThat(posts.ddl()).isEqualTo("""
        CREATE TABLE "posts" (
          "id" bigserial PRIMARY KEY,
          "title" varchar(255),
          "body" text,
          "published" boolean NOT NULL DEFAULT false,
          "view_count" integer NOT NULL DEFAULT 0,
          "published_at" timestamptz,
          "author_id" bigint REFERENCES "users" ("id") ON DELETE NO ACTION,
          "inserted_at" timestamptz NOT NULL,
          "updated_at" timestamptz NOT NULL
        );
        CREATE INDEX "posts_author_id_index" ON "posts" ("author_id");""");
    assertThat(posts.joinTablesDdl()).isEqualTo("""
        CREATE TABLE IF NOT EXISTS "posts_tags" (
          "post_id" bigint NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
          "tag_id" uuid NOT NULL REFERENCES "tags" ("id") ON DELETE CASCADE,
          PRIMARY KEY ("post_id", "tag_id")
        );""");
    Table<?> comments = (Table<?>) blog.constant("blog.Comments", "SCHEMA");
    assertThat(comments.ddl()).contains("\"post_id\" bigint NOT NULL REFERENCES \"posts\" (\"id\") ON DELETE CASCADE");
    Table<?> users = (Table<?>) blog.constant("blog.Users", "SCHEMA");
    assertThat(users.ddl()).contains("\"role\" varchar(255) DEFAULT 'MEMBER'", "\"email\" varchar(255) NOT NULL");
  }

  @Test
  void belongsToKnowsItsKeysAndFillsItsSlot() throws Throwable {
    Association<Object, Object> author = association("AUTHOR");
    assertThat(author.kind()).isEqualTo(Association.Kind.BELONGS_TO);
    assertThat(author.ownerKey()).isEqualTo("author_id");
    assertThat(author.relatedKey()).isEqualTo("id");
    assertThat(author.onDelete()).isEqualTo(ReferenceAction.NOTHING);
    assertThat(author.related()).isSameAs(blog.constant("blog.Users", "SCHEMA"));
    assertThat(author).hasToString("Posts.AUTHOR");
    Object post = posts.newStruct();
    Object user = blog.newInstance("blog.UserStruct");
    assertThat(author.isLoaded(post)).isFalse();
    assertThat(call(Internals.association().put(author, post, List.of(user)), "author")).isSameAs(user);
    assertThat(author.isLoaded(Internals.association().put(author, post, List.of()))).isTrue();
  }

  @Test
  void hasManyAndManyToManyKnowTheirKeys() throws Throwable {
    Association<Object, Object> comments = association("COMMENTS");
    assertThat(comments.kind()).isEqualTo(Association.Kind.HAS_MANY);
    assertThat(List.of(comments.ownerKey(), comments.relatedKey())).containsExactly("id", "post_id");
    Object comment = blog.newInstance("blog.CommentStruct");
    assertThat(call(Internals.association().put(comments, posts.newStruct(), List.of(comment)), "comments")).isEqualTo(List.of(comment));

    Association<Object, Object> tags = association("TAGS");
    assertThat(tags.kind()).isEqualTo(Association.Kind.MANY_TO_MANY);
    assertThat(tags.joinTable()).contains("posts_tags");
    assertThat(tags.joinOwnerKey()).contains("post_id");
    assertThat(tags.joinRelatedKey()).contains("tag_id");
    assertThat(tags.onDelete()).isEqualTo(ReferenceAction.DELETE_ALL);
    assertThat(posts.associations()).containsExactly(association("AUTHOR"), comments, tags);
  }

  @Test
  void fromRowReadsThePersistedColumnsInOrder() throws Exception {
    OffsetDateTime at = OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.UTC);
    java.sql.Timestamp stamp = java.sql.Timestamp.from(at.toInstant());
    Object post = posts.fromRow(FakeRow.of("ignored", 42L, "Title", "Body", true, 3, null, 7L, stamp, stamp), 1);
    assertThat(field("ID").get(post)).isEqualTo(42L);
    assertThat(field("TITLE").get(post)).isEqualTo("Title");
    assertThat(field("PUBLISHED").get(post)).isEqualTo(true);
    assertThat(field("VIEW_COUNT").get(post)).isEqualTo(3);
    assertThat(field("PUBLISHED_AT").get(post)).isNull();
    assertThat(field("PASSWORD").get(post)).isNull();
    assertThat(field("AUTHOR_ID").get(post)).isEqualTo(7L);
    assertThat(field("UPDATED_AT").get(post)).isEqualTo(at.toInstant());
    assertThat(association("AUTHOR").isLoaded(post)).isFalse();
  }

  @Test
  void queryStartsFromTheTable() throws Throwable {
    assertThat(blog.load("blog.Posts").getMethod("query").invoke(null)).isNotNull();
  }

  @SuppressWarnings("unchecked")
  private static Field<Object, Object> field(String constant) {
    return (Field<Object, Object>) blog.constant("blog.Posts", constant);
  }

  @SuppressWarnings("unchecked")
  private static Association<Object, Object> association(String constant) {
    return (Association<Object, Object>) blog.constant("blog.Posts", constant);
  }

  private static List<String> names(List<? extends Field<?, ?>> fields) {
    return fields.stream().map(Field::name).toList();
  }
}
