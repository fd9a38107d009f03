package io.ecto4j.it.migration.changed;

import io.ecto4j.migration.Migration;

/** {@code MigrationFailuresTest.V140__Checked} edited after it was applied: another column. */
public final class V140__Checked extends Migration {
  @Override
  protected void change() {
    createTable("checked", t -> t.add("b", "text"));
  }
}
