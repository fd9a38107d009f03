package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static io.ecto4j.processor.Compile.schema;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import org.junit.jupiter.api.Test;

/**
 * The generated code of enums stored by {@code @EnumValue} and in PostgreSQL enum types, and of date
 * and time fields at seconds precision (issue #17).
 */
class ValueTypesGenerationTest {
  private static Compilation compile() {
    return Compile.schemas(
        schema("Status", "public enum Status { @EnumValue(\"draft\") DRAFT, @EnumValue(\"in_progress\") IN_PROGRESS, DONE }"),
        schema("Level", "public enum Level { @EnumValue(number = 1) LOW, @EnumValue(number = 5) HIGH }"),
        schema("Mood", "public enum Mood { HAPPY, SAD }"),
        schema("Item", """
            @Schema("items")
            @Timestamps(precision = TimePrecision.SECONDS, type = Timestamps.Type.LOCAL_DATE_TIME)
            public interface Item {
              @Field(defaultValue = "IN_PROGRESS") Status status();
              @Field(defaultValue = "HIGH") Level level();
              @Field List<Level> levels();
              @Field(type = "mood") Mood mood();
              @Field(type = "mood[]") List<Mood> moods();
              @Field Mood plain();
              @Field(precision = TimePrecision.SECONDS) Instant at();
              @Field(precision = TimePrecision.SECONDS) LocalTime opens();
              @Field(precision = TimePrecision.SECONDS) List<OffsetDateTime> stamps();
            }
            """));
  }

  @Test
  void enumsPassTheirStoredValuesToTheRuntime() {
    Compilation compilation = compile();
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String()
        .contains("Types.enumType(Status.class, Status.values(), \"draft\", \"in_progress\", \"DONE\")");
    assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String()
        .contains("Types.list(Types.integerEnum(Level.class, Level.values(), 1, 5))");
    assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String()
        .contains("Types.list(Types.enumType(Mood.class, Mood.values()).inDatabaseType(\"mood\"))");
    assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String()
        .contains("Types.enumType(Mood.class, Mood.values()), Field.Kind.COLUMN, SCHEMA,\n          6).constant(\"Items.PLAIN\")");
  }

  @Test
  void ddlWritesStoredDefaultsAndColumnTypes() {
    Compilation compilation = compile();
    assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String()
        .contains("\\\"status\\\" varchar(255) DEFAULT 'in_progress'");
    for (String column : new String[] {"\\\"level\\\" integer DEFAULT 5", "\\\"levels\\\" integer[]", "\\\"mood\\\" mood,",
        "\\\"moods\\\" mood[]", "\\\"at\\\" timestamptz(0)", "\\\"opens\\\" time(0)", "\\\"stamps\\\" timestamptz(0)[]",
        "\\\"inserted_at\\\" timestamp(0) NOT NULL"}) {
      assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String().contains(column);
    }
  }

  /** The enum type named by two columns is created once, before the table, and only when missing. */
  @Test
  void ddlCreatesADatabaseEnumTypeOnce() throws java.io.IOException {
    String source = compile().generatedSourceFile("test.Items").orElseThrow().getCharContent(true).toString();
    assertThat(source.split("CREATE TYPE mood AS ENUM", -1)).hasSize(2);
    assertThat(source).contains("DDL = \"DO $$ BEGIN CREATE TYPE mood AS ENUM ('HAPPY', 'SAD'); "
        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$;\\n\"");
  }

  @Test
  void secondsFieldsUseTheSecondsTypes() {
    Compilation compilation = compile();
    for (String type : new String[] {"Types.INSTANT_SECONDS", "Types.LOCAL_TIME_SECONDS",
        "Types.list(Types.OFFSET_DATE_TIME_SECONDS)", "Timestamps.<ItemStruct>ofLocalDateTime(INSERTED_AT, UPDATED_AT)",
        "Types.LOCAL_DATE_TIME_SECONDS"}) {
      assertThat(compilation).generatedSourceFile("test.Items").contentsAsUtf8String().contains(type);
    }
  }
}
