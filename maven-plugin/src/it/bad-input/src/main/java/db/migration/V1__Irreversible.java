package db.migration;

import io.ecto4j.migration.Migration;

public final class V1__Irreversible extends Migration {
  @Override
  protected void change() {
    createTable("notes", t -> t.add("body", "text"));
    execute("INSERT INTO notes (body) VALUES ('x')");
  }
}
