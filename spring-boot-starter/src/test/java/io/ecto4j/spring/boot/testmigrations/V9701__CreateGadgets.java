package io.ecto4j.spring.boot.testmigrations;

import io.ecto4j.migration.Migration;

/** The test application's first migration: a table the tests count rows of. */
public final class V9701__CreateGadgets extends Migration {
  @Override
  protected void change() {
    createTable("gadgets", t -> t.add("name", "text").notNull());
  }
}
