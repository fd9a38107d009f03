package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.schema.ReferenceAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code test/ecto/adapters/postgres_test.exs} DDL tests for references and
 * indexes. ecto4j writes a single-column reference as the column's own constraint and a composite
 * or {@code NOT VALID} one as a table constraint; the statements differ from Ecto's in that layout
 * and in spacing only, and mean the same to PostgreSQL (the integration test runs them).
 */
class ReferencesAndIndexesDdlTest {
  private static String create(Column... columns) {
    return new CreateTable(TableSpec.named("posts").withoutPrimaryKey(), List.of(columns), false).sql().get(0)
        .replace("\n", "");
  }

  private static Column column(String name, Reference reference) {
    return new Column(name, ColumnDefinition.of(reference));
  }

  /** Ports "create table with references" (prefix, with, match, nilify/default of columns, default_all). */
  @Test
  void createTableWithReferences() {
    assertThat(create(column("category_11", Reference.to("categories").prefix("foo").onUpdate(UpdateAction.RESTRICT))))
        .contains("\"category_11\" bigint CONSTRAINT \"posts_category_11_fkey\" REFERENCES \"foo\".\"categories\" (\"id\") "
            + "ON UPDATE RESTRICT");
    assertThat(create(column("category_12", Reference.to("categories").with("here", "there"))))
        .contains("\"category_12\" bigint,  CONSTRAINT \"posts_category_12_fkey\" FOREIGN KEY (\"category_12\", \"here\") "
            + "REFERENCES \"categories\" (\"id\", \"there\")");
    assertThat(create(column("category_13", Reference.to("categories").onUpdate(UpdateAction.RESTRICT)
        .with("here", "there").matchFull())))
        .endsWith("FOREIGN KEY (\"category_13\", \"here\") REFERENCES \"categories\" (\"id\", \"there\") MATCH FULL "
            + "ON UPDATE RESTRICT)");
    assertThat(create(column("category_14", Reference.to("categories").with("here", "there").with("here2", "there2")
        .onDeleteNilify("here", "here2"))))
        .endsWith("FOREIGN KEY (\"category_14\", \"here\", \"here2\") REFERENCES \"categories\" (\"id\", \"there\", \"there2\") "
            + "ON DELETE SET NULL (\"here\", \"here2\"))");
    assertThat(create(column("category_15", Reference.to("categories").onDelete(ReferenceAction.DEFAULT_ALL))))
        .contains("REFERENCES \"categories\" (\"id\") ON DELETE SET DEFAULT");
    assertThat(create(column("category_17", Reference.to("categories").with("here", "there").with("here2", "there2")
        .onDeleteDefault("here", "here2"))))
        .endsWith("ON DELETE SET DEFAULT (\"here\", \"here2\"))");
  }

  /** Ports "alter table with invalid reference" (validate: false): only a table constraint can be NOT VALID. */
  @Test
  void alterTableAddsAnInvalidReferenceAsATableConstraint() {
    AlterTable alter = new AlterTable("posts", List.of(new ColumnChange.Add("author_id",
        ColumnDefinition.of(Reference.to("users").notValid()), false)));
    assertThat(alter.sql()).containsExactly("ALTER TABLE \"posts\"\n  ADD COLUMN \"author_id\" bigint,\n  "
        + "ADD CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\" (\"id\") NOT VALID");
  }

  @Test
  void columnsForOnDeleteAreOnlyForSetNullOrSetDefault() {
    assertThatThrownBy(() -> Reference.to("users").onDeleteNilify())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the columns to set");
    assertThat(Reference.to("users").onDeleteNilify("a").onDelete(ReferenceAction.DELETE_ALL).onDeleteColumns()).isEmpty();
  }

  /** Ports "create index with prefix", "create an index without recursively creating indexes on partitions", "… with storage parameters". */
  @Test
  void createIndexWithPrefixOnlyAndStorageParameters() {
    assertThat(new CreateIndex(Index.on("posts", List.of("category_id", "permalink")).prefix("foo"), false).sql())
        .containsExactly("CREATE INDEX \"posts_category_id_permalink_index\" ON \"foo\".\"posts\" (\"category_id\", \"permalink\")");
    assertThat(new CreateIndex(Index.on("posts", List.of("permalink")).only(), false).sql())
        .containsExactly("CREATE INDEX \"posts_permalink_index\" ON ONLY \"posts\" (\"permalink\")");
    assertThat(new CreateIndex(Index.on("posts", List.of("title")).options("fillfactor=50"), false).sql())
        .containsExactly("CREATE INDEX \"posts_title_index\" ON \"posts\" (\"title\") WITH (fillfactor=50)");
  }

  /** Ports "create unique index with nulls_distinct option". */
  @Test
  void createUniqueIndexWithNullsDistinct() {
    Index permalink = Index.on("posts", List.of("permalink")).unique();
    assertThat(new CreateIndex(permalink.nullsDistinct(true), false).sql())
        .containsExactly("CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") NULLS DISTINCT");
    assertThat(new CreateIndex(permalink.nullsNotDistinct(), false).sql())
        .containsExactly("CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") NULLS NOT DISTINCT");
    assertThat(new CreateIndex(permalink.nullsNotDistinct().include("public").where("public IS TRUE"), false).sql())
        .containsExactly("CREATE UNIQUE INDEX \"posts_permalink_index\" ON \"posts\" (\"permalink\") INCLUDE (\"public\") "
            + "NULLS NOT DISTINCT WHERE public IS TRUE");
  }

  /** Ports "drop index with prefix" and "drop index with cascade". */
  @Test
  void dropIndexWithPrefixAndCascade() {
    Index main = Index.on("posts", List.of("id")).name("posts$main");
    assertThat(DropIndex.of(main.prefix("foo"), false, DropMode.RESTRICT).sql())
        .containsExactly("DROP INDEX \"foo\".\"posts$main\"");
    assertThat(DropIndex.of(main, false, DropMode.CASCADE).sql()).containsExactly("DROP INDEX \"posts$main\" CASCADE");
    assertThat(DropIndex.of(main.prefix("foo"), false, DropMode.CASCADE).sql())
        .containsExactly("DROP INDEX \"foo\".\"posts$main\" CASCADE");
  }

  /** Ports "rename index" and "rename index with prefix"; renaming back reverses it. */
  @Test
  void renameIndex() {
    RenameIndex rename = new RenameIndex(Optional.empty(), "persons_name_index", "people_name_index");
    assertThat(rename.sql()).containsExactly("ALTER INDEX \"persons_name_index\" RENAME TO \"people_name_index\"");
    assertThat(new RenameIndex(Optional.of("foo"), "persons_name_index", "people_name_index").sql())
        .containsExactly("ALTER INDEX \"foo\".\"persons_name_index\" RENAME TO \"people_name_index\"");
    assertThat(rename.reverse()).containsExactly(new RenameIndex(Optional.empty(), "people_name_index", "persons_name_index"));
  }
}
