package com.example.blog;

import io.ecto4j.migration.Migration;

/** The first of production.md's two migrations that MigrationLint checks. */
public final class V20260301__AddSlug extends Migration {
  @Override
  protected void change() {
    alterTable("posts", t -> t.add("slug", "text"));
  }
}
