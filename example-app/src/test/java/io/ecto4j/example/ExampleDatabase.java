package io.ecto4j.example;

import io.ecto4j.example.migrations.Migrations;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** The example's tables, made by its own migrations, and emptied between tests. */
public final class ExampleDatabase {
  private ExampleDatabase() {}

  public static Migrator migrator(TestDatabase db) {
    return Migrator.builder(db.dataSource()).migrations(Migrations.all()).output(line -> { }).build();
  }

  public static void migrate(TestDatabase db) {
    migrator(db).migrate();
  }

  public static void truncate(TestDatabase db) throws SQLException {
    db.execute("TRUNCATE users, profiles, audit_logs, posts, comments, tags, posts_tags, orders, line_items, "
        + "inventories RESTART IDENTITY CASCADE");
  }
}
