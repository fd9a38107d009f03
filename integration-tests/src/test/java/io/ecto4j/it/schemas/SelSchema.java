package io.ecto4j.it.schemas;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** Creates the tables of the Sel schemas (Ecto's integration Post, Comment, User, Permalink). */
public final class SelSchema {
  private SelSchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(SelUsers.DDL);
    db.execute(SelPosts.DDL);
    db.execute(SelComments.DDL);
    db.execute(SelPermalinks.DDL);
    db.execute(SelPosts.JOIN_TABLES_DDL);
  }
}
