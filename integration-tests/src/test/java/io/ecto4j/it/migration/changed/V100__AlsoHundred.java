package io.ecto4j.it.migration.changed;

import io.ecto4j.migration.Migration;

/** Has the version of {@code MigrationFailuresTest.V100__CreateThings}. */
public final class V100__AlsoHundred extends Migration {
  @Override
  protected void change() {
    createTable("also_things", t -> t.add("name", "text"));
  }
}
