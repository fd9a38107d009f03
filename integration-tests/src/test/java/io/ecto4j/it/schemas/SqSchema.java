package io.ecto4j.it.schemas;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** Creates the tables of the Sq schemas (the Post and Comment of Ecto's subquery and planner tests). */
public final class SqSchema {
  private SqSchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(SqPosts.DDL);
    db.execute(SqComments.DDL);
  }
}
