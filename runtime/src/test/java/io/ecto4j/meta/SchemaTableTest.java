package io.ecto4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.type.Types;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaTable} answers {@link Table} from its companion's {@link TableDefinition}, as the
 * processor writes it: a hand-written companion of the same shape, so that every answer is checked
 * here and not only through the generated ones.
 */
class SchemaTableTest {

  record Note(Long id, String text, String draft) {
    Note withId(Long id) {
      return new Note(id, text, draft);
    }

    Note withText(String text) {
      return new Note(id, text, draft);
    }

    Note withDraft(String draft) {
      return new Note(id, text, draft);
    }
  }

  /** A table of notes; what the processor writes besides the definition. */
  abstract static class NoteTable extends SchemaTable<Note> {
    NoteTable(String name, String schemaName) {
      super(name, schemaName);
    }

    @Override
    public Note newStruct() {
      return new Note(null, null, null);
    }

    @Override
    public Note fromRow(ResultSet row, int offset) {
      throw new AssertionError("not read here");
    }
  }

  static final class Notes extends NoteTable {
    static final Notes SCHEMA = new Notes();
    static final Field<Note, Long> ID =
        Field.of(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY, Note::id, Note::withId);
    static final Field<Note, String> TEXT =
        Field.of(SCHEMA, "text", "text", Types.STRING, Field.Kind.COLUMN, Note::text, Note::withText);
    static final Field<Note, String> DRAFT =
        Field.of(SCHEMA, "draft", "draft", Types.STRING, Field.Kind.VIRTUAL, Note::draft, Note::withDraft);
    private static final TableDefinition<Note> DEFINITION = TableDefinition.of(SCHEMA)
        .fields(ID, TEXT)
        .virtualFields(DRAFT)
        .primaryKey(ID)
        .primaryKeyGeneratedByDatabase()
        .notLoadedInQuery(TEXT)
        .prefix("archive")
        .insertFields(TEXT)
        .insertReturning(ID)
        .sql("INSERT …", "SELECT …", "DELETE …")
        .ddl("CREATE TABLE …", "")
        .build();

    private Notes() {
      super("notes", "Note");
    }

    @Override
    protected TableDefinition<Note> definition() {
      return DEFINITION;
    }
  }

  @Test
  void everyAnswerComesFromTheDefinition() {
    Notes notes = Notes.SCHEMA;
    assertThat(notes.name()).isEqualTo("notes");
    assertThat(notes.schemaName()).isEqualTo("Note");
    assertThat(notes.fields()).containsExactly(Notes.ID, Notes.TEXT);
    assertThat(notes.virtualFields()).containsExactly(Notes.DRAFT);
    assertThat(notes.primaryKey()).contains(Notes.ID);
    assertThat(notes.primaryKeys()).containsExactly(Notes.ID);
    assertThat(notes.primaryKeyGeneratedByDatabase()).isTrue();
    assertThat(notes.timestamps()).isEmpty();
    assertThat(notes.associations()).isEmpty();
    assertThat(notes.notLoadedInQuery()).containsExactly(Notes.TEXT);
    assertThat(notes.prefix()).contains("archive");
    assertThat(notes.insertFields()).containsExactly(Notes.TEXT);
    assertThat(notes.insertReturning()).containsExactly(Notes.ID);
    assertThat(notes.insertSql()).isEqualTo("INSERT …");
    assertThat(notes.getSql()).isEqualTo("SELECT …");
    assertThat(notes.deleteSql()).isEqualTo("DELETE …");
    assertThat(notes.ddl()).isEqualTo("CREATE TABLE …");
    assertThat(notes.joinTablesDdl()).isEmpty();
    assertThat(notes).hasToString("Note (notes)");
  }

  @Test
  void aDefinitionWithoutKeyOrOptionalPartsAnswersEmpty() {
    TableDefinition<Note> bare = TableDefinition.of(Notes.SCHEMA).sql("INSERT …", "", "").ddl("CREATE TABLE …", "").build();
    assertThat(bare.fields()).isEmpty();
    assertThat(bare.primaryKey()).isEmpty();
    assertThat(bare.primaryKeys()).isEmpty();
    assertThat(bare.primaryKeyGeneratedByDatabase()).isFalse();
    assertThat(bare.prefix()).isEmpty();
    assertThat(bare.insertReturning()).isEmpty();
  }

  @Test
  void aCompositeKeyIsEveryKeyFieldAndNoSingleOne() {
    TableDefinition<Note> composite = TableDefinition.of(Notes.SCHEMA).primaryKeys(Notes.ID, Notes.TEXT)
        .sql("INSERT …", "", "").ddl("CREATE TABLE …", "").build();
    assertThat(composite.primaryKey()).isEmpty();
    assertThat(composite.primaryKeys()).containsExactly(Notes.ID, Notes.TEXT);
  }

  @Test
  void aDefinitionWithoutItsStatementsIsRefusedNamingTheTable() {
    assertThatThrownBy(() -> TableDefinition.of(Notes.SCHEMA).fields(Notes.ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the definition of Note (notes) lacks its statements: sql(…)");
    assertThatThrownBy(() -> TableDefinition.of(Notes.SCHEMA).sql("INSERT …", "", "").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the definition of Note (notes) lacks its DDL: ddl(…)");
  }

  @Test
  void aGeneratedKeyMustBeNamed() {
    assertThatThrownBy(() -> TableDefinition.of(Notes.SCHEMA).primaryKeyGeneratedByDatabase()
        .sql("INSERT …", "", "").ddl("CREATE TABLE …", "").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the definition of Note (notes) has the database generate a primary key it does not name:"
            + " primaryKey(…)");
  }

  /** A constant whose initializer asks the table for what its definition holds, before it exists. */
  static final class Early extends NoteTable {
    static final Early SCHEMA = new Early();
    static final int FIELD_COUNT = SCHEMA.fields().size();

    private Early() {
      super("early", "Early");
    }

    @Override
    protected TableDefinition<Note> definition() {
      return null;
    }
  }

  @Test
  void askingBeforeTheDefinitionExistsNamesTheSchema() {
    assertThatThrownBy(() -> assertThat(Early.FIELD_COUNT).isZero())
        .isInstanceOf(ExceptionInInitializerError.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the table of Early (early) was asked for its definition while its companion is"
            + " still being initialized");
  }
}
