package io.ecto4j.it.migration.blog;

import io.ecto4j.migration.Migration;

public final class V1__CreateUsers extends Migration {
  @Override
  protected void change() {
    createTable("users", t -> {
      t.add("name", "varchar(255)").notNull();
      t.add("email", "varchar(255)");
      t.timestamps();
    });
    createIndex(uniqueIndex("users", "email"));
  }
}
