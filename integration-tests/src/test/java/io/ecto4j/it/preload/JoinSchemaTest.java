package io.ecto4j.it.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.Course;
import io.ecto4j.it.schemas.CourseStruct;
import io.ecto4j.it.schemas.Courses;
import io.ecto4j.it.schemas.EnrollmentStruct;
import io.ecto4j.it.schemas.Enrollments;
import io.ecto4j.it.schemas.SchoolSchema;
import io.ecto4j.it.schemas.Student;
import io.ecto4j.it.schemas.StudentStruct;
import io.ecto4j.it.schemas.Students;
import io.ecto4j.query.Alias;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * many_to_many through a join schema, Ecto's {@code join_through: Enrollment}: the join rows are
 * written as structs of their own schema, and the preloads read the keys from its table.
 */
@EctoTest(sandbox = true)
class JoinSchemaTest {
  private CountingDataSource counter;
  private Repo repo;
  private StudentStruct ann;
  private StudentStruct bob;
  private StudentStruct cy;
  private CourseStruct algebra;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SchoolSchema.create(db);
  }

  @BeforeEach
  void seed(DataSource dataSource) {
    counter = new CountingDataSource(dataSource);
    repo = Repo.of(counter.dataSource());
    ann = repo.insertOrThrow(new StudentStruct().withName("Ann"));
    bob = repo.insertOrThrow(new StudentStruct().withName("Bob"));
    cy = repo.insertOrThrow(new StudentStruct().withName("Cy"));
    algebra = repo.insertOrThrow(new CourseStruct().withTitle("Algebra"));
    CourseStruct biology = repo.insertOrThrow(new CourseStruct().withTitle("Biology"));
    CourseStruct chemistry = repo.insertOrThrow(new CourseStruct().withTitle("Chemistry"));
    enroll(ann, biology, "B");
    enroll(ann, algebra, "A");
    enroll(bob, algebra, "C");
    enroll(bob, chemistry, null);
    counter.reset();
  }

  private void enroll(StudentStruct student, CourseStruct course, String grade) {
    repo.insertOrThrow(new EnrollmentStruct().withStudentId(student.id()).withCourseId(course.id()).withGrade(grade));
  }

  private List<StudentStruct> students() {
    return repo.all(Students.query().orderBy(Students.ID.asc()));
  }

  private static List<String> titles(List<Course> courses) {
    return courses.stream().map(Course::title).toList();
  }

  @Test
  void theJoinTableIsTheJoinSchemasOwnTable() {
    assertThat(Students.JOIN_TABLES_DDL).isEmpty();
    assertThat(Courses.JOIN_TABLES_DDL).isEmpty();
    assertThat(Students.COURSES.joinTable()).contains(Enrollments.SCHEMA.name());
    EnrollmentStruct row = repo.oneOrThrow(Enrollments.query().where(Enrollments.GRADE.eq("A")));
    assertThat(row.studentId()).isEqualTo(ann.id());
    assertThat(row.insertedAt()).as("the join schema's timestamps are set on insert").isNotNull();
  }

  @Test
  void preloadReadsTheKeysFromTheJoinSchemasTableInOneStatement() {
    List<StudentStruct> students = repo.preload(students(), Students.COURSES);
    assertThat(counter.count()).isEqualTo(2);
    assertThat(students).extracting(StudentStruct::name).containsExactly("Ann", "Bob", "Cy");
    assertThat(titles(students.get(0).courses())).as("preloadOrder = title").containsExactly("Algebra", "Biology");
    assertThat(titles(students.get(1).courses())).containsExactly("Algebra", "Chemistry");
    assertThat(students.get(2).courses()).isEmpty();
  }

  @Test
  void theFirstCoursesOfEachStudentAreOneStatement() {
    List<StudentStruct> students = repo.preload(students(), Students.COURSES.limitPerParent(1));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(students).extracting(student -> titles(student.courses()))
        .containsExactly(List.of("Algebra"), List.of("Algebra"), List.of());
  }

  @Test
  void bothSidesAndNestedPathsGoThroughTheSameJoinSchema() {
    List<StudentStruct> students = repo.all(Students.query().orderBy(Students.ID.asc())
        .preload(Students.COURSES.then(Courses.STUDENTS)));
    assertThat(counter.count()).isEqualTo(3);
    Course annsAlgebra = students.get(0).courses().get(0);
    assertThat(annsAlgebra.students()).as("preloadOrder = name DESC").extracting(Student::name)
        .containsExactly("Bob", "Ann");
  }

  @Test
  void assocAndJoinsGoThroughTheJoinSchemasTable() {
    assertThat(titles(List.copyOf(repo.all(Students.COURSES.of(bob))))).containsExactly("Algebra", "Chemistry");
    assertThat(repo.all(Students.COURSES.of(cy))).isEmpty();

    Alias<CourseStruct> course = Alias.of(Courses.SCHEMA, "c");
    List<StudentStruct> inAlgebra = repo.all(Students.query().join(Students.COURSES, course)
        .where(course.field(Courses.TITLE).eq("Algebra")).orderBy(Students.NAME.asc()));
    assertThat(inAlgebra).extracting(StudentStruct::name).containsExactly("Ann", "Bob");
  }

  @Test
  void theJoinSchemasConstraintsAndOnDeleteApply() {
    Result<EnrollmentStruct, Changeset<EnrollmentStruct>> twice = repo.insert(Changeset
        .cast(new EnrollmentStruct(), Map.of("studentId", ann.id(), "courseId", algebra.id()),
            Enrollments.STUDENT_ID, Enrollments.COURSE_ID)
        .uniqueConstraint(List.of(Enrollments.STUDENT_ID, Enrollments.COURSE_ID)));
    assertThat(twice.isErr()).isTrue();
    assertThat(((Result.Err<EnrollmentStruct, Changeset<EnrollmentStruct>>) twice).error().errors())
        .extracting(error -> error.field() + " " + error.message()).containsExactly("studentId has already been taken");

    repo.deleteOrThrow(algebra);
    assertThat(titles(repo.preload(ann, Students.COURSES).courses())).as("ON DELETE CASCADE from the join schema")
        .containsExactly("Biology");
  }
}
