package io.ecto4j.it.schemas;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;

/** The join-schema tests' tables: the join table is the join schema's own DDL, not a join-table DDL. */
public final class SchoolSchema {
  private SchoolSchema() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(Students.DDL);
    db.execute(Courses.DDL);
    db.execute(Enrollments.DDL);
    db.execute("CREATE UNIQUE INDEX enrollments_student_id_course_id_index ON enrollments (student_id, course_id)");
  }
}
