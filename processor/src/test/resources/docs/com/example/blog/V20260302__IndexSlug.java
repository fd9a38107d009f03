package com.example.blog;

import io.ecto4j.migration.Migration;

/** The second of production.md's two migrations that MigrationLint checks. */
public final class V20260302__IndexSlug extends Migration {
  @Override
  protected boolean disableDdlTransaction() {
    return true;
  }

  @Override
  protected void change() {
    createIndex(uniqueIndex("posts", "slug").concurrently());
  }
}
