package io.ecto4j.example.migrations;

import io.ecto4j.migration.Migration;
import io.ecto4j.schema.ReferenceAction;

/** Posts, comments and tags, as the lesson's CreatePosts migration and the exercise need them. */
public final class V20261123000002__CreateBlog extends Migration {
  @Override
  protected void change() {
    createTable("posts", t -> {
      t.add("title", "varchar(255)");
      t.add("body", "text");
      t.add("published", "boolean").notNull().defaultSql("false");
      t.add("view_count", "integer").notNull().defaultSql("0");
      t.add("published_at", "timestamptz");
      t.add("author_id", references("users"));
      t.timestamps();
    });
    createIndex(uniqueIndex("posts", "title"));
    createIndex(index("posts", "author_id"));

    createTable("comments", t -> {
      t.add("body", "text");
      t.add("author_name", "varchar(255)");
      t.add("post_id", references("posts")).notNull();
      t.add("user_id", references("users"));
      t.timestamps();
    });
    createIndex(index("comments", "post_id"));
    createIndex(index("comments", "user_id"));

    createTable("tags", t -> t.add("name", "varchar(255)").notNull());
    createIndex(uniqueIndex("tags", "name"));

    createTable(table("posts_tags").withoutPrimaryKey(), t -> {
      t.add("post_id", references("posts").onDelete(ReferenceAction.DELETE_ALL)).notNull().primaryKey();
      t.add("tag_id", references("tags").onDelete(ReferenceAction.DELETE_ALL)).notNull().primaryKey();
    });
  }
}
