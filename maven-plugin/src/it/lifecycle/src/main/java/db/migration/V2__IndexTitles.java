package db.migration;

import io.ecto4j.migration.Migration;

public final class V2__IndexTitles extends Migration {
  @Override
  protected void change() {
    createIndex(uniqueIndex("posts", "title"));
  }
}
