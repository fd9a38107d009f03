package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.TicketFeeling;
import io.ecto4j.it.schemas.TicketLevel;
import io.ecto4j.it.schemas.TicketStatus;
import io.ecto4j.it.schemas.TicketStruct;
import io.ecto4j.it.schemas.Tickets;
import io.ecto4j.meta.Enums;
import io.ecto4j.meta.Field;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/enum_test.exs} (issue #17, enums): enums stored by name, by mapped
 * strings ({@code @EnumValue("draft")}), by numbers ({@code @EnumValue(number = 1)}) and in a
 * PostgreSQL enum type ({@code @Field(type = "ticket_feeling")}), alone and in lists.
 */
@EctoTest(sandbox = true)
class EnumConformanceTest {
  private static final List<String> STATUS_NAMES = List.of("DRAFT", "IN_PROGRESS", "DONE");
  private static final List<String> LEVEL_NAMES = List.of("LOW", "MID", "HIGH");

  /** The DDL creates the PostgreSQL enum type itself, when it is missing. */
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(Tickets.DDL);
  }

  /** A type shared by two schemas is created once: the statement does nothing when the type exists. */
  @Test
  void theDdlCreatesTheEnumTypeOnlyWhenMissing(Repo repo, TestDatabase db) throws SQLException {
    String createType = Tickets.DDL.substring(0, Tickets.DDL.indexOf("\n"));
    assertThat(createType).isEqualTo("DO $$ BEGIN CREATE TYPE ticket_feeling AS ENUM ('happy', 'sad'); "
        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$;");
    db.execute(createType);
    assertThat(repo.query("SELECT enum_range(NULL::ticket_feeling)::text", List.of(), row -> row.getString(1)))
        .containsExactly("{happy,sad}");
  }

  private static Changeset<TicketStruct> cast(String field, Object value) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(field, value);
    return Changeset.cast(new TicketStruct(), params, Tickets.STATUS, Tickets.STATUSES, Tickets.LEVEL,
        Tickets.LEVELS, Tickets.FEELING, Tickets.FEELINGS, Tickets.MOOD);
  }

  private static Object change(String field, Object value) {
    Changeset<TicketStruct> cs = cast(field, value);
    assertThat(cs.errors()).isEmpty();
    return cs.changes().values().iterator().next();
  }

  private static Map<String, Object> errorKeys(String field, Object value) {
    Changeset<TicketStruct> cs = cast(field, value);
    assertThat(cs.isValid()).isFalse();
    assertThat(cs.changes()).isEmpty();
    ChangesetError error = cs.errors().get(0);
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.message()).isEqualTo("is invalid");
    return error.keys();
  }

  /** Ports enum_test.exs "schema": each field's type carries its constants and what they are stored as. */
  @Test
  void schema() {
    assertThat(Enums.of(Tickets.STATUS).mappings()).containsExactly(Map.entry(TicketStatus.DRAFT, "draft"),
        Map.entry(TicketStatus.IN_PROGRESS, "in_progress"), Map.entry(TicketStatus.DONE, "DONE"));
    assertThat(Enums.of(Tickets.MOOD).mappings()).containsExactly(Map.entry(Mood.HAPPY, "HAPPY"),
        Map.entry(Mood.CALM, "CALM"), Map.entry(Mood.GRUMPY, "GRUMPY"));
    assertThat(Enums.ofList(Tickets.LEVELS).isInteger()).isTrue();
    assertThat(Enums.of(Tickets.DRAFT_STATUS).mappings()).isEqualTo(Enums.of(Tickets.STATUS).mappings());
  }

  /** Ports enum_test.exs "type": the column type of each storage, alone and in lists. */
  @Test
  void type() {
    assertThat(Tickets.STATUS.type().sqlType()).isEqualTo("varchar(255)");
    assertThat(Tickets.STATUSES.type().sqlType()).isEqualTo("varchar(255)[]");
    assertThat(Tickets.LEVEL.type().sqlType()).isEqualTo("integer");
    assertThat(Tickets.LEVELS.type().sqlType()).isEqualTo("integer[]");
    assertThat(Tickets.FEELING.type().sqlType()).isEqualTo("ticket_feeling");
    assertThat(Tickets.FEELINGS.type().sqlType()).isEqualTo("ticket_feeling[]");
  }

  /** Ports enum_test.exs "casts null". */
  @Test
  void castsNull() {
    Changeset<TicketStruct> cs = cast("status", null);
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.changes()).isEmpty();
  }

  /** Ports enum_test.exs "casts strings": the stored string casts, alone and in a list. */
  @Test
  void castsStoredStrings() {
    assertThat(change("status", "draft")).isEqualTo(TicketStatus.DRAFT);
    assertThat(change("statuses", List.of("in_progress", "DONE"))).isEqualTo(List.of(TicketStatus.IN_PROGRESS,
        TicketStatus.DONE));
    assertThat(change("feeling", "sad")).isEqualTo(TicketFeeling.SAD);
    assertThat(change("mood", "CALM")).isEqualTo(Mood.CALM);
  }

  /** Ports enum_test.exs "casts integers": an integer enum casts its stored numbers. */
  @Test
  void castsIntegers() {
    assertThat(change("level", 5)).isEqualTo(TicketLevel.HIGH);
    assertThat(change("level", 2L)).isEqualTo(TicketLevel.MID);
    assertThat(change("levels", List.of(1, 5))).isEqualTo(List.of(TicketLevel.LOW, TicketLevel.HIGH));
  }

  /** Ports enum_test.exs "casts atoms": the constant itself. */
  @Test
  void castsConstants() {
    assertThat(change("status", TicketStatus.IN_PROGRESS)).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(change("levels", List.of(TicketLevel.MID))).isEqualTo(List.of(TicketLevel.MID));
  }

  /** Ports enum_test.exs "cast string representation of atoms": the constant's name casts too. */
  @Test
  void castsConstantNames() {
    assertThat(change("status", "IN_PROGRESS")).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(change("statuses", List.of("DRAFT"))).isEqualTo(List.of(TicketStatus.DRAFT));
    assertThat(change("level", "HIGH")).isEqualTo(TicketLevel.HIGH);
    assertThat(change("levels", List.of("LOW"))).isEqualTo(List.of(TicketLevel.LOW));
  }

  /** Ports enum_test.exs "rejects bad strings": an inclusion error listing the names, with the list index. */
  @Test
  void rejectsBadStrings() {
    assertThat(errorKeys("status", "draft2")).containsExactly(Map.entry("type", "enum<TicketStatus>"),
        Map.entry("validation", "inclusion"), Map.entry("enum", STATUS_NAMES));
    assertThat(errorKeys("statuses", List.of("draft2"))).containsExactly(
        Map.entry("type", "list<enum<TicketStatus>>"), Map.entry("validation", "inclusion"),
        Map.entry("enum", STATUS_NAMES), Map.entry("source", List.of(0)));
    assertThat(errorKeys("statuses", List.of("DONE", "nope"))).containsEntry("source", List.of(1));
  }

  /** Ports enum_test.exs "rejects bad integers". */
  @Test
  void rejectsBadIntegers() {
    assertThat(errorKeys("level", 7)).containsExactly(Map.entry("type", "enum<TicketLevel>"),
        Map.entry("validation", "inclusion"), Map.entry("enum", LEVEL_NAMES));
    assertThat(errorKeys("levels", List.of(7))).containsEntry("source", List.of(0))
        .containsEntry("validation", "inclusion");
    assertThat(errorKeys("level", "1")).containsEntry("validation", "inclusion");
  }

  /** Ports enum_test.exs "rejects bad atoms": another value is an inclusion error; a non-list for a list is a cast error. */
  @Test
  void rejectsBadValues() {
    assertThat(errorKeys("status", Mood.HAPPY)).containsEntry("validation", "inclusion");
    assertThat(errorKeys("statuses", "DRAFT")).containsExactly(Map.entry("type", "list<enum<TicketStatus>>"),
        Map.entry("validation", "cast"));
  }

  /** Ports enum_test.exs "accepts valid values" (dump): the stored value is what reaches the column. */
  @Test
  void dumpsStoredValues(Repo repo) {
    TicketStruct ticket = repo.insertOrThrow(new TicketStruct().withStatus(TicketStatus.IN_PROGRESS)
        .withStatuses(List.of(TicketStatus.DRAFT, TicketStatus.DONE)).withLevel(TicketLevel.HIGH)
        .withLevels(List.of(TicketLevel.LOW)).withFeeling(TicketFeeling.SAD)
        .withFeelings(List.of(TicketFeeling.HAPPY, TicketFeeling.SAD)).withMood(Mood.GRUMPY));
    List<String> raw = repo.query("SELECT status || '|' || array_to_string(statuses, ',') || '|' || level || '|'"
        + " || array_to_string(levels, ',') || '|' || priority || '|' || stage || '|' || feeling || '|'"
        + " || array_to_string(feelings, ',') || '|' || mood FROM value_tickets WHERE id = ?",
        List.of(ticket.id()), row -> row.getString(1));
    assertThat(raw).containsExactly("in_progress|draft,DONE|5|1|2|in_progress|sad|happy,sad|GRUMPY");
  }

  /** Ports enum_test.exs "loads valid values": each storage reads back as its constants. */
  @Test
  void loadsStoredValues(Repo repo) {
    TicketStruct ticket = repo.insertOrThrow(new TicketStruct().withStatus(TicketStatus.DRAFT)
        .withLevels(List.of(TicketLevel.HIGH, TicketLevel.MID)).withFeelings(List.of(TicketFeeling.SAD))
        .withFeeling(TicketFeeling.HAPPY));
    TicketStruct loaded = repo.getOrThrow(Tickets.SCHEMA, ticket.id());
    assertThat(loaded).isEqualTo(ticket);
    assertThat(loaded.priority()).isEqualTo(TicketLevel.MID);
    assertThat(loaded.stage()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(loaded.levels()).containsExactly(TicketLevel.HIGH, TicketLevel.MID);
  }

  /** Ports enum_test.exs "reject invalid values" (load): an unknown stored value fails naming the column and the known values. */
  @Test
  void loadingAnUnknownStoredValueFailsLoudly(Repo repo, TestDatabase db) throws SQLException {
    db.execute("INSERT INTO value_tickets (title, level) VALUES ('bad level', 9)");
    db.execute("INSERT INTO value_tickets (title, status) VALUES ('bad status', 'In Progress')");
    assertThatThrownBy(() -> repo.all(Tickets.query().where(Tickets.TITLE.eq("bad level"))))
        .hasStackTraceContaining("value_tickets.level").hasStackTraceContaining("holds 9")
        .hasStackTraceContaining("[1, 2, 5]");
    assertThatThrownBy(() -> repo.all(Tickets.query().where(Tickets.TITLE.eq("bad status"))))
        .hasStackTraceContaining("'In Progress'").hasStackTraceContaining("[draft, in_progress, DONE]");
  }

  /**
   * A PostgreSQL enum type in every statement that binds it: insert, update, insertAll, a query
   * parameter, an {@code in} list and arrays (the item 5; Ecto leaves this to Postgrex).
   */
  @Test
  void databaseEnumTypesBindEverywhere(Repo repo) {
    TicketStruct happy = repo.insertOrThrow(new TicketStruct().withTitle("a").withFeeling(TicketFeeling.HAPPY));
    repo.insertAll(Tickets.SCHEMA, List.of(new TicketStruct().withTitle("b").withFeeling(TicketFeeling.SAD)
        .withFeelings(List.of(TicketFeeling.SAD))));
    TicketStruct updated = repo.updateOrThrow(Changeset.change(happy, Map.of(Tickets.FEELINGS,
        List.of(TicketFeeling.HAPPY, TicketFeeling.SAD))));
    assertThat(updated.feelings()).containsExactly(TicketFeeling.HAPPY, TicketFeeling.SAD);
    assertThat(repo.all(Tickets.query().where(Tickets.FEELING.eq(TicketFeeling.SAD))))
        .extracting(TicketStruct::title).containsExactly("b");
    assertThat(repo.all(Tickets.query().where(Tickets.FEELING.in(List.of(TicketFeeling.SAD, TicketFeeling.HAPPY)))))
        .hasSize(2);
    assertThat(repo.all(Tickets.query().where(Tickets.LEVEL.eq(TicketLevel.HIGH)))).isEmpty();
    assertThat(repo.all(Tickets.query().where(Tickets.STATUS.eq(TicketStatus.DRAFT)))).isEmpty();
  }

  /** The DDL names each storage's column type. */
  @Test
  void ddlNamesTheStorage() {
    assertThat(Tickets.DDL).contains("\"status\" varchar(255)", "\"statuses\" varchar(255)[]", "\"level\" integer",
        "\"levels\" integer[]", "\"priority\" integer DEFAULT 2", "\"stage\" varchar(255) DEFAULT 'in_progress'",
        "\"feeling\" ticket_feeling", "\"feelings\" ticket_feeling[]");
  }

  /** Ports enum_test.exs "values/2 returns correct values". */
  @Test
  void values() {
    assertThat(Enums.of(Tickets.STATUS).values()).containsExactly(TicketStatus.values());
    assertThat(Enums.ofList(Tickets.LEVELS).values()).containsExactly(TicketLevel.values());
  }

  /** Ports enum_test.exs "dump_values/2 returns correct values". */
  @Test
  void dumpValues() {
    assertThat(Enums.of(Tickets.STATUS).dumpValues()).containsExactly("draft", "in_progress", "DONE");
    assertThat(Enums.of(Tickets.LEVEL).dumpValues()).containsExactly(1, 2, 5);
    assertThat(Enums.ofList(Tickets.STATUSES).dumpValues()).containsExactly("draft", "in_progress", "DONE");
    assertThat(Enums.of(Tickets.MOOD).dumpValues()).containsExactly("HAPPY", "CALM", "GRUMPY");
  }

  /** Ports enum_test.exs "cast_value/3 returns correct values". */
  @Test
  void castValue() {
    assertThat(Enums.of(Tickets.STATUS).castValue("in_progress")).contains(TicketStatus.IN_PROGRESS);
    assertThat(Enums.of(Tickets.STATUS).castValue("DONE")).contains(TicketStatus.DONE);
    assertThat(Enums.of(Tickets.LEVEL).castValue(5)).contains(TicketLevel.HIGH);
    assertThat(Enums.of(Tickets.LEVEL).castValue(7)).isEmpty();
    assertThat(Enums.of(Tickets.STATUS).castValue("nope")).isEqualTo(Optional.empty());
  }

  /** Ports enum_test.exs "mappings/2 returns correct values". */
  @Test
  void mappings() {
    assertThat(Enums.of(Tickets.LEVEL).mappings()).containsExactly(Map.entry(TicketLevel.LOW, 1),
        Map.entry(TicketLevel.MID, 2), Map.entry(TicketLevel.HIGH, 5));
    assertThat(Enums.ofList(Tickets.FEELINGS).mappings()).containsExactly(Map.entry(TicketFeeling.HAPPY, "happy"),
        Map.entry(TicketFeeling.SAD, "sad"));
  }

  /** Ports enum_test.exs "raises on bad fields": a field reached untyped that holds no enum is refused. */
  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aFieldWithoutEnumIsRefused() {
    Field untyped = Tickets.TITLE;
    assertThatThrownBy(() -> Enums.of(untyped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ticket.title is not an enum field");
  }

  /** An unmapped constant list reads back its nulls too (elements may be null, as for any list). */
  @Test
  void listsKeepNullElements(Repo repo) {
    TicketStruct ticket = repo.insertOrThrow(new TicketStruct()
        .withStatuses(Arrays.asList(TicketStatus.DONE, null)).withLevels(Arrays.asList(null, TicketLevel.LOW)));
    TicketStruct loaded = repo.getOrThrow(Tickets.SCHEMA, ticket.id());
    assertThat(loaded.statuses()).containsExactly(TicketStatus.DONE, null);
    assertThat(loaded.levels()).containsExactly(null, TicketLevel.LOW);
  }
}
