package io.ecto4j.it.schemas;

import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** The changeset tests' tables, with the constraints the changesets declare. */
public final class LibrarySchema {
  private LibrarySchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(Authors.DDL);
    db.execute(Publishers.DDL);
    db.execute(Books.DDL);
    db.execute(Bios.DDL);
    db.execute(Bookings.DDL);
    db.execute("CREATE UNIQUE INDEX authors_email_index ON authors (email)");
    db.execute("CREATE UNIQUE INDEX authors_lower_name_index ON authors (lower(name))");
    db.execute("ALTER TABLE authors ADD CONSTRAINT balance_must_be_positive CHECK (balance >= 0)");
    db.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
    db.execute("ALTER TABLE bookings ADD CONSTRAINT bookings_start_slot_exclusion "
        + "EXCLUDE USING gist (room WITH =, int4range(start_slot, end_slot) WITH &&)");
  }

  /** A new author named {@code name}, nothing else set. */
  public static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name);
  }

  /** How many authors the table holds. */
  public static long authors(Repo repo) {
    return repo.aggregate(Authors.query(), Aggregate.count());
  }

  public static void truncate(TestDatabase db) throws SQLException {
    db.execute("TRUNCATE authors, publishers, books, bios, bookings RESTART IDENTITY CASCADE");
  }
}
