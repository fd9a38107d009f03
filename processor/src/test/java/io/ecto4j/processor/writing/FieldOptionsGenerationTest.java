package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Ecto's field options generate: the field constants' calls, the CRUD SQL and the lists of the companion. */
class FieldOptionsGenerationTest {
  private static Compilation compilation;
  private static GeneratedClasses classes;
  private static Table<Object> records;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    JavaFileObject slugs = JavaFileObjects.forSourceString("test.Slugs", """
        package test;
        public final class Slugs implements io.ecto4j.schema.Autogenerate<String> {
          public String generate() { return "s"; }
        }
        """);
    compilation = Compile.schemas(slugs, Compile.schema("Record", """
        @Schema(value = "records", onWritableViolation = WritableViolation.WARN)
        @Timestamps(insertedAtColumn = "created_on", updatedAtColumn = "modified_on",
            insertedAtWritable = Writable.INSERT, insertedAtOnWritableViolation = WritableViolation.RAISE)
        public interface Record {
          @Field String name();
          @Field(writable = Writable.INSERT) String createdBy();
          @Field(writable = Writable.NEVER, onWritableViolation = WritableViolation.NOTHING) String computed();
          @Field(readAfterWrites = true, column = "cnt") Long count();
          @Field(loadInQuery = false) String body();
          @Field(autogenerate = Slugs.class) String slug();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    records = (Table<Object>) classes.constant("test.Records", "SCHEMA");
  }

  @SuppressWarnings("unchecked")
  private static Field<Object, Object> field(String constant) {
    return (Field<Object, Object>) classes.constant("test.Records", constant);
  }

  /** Ports schema_test.exs "schema metadata" (insertable, updatable, query and read-after-writes fields). */
  @Test
  void fieldsCarryTheirOptions() {
    assertThat(field("CREATED_BY").writable()).isEqualTo(Writable.INSERT);
    assertThat(field("CREATED_BY").onWritableViolation()).isEqualTo(WritableViolation.WARN);
    assertThat(field("COMPUTED").writable()).isEqualTo(Writable.NEVER);
    assertThat(field("COMPUTED").onWritableViolation()).isEqualTo(WritableViolation.NOTHING);
    assertThat(field("COUNT").isReadAfterWrites()).isTrue();
    assertThat(field("BODY").isLoadedInQuery()).isFalse();
    assertThat(field("SLUG").autogenerator()).isPresent();
    assertThat(field("NAME").writable()).isEqualTo(Writable.ALWAYS);
    assertThat(names(records.fields().stream().filter(Field::isInsertable).toList())).containsExactly("id", "name",
        "createdBy", "count", "body", "slug", "insertedAt", "updatedAt");
    assertThat(names(records.fields().stream().filter(Field::isUpdatable).toList())).containsExactly("id", "name",
        "count", "body", "slug", "updatedAt");
    assertThat(names(records.notLoadedInQuery())).containsExactly("body");
  }

  /** Ports schema_test.exs "sources metadata" and "timestamps with alternate sources". */
  @Test
  void columnsOfTheirOwnNames() {
    assertThat(field("COUNT").column()).isEqualTo("cnt");
    assertThat(field("INSERTED_AT").column()).isEqualTo("created_on");
    assertThat(field("UPDATED_AT").column()).isEqualTo("modified_on");
    assertThat(field("INSERTED_AT").writable()).isEqualTo(Writable.INSERT);
    assertThat(field("INSERTED_AT").onWritableViolation()).isEqualTo(WritableViolation.RAISE);
  }

  @Test
  void sqlLeavesOutWhatIsNotWrittenOrNotLoaded() {
    assertThat(classes.constant("test.Records", "INSERT_SQL")).isEqualTo("INSERT INTO \"records\" (\"name\","
        + " \"created_by\", \"cnt\", \"body\", \"slug\", \"created_on\", \"modified_on\") VALUES (?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING \"id\", \"computed\", \"cnt\""); // the key, the column left to the database, readAfterWrites
    // What the repo sets on the inserted struct: the companion declares the same columns, in the same order.
    assertThat(names(records.insertReturning())).containsExactly("id", "computed", "count");
    assertThat(classes.constant("test.Records", "GET_SQL")).isEqualTo("SELECT \"id\", \"name\", \"created_by\","
        + " \"computed\", \"cnt\", NULL AS \"body\", \"slug\", \"created_on\", \"modified_on\" FROM \"records\""
        + " WHERE \"id\" = ?");
    assertThat(classes.constant("test.Records", "DDL").toString()).contains("\"created_on\" timestamptz NOT NULL",
        "\"computed\" varchar(255)", "\"cnt\" bigint");
  }

  @Test
  void fieldConstantsDeclareTheOptionsWithCalls() {
    assertThat(compilation).generatedSourceFile("test.Records").contentsAsUtf8String()
        .containsMatch("\\.writable\\(Writable\\.INSERT,\\s+WritableViolation\\.WARN\\)");
    assertThat(compilation).generatedSourceFile("test.Records").contentsAsUtf8String()
        .contains(".readAfterWrites()");
    assertThat(compilation).generatedSourceFile("test.Records").contentsAsUtf8String()
        .contains(".notLoadedInQuery()");
    assertThat(compilation).generatedSourceFile("test.Records").contentsAsUtf8String()
        .contains(".autogenerate(new Slugs())");
  }

  /**
   * Ports schema_test.exs "timestamps set to false": {@code timestamps(inserted_at: false,
   * updated_at: false)} is a schema without {@code @Timestamps}, whose struct has its key alone and
   * nothing stamped.
   */
  @Test
  void noTimestampsMeansTheKeyAlone() {
    Compilation onlyKey = Compile.schemas(Compile.schema("Bare", """
        @Schema("bares")
        public interface Bare {}
        """));
    assertThat(onlyKey).succeeded();
    Table<?> table = (Table<?>) new GeneratedClasses(onlyKey).constant("test.Bares", "SCHEMA");
    assertThat(names(table.fields())).containsExactly("id");
    assertThat(table.timestamps()).isEmpty();
    assertThat(table.fields()).noneMatch(field -> field.autogenerator().isPresent());
  }

  /**
   * Ports schema_test.exs "skip field with define_field false": the association adds no key field;
   * it links through the one the schema declares.
   */
  @Test
  void belongsToWithoutItsOwnFieldUsesTheDeclaredOne() {
    Compilation compiled = Compile.schemas(Compile.schema("Permalink", """
        @Schema("permalinks")
        public interface Permalink {
          @Field String url();
        }
        """), Compile.schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field Long permalinkId();
          @BelongsTo(defineField = false) Permalink permalink();
        }
        """));
    assertThat(compiled).succeeded();
    GeneratedClasses generated = new GeneratedClasses(compiled);
    Table<?> posts = (Table<?>) generated.constant("test.Posts", "SCHEMA");
    assertThat(names(posts.fields())).containsExactly("id", "permalinkId");
    assertThat(posts.fields().get(1).kind()).isEqualTo(Field.Kind.COLUMN);
    assertThat(posts.associations().get(0).ownerField()).isSameAs(generated.constant("test.Posts", "PERMALINK_ID"));
  }

  private static List<String> names(List<? extends Field<?, ?>> fields) {
    return fields.stream().map(Field::name).toList();
  }
}
