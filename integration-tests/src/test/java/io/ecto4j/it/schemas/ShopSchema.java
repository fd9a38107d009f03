package io.ecto4j.it.schemas;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** Accounts and shop tables for the lesson's register_user and place_order. */
public final class ShopSchema {
  private ShopSchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(Users.DDL);
    db.execute("CREATE UNIQUE INDEX users_email_index ON users (email)");
    db.execute(Profiles.DDL);
    db.execute(AuditLogs.DDL);
    db.execute(Orders.DDL);
    db.execute(LineItems.DDL);
    db.execute(Inventories.DDL);
    db.execute("ALTER TABLE inventories ADD CONSTRAINT stock_not_negative CHECK (stock >= 0)");
  }

  public static void truncate(TestDatabase db) throws SQLException {
    db.execute("TRUNCATE users, profiles, audit_logs, orders, line_items, inventories RESTART IDENTITY CASCADE");
  }
}
