package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.FieldAccess;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The companion's {@code FieldAccess}: every typed field constant reads and copies its own value
 * through the companion's {@code switch} over positions (#21's fifth pass), for every kind of field,
 * in table and embedded companions alike, and every association reads and fills its slot so.
 */
class FieldAccessGenerationTest {
  private static Compilation compilation;
  private static GeneratedClasses generated;

  @BeforeAll
  static void compile() {
    compilation = Compile.schemas(
        Compile.schema("Mood", "public enum Mood { HAPPY, SAD }"),
        Compile.schema("Author", """
            @Schema("authors")
            public interface Author {
              @Field String name();
              @HasMany List<Note> notes();
            }
            """),
        Compile.schema("Address", """
            @Embedded
            public interface Address {
              @Field String city();
              @Field int floor();
            }
            """),
        Compile.schema("Note", """
            @Schema("notes")
            @Timestamps
            public interface Note {
              @Field String title();
              @Field int stars();
              @Field boolean pinned();
              @Field List<String> tags();
              @Field Mood mood();
              @Field(virtual = true, redact = true) String secret();
              @EmbedsOne Address address();
              @BelongsTo Author author();
            }
            """));
    assertThat(compilation).succeededWithoutWarnings(); // List<String>'s cast is marked unchecked
    generated = new GeneratedClasses(compilation);
  }

  private static final Map<String, Object> NOTE = Map.of("id", 7L, "title", "Hello", "stars", 4, "pinned", true,
      "tags", List.of("a", "b"), "secret", "hunter2", "authorId", 3L, "insertedAt", Instant.EPOCH,
      "updatedAt", Instant.ofEpochSecond(60));
  private static final Map<String, Object> ADDRESS = Map.of("id", UUID.randomUUID(), "city", "Lyon", "floor", 3);

  @Test
  void everyFieldOfATableSetsAndReadsItsOwnValueOnly() {
    assertSetsAndReadsItsOwnValueOnly(table("test.Notes"), generated.newInstance("test.NoteStruct"), NOTE);
  }

  @Test
  void everyFieldOfAnEmbeddedSchemaSetsAndReadsItsOwnValueOnly() {
    assertSetsAndReadsItsOwnValueOnly(table("test.Addresses"), generated.newInstance("test.AddressStruct"), ADDRESS);
  }

  @Test
  void theEnumFieldReadsBackTheConstantSet() throws Exception {
    Table<Object> notes = table("test.Notes");
    Object happy = generated.load("test.Mood").getField("HAPPY").get(null);
    Field<Object, Object> mood = field(notes, "mood");
    assertThat(mood.get(mood.set(generated.newInstance("test.NoteStruct"), happy))).isSameAs(happy);
  }

  @Test
  void anAssociationSlotIsReadAndFilledByItsPosition() throws Throwable {
    Association<Object, Object> author = association("test.Notes", "AUTHOR");
    Association<Object, Object> notes = association("test.Authors", "NOTES");
    Object note = generated.newInstance("test.NoteStruct");
    Object writer = GeneratedClasses.call(generated.newInstance("test.AuthorStruct"), "withName", "Ann");
    assertThat(author.isLoaded(note)).isFalse();
    assertThat(notes.isLoaded(writer)).isFalse();
    assertThatThrownBy(() -> author.structs(note)).isInstanceOf(AssociationNotLoadedException.class);

    Object withAuthor = access("test.Notes").withValue(note, 11, writer); // after the 11 columns
    assertThat(author.isLoaded(withAuthor)).isTrue();
    assertThat(author.structs(withAuthor)).containsExactly(writer);
    assertThat(access("test.Notes").value(withAuthor, 11)).isSameAs(writer);

    Object withNotes = access("test.Authors").withValue(writer, 2, List.of(note)); // after id and name
    assertThat(notes.isLoaded(withNotes)).isTrue();
    assertThat(notes.structs(withNotes)).containsExactly(note);
  }

  @Test
  void aPositionWithoutAFieldIsRefusedNamingTheStruct() {
    FieldAccess<Object> access = access("test.Notes");
    Object note = generated.newInstance("test.NoteStruct");
    assertThatThrownBy(() -> access.value(note, 99)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("no field at position 99 of test.NoteStruct");
    assertThatThrownBy(() -> access.withValue(note, -1, null)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("no field at position -1 of test.NoteStruct");
    assertThatThrownBy(() -> access.isLoaded(note, 1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("no field at position 1 of test.NoteStruct"); // a column, not an association slot
  }

  @Test
  void fieldConstantsAreMadeByPositionWithoutMethodReferences() {
    for (String generatedCode : List.of("Field.<NoteStruct, String>at(SCHEMA, \"title\", \"title\", Types.STRING,",
        "case 1 -> struct.title();", "case 4 -> struct.withTags((List<String>) value);")) {
      assertThat(compilation).generatedSourceFile("test.Notes").contentsAsUtf8String().contains(generatedCode);
    }
    assertThat(compilation).generatedSourceFile("test.Notes").contentsAsUtf8String().doesNotContain("NoteStruct::title");
    assertThat(compilation).generatedSourceFile("test.Notes").contentsAsUtf8String().doesNotContain("NoteStruct::withStars");
  }

  private static void assertSetsAndReadsItsOwnValueOnly(Table<Object> table, Object fresh, Map<String, Object> values) {
    List<Field<Object, ?>> fields = new ArrayList<>(table.fields());
    fields.addAll(table.virtualFields());
    List<String> checked = new ArrayList<>();
    for (Field<Object, ?> field : fields) {
      if (!values.containsKey(field.name())) {
        continue;
      }
      Object changed = set(field, fresh, values.get(field.name()));
      assertThat(field.get(changed)).as(field.name()).isEqualTo(values.get(field.name()));
      for (Field<Object, ?> other : fields) {
        if (other != field) {
          assertThat(other.get(changed)).as(other.name() + " after setting " + field.name()).isEqualTo(other.get(fresh));
        }
      }
      checked.add(field.name());
    }
    assertThat(checked).as("fields checked").containsExactlyInAnyOrderElementsOf(values.keySet());
  }

  @SuppressWarnings("unchecked")
  private static <V> Object set(Field<Object, V> field, Object struct, Object value) {
    return field.set(struct, (V) value);
  }

  @SuppressWarnings("unchecked")
  private static Field<Object, Object> field(Table<Object> table, String name) {
    return (Field<Object, Object>) table.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static FieldAccess<Object> access(String companion) {
    return (FieldAccess<Object>) table(companion);
  }

  @SuppressWarnings("unchecked")
  private static Association<Object, Object> association(String companion, String constant) {
    return (Association<Object, Object>) generated.constant(companion, constant);
  }

  @SuppressWarnings("unchecked")
  private static Table<Object> table(String companion) {
    return (Table<Object>) generated.constant(companion, "SCHEMA");
  }
}
