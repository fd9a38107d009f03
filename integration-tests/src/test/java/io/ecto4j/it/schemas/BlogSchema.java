package io.ecto4j.it.schemas;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** Creates the test schemas' tables from the DDL the processor generated for them. */
public final class BlogSchema {
  private BlogSchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(Users.DDL);
    db.execute(Tags.DDL);
    db.execute(Posts.DDL);
    db.execute(Comments.DDL);
    db.execute(Samples.DDL);
    db.execute(Settings.DDL);
    db.execute(Posts.JOIN_TABLES_DDL);
  }
}
