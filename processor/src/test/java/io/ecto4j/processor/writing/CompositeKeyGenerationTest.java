package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import java.io.IOException;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a key declared on members generates: the table's key fields, {@code key(…)}, SQL by every key column, DDL. */
class CompositeKeyGenerationTest {
  private static Compilation compilation;
  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    compilation = Compile.schemas(Compile.schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """), Compile.schema("Membership", """
        @Schema(value = "memberships", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE),
            redact = Schema.Redact.ALL_EXCEPT_PRIMARY_KEYS)
        public interface Membership {
          @BelongsTo(primaryKey = true) User user();
          @Field(primaryKey = true) String role();
          @Field String note();
        }
        """), Compile.schema("Code", """
        @Schema(value = "codes", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        public interface Code {
          @Field(primaryKey = true) String code();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
  }

  @SuppressWarnings("unchecked")
  private static Table<Object> table(String companion) {
    return (Table<Object>) classes.constant("test." + companion, "SCHEMA");
  }

  @Test
  void theKeyIsEveryDeclaredMemberInOrder() {
    Table<Object> memberships = table("Memberships");
    assertThat(memberships.primaryKey()).as("not exactly one key field").isEmpty();
    assertThat(memberships.primaryKeys()).extracting(Field::name).containsExactly("role", "userId");
    assertThat(memberships.primaryKeyGeneratedByDatabase()).isFalse();
    assertThat(memberships.primaryKeys()).allSatisfy(field -> assertThat(field.isNullable()).isFalse());
    assertThat(memberships.primaryKeys()).allSatisfy(field -> assertThat(field.isRedacted()).isFalse());
    Table<Object> codes = table("Codes");
    assertThat(codes.primaryKey()).map(Field::name).contains("code");
    assertThat(codes.primaryKeys()).extracting(Field::name).containsExactly("code");
  }

  @Test
  void theCompanionHasATypedKey() throws Throwable {
    Object key = classes.load("test.Memberships").getMethod("key", String.class, Long.class)
        .invoke(null, "admin", 7L);
    assertThat(key).isEqualTo(PrimaryKeyValue.of(table("Memberships"), "admin", 7L));
    assertThat(((PrimaryKeyValue<?>) key).values()).containsExactly("admin", 7L);
    assertThat(key.toString()).isEqualTo("role = admin and userId = 7");
  }

  @Test
  void getAndDeleteNameTheRowByEveryKeyColumn() {
    Table<Object> memberships = table("Memberships");
    assertThat(memberships.getSql()).endsWith("FROM \"memberships\" WHERE \"role\" = ? AND \"user_id\" = ?");
    assertThat(memberships.deleteSql()).startsWith("DELETE FROM \"memberships\" WHERE (\"role\", \"user_id\") ="
        + " (SELECT \"role\", \"user_id\" FROM \"memberships\" WHERE \"role\" = ? AND \"user_id\" = ?) RETURNING");
    assertThat(memberships.insertFields()).extracting(Field::name).containsExactly("role", "note", "userId");
    assertThat(memberships.insertSql()).endsWith("RETURNING \"role\", \"user_id\""); // the key, in column order
    assertThat(memberships.insertReturning()).extracting(Field::name).containsExactly("role", "userId");
  }

  @Test
  void theDdlDeclaresTheKeyOverItsColumns() throws IOException {
    assertThat(table("Memberships").ddl()).contains("\"role\" varchar(255) NOT NULL,",
        "\"user_id\" bigint NOT NULL REFERENCES \"users\" (\"id\")", "PRIMARY KEY (\"role\", \"user_id\")\n);");
    assertThat(table("Codes").ddl()).contains("PRIMARY KEY (\"code\")");
    String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SchemaResourceGenerator.JSON).orElseThrow()
        .getCharContent(true).toString();
    assertThat(json).contains("\"primaryKey\": [\"role\", \"user_id\"]");
  }

  @Test
  void theRedactionOfAllButTheKeysSparesEveryKeyPart() {
    List<Field<Object, ?>> fields = table("Memberships").fields();
    assertThat(fields).filteredOn(Field::isRedacted).extracting(Field::name).containsExactly("note");
  }

  /**
   * Ports schema_test.exs "composite primary keys", its associative entity: two {@code belongs_to
   * …, primary_key: true}, one with its own foreign key name; {@code __schema__(:primary_key)} is
   * {@code primaryKeys()}, {@code Ecto.primary_key!/1} is {@code PrimaryKeyValue.of(struct)}. Its
   * first schema, an extra key beside the generated {@code id}, is refused on purpose
   * ({@code [KeyPartWithGeneratedKey]}, see PrimaryKeyErrorsTest and docs/ecto-differences.md).
   */
  @Test
  void theKeyOfAnAssociativeEntity() throws Throwable {
    Compilation entity = Compile.schemas(Compile.schema("Student", """
        @Schema("students")
        public interface Student {
          @Field String name();
        }
        """), Compile.schema("Course", """
        @Schema("courses")
        public interface Course {
          @Field String title();
        }
        """), Compile.schema("StudentCourseRegister", """
        @Schema(value = "student_course_registers", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        public interface StudentCourseRegister {
          @BelongsTo(primaryKey = true) Student student();
          @BelongsTo(primaryKey = true, foreignKey = "course_ref_id") Course course();
        }
        """));
    assertThat(entity).succeededWithoutWarnings();
    GeneratedClasses generated = new GeneratedClasses(entity);
    @SuppressWarnings("unchecked")
    Table<Object> registers = (Table<Object>) generated.constant("test.StudentCourseRegisters", "SCHEMA");
    assertThat(registers.primaryKeys()).extracting(Field::column).containsExactly("student_id", "course_ref_id");
    Object register = GeneratedClasses.call(GeneratedClasses.call(registers.newStruct(), "withStudentId", 1L),
        "withCourseRefId", 2L);
    assertThat(PrimaryKeyValue.from(registers, register).values()).containsExactly(1L, 2L);
    assertThat(PrimaryKeyValue.from(registers, register).toString()).isEqualTo("studentId = 1 and courseRefId = 2");
  }
}
