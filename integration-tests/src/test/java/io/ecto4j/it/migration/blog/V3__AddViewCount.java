package io.ecto4j.it.migration.blog;

import io.ecto4j.migration.Migration;

public final class V3__AddViewCount extends Migration {
  @Override
  protected void change() {
    alterTable("posts", t -> {
      t.add("view_count", "integer").notNull().defaultValue(0);
      t.modify("body", "varchar(10000)").from("text");
    });
    renameColumn("users", "name", "display_name");
    execute("COMMENT ON TABLE posts IS 'blog posts'", "COMMENT ON TABLE posts IS NULL");
  }
}
