package io.ecto4j.it.migration.blog;

import io.ecto4j.migration.Migration;
import io.ecto4j.schema.ReferenceAction;

public final class V2__CreatePosts extends Migration {
  @Override
  protected void change() {
    createTable("posts", t -> {
      t.add("title", "varchar(255)").notNull();
      t.add("body", "text");
      t.add("author_id", references("users").onDelete(ReferenceAction.DELETE_ALL));
      t.timestamps();
    });
    createIndex(index("posts", "author_id"));
    createConstraint(check("posts", "title_not_blank", "title <> ''"));
  }
}
