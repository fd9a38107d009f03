package db.migration;

import io.ecto4j.migration.Migration;

public final class V1__CreatePosts extends Migration {
  @Override
  protected void change() {
    createTable("posts", t -> {
      t.add("title", "varchar(255)").notNull();
      t.timestamps();
    });
  }
}
