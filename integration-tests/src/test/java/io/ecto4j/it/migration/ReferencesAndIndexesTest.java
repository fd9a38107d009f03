package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.DropMode;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference and index options of ecto_sql's migrations, run on PostgreSQL and checked by what
 * the database then does (ports of ecto_sql {@code integration_test/sql/migration.exs} and the DDL
 * cases of {@code test/ecto/adapters/postgres_test.exs}; the rendered SQL is checked in the runtime's
 * {@code ReferencesAndIndexesDdlTest}).
 */
@EctoTest
class ReferencesAndIndexesTest {
  private Catalog catalog;

  public static final class V9001__Schema extends Migration {
    @Override
    protected void change() {
      execute("CREATE SCHEMA accounts", "DROP SCHEMA accounts");
      execute("CREATE TABLE accounts.people (id bigserial PRIMARY KEY, email text)", "DROP TABLE accounts.people");
      createTable("orgs", t -> t.add("region", "integer").notNull());
      createIndex(uniqueIndex("orgs", "id", "region"));
    }
  }

  public static final class V9002__Memberships extends Migration {
    @Override
    protected void change() {
      createTable("memberships", t -> {
        t.add("org_id", references("orgs").with("region", "region").matchFull().onDeleteNilify("org_id", "region"));
        t.add("region", "integer");
        t.add("person_id", references("people").prefix("accounts"));
        t.add("legacy_person_id", "bigint");
      });
      createIndex(uniqueIndex("memberships", "person_id").nullsNotDistinct().options("fillfactor = 70"));
    }
  }

  public static final class V9003__InvalidReference extends Migration {
    @Override
    protected void change() {
      alterTable("memberships", t -> t.modify("legacy_person_id", references("people").prefix("accounts")
          .name("memberships_legacy_fkey").notValid()).from("bigint"));
    }
  }

  public static final class V9004__RenameAndPrefixedIndex extends Migration {
    @Override
    protected void change() {
      renameIndex(index("memberships", "person_id"), "memberships_person_idx");
      createIndex(index("people", "email").prefix("accounts"));
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws SQLException {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS accounts CASCADE");
    catalog = new Catalog(db.dataSource());
  }

  private static Migrator migrator(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.jdbcUrl(), db.user(), db.password()).migrations(migrations).locations()
        .output(line -> { }).build();
  }

  private static Migration[] all() {
    return new Migration[] {new V9001__Schema(), new V9002__Memberships(), new V9003__InvalidReference(),
        new V9004__RenameAndPrefixedIndex()};
  }

  /** A composite key with MATCH FULL, ON DELETE SET NULL of chosen columns, and a reference into another schema. */
  @Test
  void compositeMatchFullAndPrefixedReferencesHoldInTheDatabase(TestDatabase db) throws SQLException {
    migrator(db, all()).migrate();
    db.execute("INSERT INTO orgs (id, region) VALUES (1, 7); INSERT INTO accounts.people (id) VALUES (10)");
    db.execute("INSERT INTO memberships (org_id, region, person_id) VALUES (1, 7, 10)");
    assertThatThrownBy(() -> db.execute("INSERT INTO memberships (org_id, region) VALUES (1, 8)"))
        .hasMessageContaining("memberships_org_id_fkey");
    assertThatThrownBy(() -> db.execute("INSERT INTO memberships (org_id, region) VALUES (1, NULL)"))
        .as("MATCH FULL refuses a half-null key").hasMessageContaining("MATCH FULL");
    assertThatThrownBy(() -> db.execute("INSERT INTO memberships (person_id) VALUES (11)"))
        .hasMessageContaining("memberships_person_id_fkey");
    db.execute("DELETE FROM orgs WHERE id = 1");
    assertThat(catalog.strings("SELECT coalesce(org_id::text, 'null') || ',' || coalesce(region::text, 'null') "
        + "FROM memberships")).containsExactly("null,null");
  }

  /** Ports migration.exs "add references with validate: false": existing rows are not checked, new ones are. */
  @Test
  void aNotValidReferenceLeavesExistingRowsAndChecksNewOnes(TestDatabase db) throws SQLException {
    migrator(db, new V9001__Schema(), new V9002__Memberships()).migrate();
    db.execute("INSERT INTO accounts.people (id) VALUES (10), (11)");
    db.execute("INSERT INTO memberships (person_id, legacy_person_id) VALUES (10, 999)");
    migrator(db, all()).migrate();
    assertThat(catalog.one("SELECT convalidated::text FROM pg_constraint WHERE conname = 'memberships_legacy_fkey'"))
        .isEqualTo("false");
    assertThatThrownBy(() -> db.execute("INSERT INTO memberships (person_id, legacy_person_id) VALUES (11, 998)"))
        .hasMessageContaining("memberships_legacy_fkey");
  }

  /** NULLS NOT DISTINCT and storage parameters reach the index; rename and prefix too; all roll back. */
  @Test
  void indexOptionsRenameAndPrefixRoundTrip(TestDatabase db) throws SQLException {
    Migrator migrator = migrator(db, all());
    migrator.migrate();
    assertThat(catalog.one("SELECT indexdef FROM pg_indexes WHERE indexname = 'memberships_person_idx'"))
        .contains("NULLS NOT DISTINCT").contains("fillfactor='70'");
    db.execute("INSERT INTO memberships (org_id) VALUES (NULL)");
    assertThatThrownBy(() -> db.execute("INSERT INTO memberships (org_id) VALUES (NULL)"))
        .as("two null person_ids conflict").hasMessageContaining("memberships_person_idx");
    assertThat(catalog.one("SELECT schemaname FROM pg_indexes WHERE indexname = 'people_email_index'"))
        .isEqualTo("accounts");
    migrator.rollback();
    assertThat(catalog.indexes("memberships")).contains("memberships_person_id_index")
        .doesNotContain("memberships_person_idx");
    assertThat(catalog.one("SELECT indexname FROM pg_indexes WHERE indexname = 'people_email_index'")).isNull();
  }

  public static final class V9005__DropTheReferencedIndex extends Migration {
    @Override
    protected void up() {
      dropIndex(uniqueIndex("orgs", "id", "region"));
    }
  }

  public static final class V9006__DropTheReferencedIndexCascade extends Migration {
    @Override
    protected void up() {
      dropIndex(uniqueIndex("orgs", "id", "region"), DropMode.CASCADE);
    }
  }

  /**
   * Ports postgres_test.exs "drop index with cascade" on PostgreSQL: the composite foreign key
   * depends on the unique index it references, so only a cascading drop succeeds, and takes it along.
   */
  @Test
  void dropIndexCascadeDropsWhatDependsOnIt(TestDatabase db) throws SQLException {
    migrator(db, new V9001__Schema(), new V9002__Memberships()).migrate();
    assertThatThrownBy(() -> migrator(db, new V9001__Schema(), new V9002__Memberships(), new V9005__DropTheReferencedIndex())
        .migrate()).hasMessageContaining("depend");
    migrator(db, new V9001__Schema(), new V9002__Memberships(), new V9006__DropTheReferencedIndexCascade()).migrate();
    assertThat(catalog.indexes("orgs")).doesNotContain("orgs_id_region_index");
    assertThat(catalog.constraints("memberships")).doesNotContain("memberships_org_id_fkey");
  }
}
