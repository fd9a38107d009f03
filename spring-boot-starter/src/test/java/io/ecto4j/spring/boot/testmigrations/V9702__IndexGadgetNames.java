package io.ecto4j.spring.boot.testmigrations;

import io.ecto4j.migration.Migration;

/** An index built without CONCURRENTLY on an existing table: what the clinic's lint reports while it is pending. */
public final class V9702__IndexGadgetNames extends Migration {
  @Override
  protected void change() {
    createIndex(index("gadgets", "name"));
  }
}
