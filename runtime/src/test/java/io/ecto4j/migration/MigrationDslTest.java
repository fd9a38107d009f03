package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.schema.ReferenceAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each DSL call records, and the SQL it renders. */
class MigrationDslTest {

  static final class V20260301120000__CreatePosts extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> {
        t.add("title", "varchar(255)").notNull().defaultValue("untitled");
        t.add("views", "integer").notNull().defaultValue(0);
        t.add("author_id", references("users").onDelete(ReferenceAction.DELETE_ALL));
        t.timestamps();
      });
      createIndex(index("posts", "author_id"));
    }
  }

  private static List<String> sql(Migration migration) {
    return migration.upCommands().stream().flatMap(command -> command.sql().stream()).toList();
  }

  private static List<String> sql(Command command) {
    return command.sql();
  }

  @Test
  void versionAndDescriptionComeFromTheClassName() {
    Migration migration = new V20260301120000__CreatePosts();
    assertThat(migration.version()).isEqualTo("20260301120000");
    assertThat(migration.description()).isEqualTo("create posts");
    assertThat(migration).hasToString("20260301120000 (create posts)");
    assertThat(MigrationName.of("V1_1__Add_URLs_index")).isEqualTo(new MigrationName("1.1", "add urls index"));
  }

  @Test
  void aBadClassNameSaysHowToNameIt() {
    assertThatThrownBy(() -> MigrationName.of("CreatePosts"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("V<version>__<Name>").hasMessageContaining("V20260301120000__CreatePosts");
  }

  @Test
  void createTableHasTheDefaultKeyColumnsAndTimestamps() {
    assertThat(sql(new V20260301120000__CreatePosts())).containsExactly(
        """
        CREATE TABLE "posts" (
          "id" bigserial,
          "title" varchar(255) DEFAULT 'untitled' NOT NULL,
          "views" integer DEFAULT 0 NOT NULL,
          "author_id" bigint CONSTRAINT "posts_author_id_fkey" REFERENCES "users" ("id") ON DELETE CASCADE,
          "inserted_at" timestamptz NOT NULL,
          "updated_at" timestamptz NOT NULL,
          PRIMARY KEY ("id")
        )""",
        "CREATE INDEX \"posts_author_id_index\" ON \"posts\" (\"author_id\")");
  }

  @Test
  void tableOptions() {
    CreateTable tags = new CreateTable(TableSpec.named("tags").primaryKey("id", "uuid").comment("labels"),
        List.of(new Column("name", ColumnDefinition.of("text").notNull().comment("it's shown"))), true);
    assertThat(sql(tags)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"tags\" (\n  \"id\" uuid,\n  \"name\" text NOT NULL,\n  PRIMARY KEY (\"id\")\n)",
        "COMMENT ON TABLE \"tags\" IS 'labels'",
        "COMMENT ON COLUMN \"tags\".\"name\" IS 'it''s shown'");
    CreateTable join = new CreateTable(TableSpec.named("posts_tags").withoutPrimaryKey(), List.of(
        new Column("post_id", ColumnDefinition.of(Reference.to("posts")).primaryKey()),
        new Column("tag_id", ColumnDefinition.of(Reference.to("tags").type("uuid").onUpdate(UpdateAction.UPDATE_ALL))
            .primaryKey())), false);
    assertThat(sql(join).get(0)).isEqualTo("""
        CREATE TABLE "posts_tags" (
          "post_id" bigint CONSTRAINT "posts_tags_post_id_fkey" REFERENCES "posts" ("id"),
          "tag_id" uuid CONSTRAINT "posts_tags_tag_id_fkey" REFERENCES "tags" ("id") ON UPDATE CASCADE,
          PRIMARY KEY ("post_id", "tag_id")
        )""");
  }

  @Test
  void alterTableIsOneStatement() {
    AlterTable alter = new AlterTable("posts", List.of(
        new ColumnChange.Add("summary", ColumnDefinition.of("text"), true),
        new ColumnChange.Modify("title", ColumnDefinition.of("text").notNull().defaultSql("''"),
            java.util.Optional.empty()),
        new ColumnChange.Modify("author_id", ColumnDefinition.of(Reference.to("users").onDelete(ReferenceAction.RESTRICT)),
            java.util.Optional.of(ColumnDefinition.of(Reference.to("users")))),
        new ColumnChange.Remove("legacy", java.util.Optional.empty(), true)));
    assertThat(sql(alter)).containsExactly("""
        ALTER TABLE "posts"
          ADD COLUMN IF NOT EXISTS "summary" text,
          ALTER COLUMN "title" TYPE text,
          ALTER COLUMN "title" SET NOT NULL,
          ALTER COLUMN "title" SET DEFAULT '',
          DROP CONSTRAINT "posts_author_id_fkey",
          ALTER COLUMN "author_id" TYPE bigint,
          ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
          DROP COLUMN IF EXISTS "legacy\"""");
  }

  @Test
  void indexOptions() {
    Index index = Index.on("users", List.of("lower(email)", "org_id")).unique().where("deleted_at IS NULL")
        .using("btree").include("id").concurrently();
    assertThat(index.name()).isEqualTo("users_lower_email_org_id_index");
    assertThat(sql(new CreateIndex(index, true))).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
        + "\"users_lower_email_org_id_index\" ON \"users\" USING btree (lower(email), \"org_id\") INCLUDE (\"id\") "
        + "WHERE deleted_at IS NULL");
    assertThat(sql(new DropIndex("users_email_index", java.util.Optional.empty(), true, true, DropMode.RESTRICT)))
        .containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"users_email_index\"");
  }

  @Test
  void constraintsRenamesCommentsAndRawSql() {
    Constraint positive = new Constraint("products", "price_must_be_positive", Constraint.Kind.CHECK, "price > 0", true,
        java.util.Optional.empty()).notValid();
    assertThat(sql(new CreateConstraint(positive))).containsExactly(
        "ALTER TABLE \"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0) NOT VALID");
    assertThat(sql(new CreateConstraint(new Constraint("bookings", "no_overlap", Constraint.Kind.EXCLUDE,
        "gist (room_id WITH =, during WITH &&)", true, java.util.Optional.empty())))).containsExactly(
        "ALTER TABLE \"bookings\" ADD CONSTRAINT \"no_overlap\" EXCLUDE USING gist (room_id WITH =, during WITH &&)");
    assertThat(sql(new ValidateConstraint("products", "price_must_be_positive")))
        .containsExactly("ALTER TABLE \"products\" VALIDATE CONSTRAINT \"price_must_be_positive\"");
    assertThat(sql(new DropConstraint("products", "x", java.util.Optional.empty(), true)))
        .containsExactly("ALTER TABLE \"products\" DROP CONSTRAINT IF EXISTS \"x\"");
    assertThat(sql(new RenameTable("posts", "articles"))).containsExactly("ALTER TABLE \"posts\" RENAME TO \"articles\"");
    assertThat(sql(new RenameColumn("posts", "title", "name")))
        .containsExactly("ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"name\"");
    assertThat(sql(new Comment("posts", java.util.Optional.empty(), "", java.util.Optional.empty())))
        .containsExactly("COMMENT ON TABLE \"posts\" IS NULL");
    assertThat(new Execute("UPDATE posts   SET views = 0\n WHERE views IS NULL", java.util.Optional.empty()).describe())
        .isEqualTo("execute \"UPDATE posts SET views = 0 WHERE views IS NULL\"");
  }

  @Test
  void describeLinesAreEctos() {
    assertThat(new V20260301120000__CreatePosts().upCommands()).extracting(Command::describe)
        .containsExactly("create table posts", "create index posts_author_id_index");
  }

  static final class Outside extends Migration {
    void callExecute() {
      execute("SELECT 1");
    }
  }

  @Test
  void dslCallsOutsideChangeAreRefused() {
    Outside migration = new Outside();
    assertThatThrownBy(migration::callExecute).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside change(), up() or down()");
  }

  @Test
  void modifyAndRemoveAreForAlterTableOnly() {
    TableBuilder create = new TableBuilder("posts", true);
    assertThatThrownBy(() -> create.modify("title", "text")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modify(...) is for alterTable");
    assertThatThrownBy(() -> create.remove("title")).isInstanceOf(IllegalStateException.class);
    TableBuilder alter = new TableBuilder("posts", false);
    assertThatThrownBy(() -> alter.add("x", "text").from("varchar(255)")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from(...) is for modify");
  }
}
