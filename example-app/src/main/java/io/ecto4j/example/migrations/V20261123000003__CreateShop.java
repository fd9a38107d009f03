package io.ecto4j.example.migrations;

import io.ecto4j.migration.Migration;

/** Orders, their line items, and stock. */
public final class V20261123000003__CreateShop extends Migration {
  @Override
  protected void change() {
    createTable("orders", t -> {
      t.add("status", "varchar(255)").defaultSql("'pending'");
      t.add("user_id", references("users")).notNull();
      t.timestamps();
    });
    createIndex(index("orders", "user_id"));

    createTable("line_items", t -> {
      t.add("product_id", "bigint").notNull();
      t.add("quantity", "integer").notNull();
      t.add("order_id", references("orders")).notNull();
    });
    createIndex(index("line_items", "order_id"));

    createTable("inventories", t -> {
      t.add("product_id", "bigint").notNull();
      t.add("stock", "integer").notNull();
    });
    createIndex(uniqueIndex("inventories", "product_id"));
  }
}
