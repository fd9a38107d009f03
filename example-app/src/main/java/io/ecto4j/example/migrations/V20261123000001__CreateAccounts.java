package io.ecto4j.example.migrations;

import io.ecto4j.migration.Migration;

/** Users, their profiles and the audit log. */
public final class V20261123000001__CreateAccounts extends Migration {
  @Override
  protected void change() {
    createTable("users", t -> {
      t.add("name", "varchar(255)");
      t.add("email", "varchar(255)");
      t.add("age", "integer");
      t.add("password_hash", "varchar(255)");
      t.timestamps();
    });
    createIndex(uniqueIndex("users", "email"));

    createTable("profiles", t -> {
      t.add("display_name", "varchar(255)").notNull();
      t.add("bio", "text");
      t.add("user_id", references("users")).notNull();
      t.timestamps();
    });
    createIndex(index("profiles", "user_id"));

    createTable("audit_logs", t -> {
      t.add("action", "varchar(255)").notNull();
      t.add("metadata", "jsonb");
      t.add("user_id", references("users"));
      t.add("inserted_at", "timestamptz").notNull();
    });
    createIndex(index("audit_logs", "user_id"));
  }
}
