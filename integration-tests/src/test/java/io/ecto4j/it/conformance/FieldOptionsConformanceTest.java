package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.OptionRecordStruct;
import io.ecto4j.it.schemas.OptionRecords;
import io.ecto4j.it.schemas.OptionSlugs;
import io.ecto4j.it.schemas.StampedRecordStruct;
import io.ecto4j.it.schemas.StampedRecords;
import io.ecto4j.it.schemas.StrictRecordStruct;
import io.ecto4j.it.schemas.StrictRecords;
import io.ecto4j.it.schemas.TickingClock;
import io.ecto4j.meta.Field;
import io.ecto4j.query.Functions;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's field options (schema_test.exs and the repo's writes): {@code writable} with
 * {@code on_writable_violation}, {@code read_after_writes}, {@code load_in_query: false},
 * {@code autogenerate: {M, F, A}}, and the options of {@code timestamps}, each shown in the SQL
 * PostgreSQL runs.
 */
@EctoTest(sandbox = true)
class FieldOptionsConformanceTest {
  private final List<QueryEvent> events = new ArrayList<>();

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(OptionRecords.DDL);
    db.execute("ALTER TABLE option_records ALTER COLUMN unwritable_pass SET DEFAULT 'from-db'");
    db.execute("CREATE UNIQUE INDEX option_records_name_index ON option_records (name)");
    db.execute("""
        CREATE FUNCTION option_records_revision() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN NEW.rev := 1; ELSE NEW.rev := OLD.rev + 1; END IF;
          RETURN NEW;
        END $$""");
    db.execute("CREATE TRIGGER option_records_revision BEFORE INSERT OR UPDATE ON option_records"
        + " FOR EACH ROW EXECUTE FUNCTION option_records_revision()");
    db.execute(StrictRecords.DDL);
    db.execute(StampedRecords.DDL);
  }

  private Repo observed(Repo repo) {
    return repo.withListener(events::add);
  }

  private String lastSql() {
    return events.get(events.size() - 1).sql();
  }

  /** The part of an INSERT naming the columns it writes, before its {@code VALUES} or its unnest's {@code SELECT}. */
  private static String columnsWritten(String insert) {
    return insert.substring(0, insert.indexOf(')') + 1);
  }

  private static OptionRecordStruct record(String name) {
    return OptionRecordStruct.builder().name(name).createdBy("ada").owner("ops").body("long text").weight(3).build();
  }

  /**
   * Ports schema_test.exs "schema without @on_writable_violation uses the field-level default
   * (:nothing)" in the repo: a {@code writable: :insert} field is written by the insert and its
   * change is dropped, silently, from an update, which does not name its column.
   */
  @Test
  void insertOnlyFieldIsLeftOutOfUpdates(Repo repo) {
    Repo observed = observed(repo);
    OptionRecordStruct inserted = observed.insertOrThrow(record("insert-only"));
    assertThat(lastSql()).contains("\"created_by\"");
    assertThat(inserted.createdBy()).isEqualTo("ada");

    OptionRecordStruct updated = observed.updateOrThrow(Changeset.change(inserted)
        .putChange(OptionRecords.CREATED_BY, "eve").putChange(OptionRecords.NAME, "renamed"));
    assertThat(lastSql()).startsWith("UPDATE \"option_records\" SET \"name\" = ?, \"modified_on\" = ?")
        .doesNotContain("\"created_by\" =");
    assertThat(updated.createdBy()).isEqualTo("ada");
    assertThat(repo.getOrThrow(OptionRecords.SCHEMA, inserted.id()).createdBy()).isEqualTo("ada");
    assertThat(OptionRecords.CREATED_BY.onWritableViolation()).isEqualTo(WritableViolation.NOTHING);
  }

  /** An update whose only change is to an insert-only field has nothing to write: no statement, as Ecto's no-op. */
  @Test
  void updateWithOnlyUnwritableChangesRunsNoStatement(Repo repo) {
    OptionRecordStruct inserted = repo.insertOrThrow(record("no-op"));
    Repo observed = observed(repo);
    OptionRecordStruct same = observed.updateOrThrow(Changeset.change(inserted)
        .putChange(OptionRecords.CREATED_BY, "eve"));
    assertThat(events).isEmpty();
    assertThat(same.createdBy()).isEqualTo("ada");
  }

  /** {@code on_writable_violation: :raise} on the field: the update is refused, naming the field, and nothing is written. */
  @Test
  void violationThatRaisesRefusesTheUpdate(Repo repo) {
    OptionRecordStruct inserted = repo.insertOrThrow(record("raises"));
    assertThatThrownBy(() -> repo.update(Changeset.change(inserted).putChange(OptionRecords.OWNER, "mallory")
        .putChange(OptionRecords.NAME, "changed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OptionRecord.owner")
        .hasMessageContaining("writable = INSERT")
        .hasMessageContaining("during an update");
    OptionRecordStruct stored = repo.getOrThrow(OptionRecords.SCHEMA, inserted.id());
    assertThat(stored.owner()).isEqualTo("ops");
    assertThat(stored.name()).isEqualTo("raises");
  }

  /**
   * {@code writable: :never}: neither insert nor update writes the column (the database default
   * stays), and it is read as usual.
   */
  @Test
  void neverWritableFieldIsReadButNeverWritten(Repo repo) {
    Repo observed = observed(repo);
    OptionRecordStruct inserted = observed.insertOrThrow(Changeset.change(record("never"))
        .putChange(OptionRecords.UNWRITABLE_PASS, "mine"));
    assertThat(columnsWritten(lastSql())).doesNotContain("unwritable_pass");
    assertThat(lastSql().substring(lastSql().indexOf("RETURNING"))).contains("\"unwritable_pass\"");
    assertThat(columnsWritten(OptionRecords.INSERT_SQL)).doesNotContain("unwritable_pass");
    assertThat(inserted.unwritablePass()).isEqualTo("from-db");

    observed.updateOrThrow(Changeset.change(inserted).putChange(OptionRecords.UNWRITABLE_PASS, "again")
        .putChange(OptionRecords.NAME, "never-2"));
    assertThat(lastSql()).doesNotContain("\"unwritable_pass\" =");
    assertThat(repo.getOrThrow(OptionRecords.SCHEMA, inserted.id()).unwritablePass()).isEqualTo("from-db");
  }

  /** insertAll leaves a never-writable column out as insert does, even when the rows carry their keys. */
  @Test
  void insertAllLeavesNeverWritableColumnsOut(Repo repo) {
    Repo observed = observed(repo);
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    observed.insertAll(OptionRecords.SCHEMA, List.of(
        record("bulk-1").withUnwritablePass("x").withId(900_001L).withInsertedAt(now).withUpdatedAt(now),
        record("bulk-2").withUnwritablePass("y").withId(900_002L).withInsertedAt(now).withUpdatedAt(now)),
        WriteOptions.defaults());
    assertThat(columnsWritten(lastSql())).contains("\"id\"").doesNotContain("\"unwritable_pass\"");
    assertThat(repo.all(OptionRecords.query().where(Functions.like(OptionRecords.NAME, "bulk-%"))))
        .extracting(OptionRecordStruct::unwritablePass).containsOnly("from-db");
  }

  /** An upsert's replaceAll replaces only the always-writable columns: insert-only ones keep their first value. */
  @Test
  void upsertReplaceAllKeepsInsertOnlyColumns(Repo repo) {
    repo.insertOrThrow(record("upsert"));
    Repo observed = observed(repo);
    OptionRecordStruct again = record("upsert").withCreatedBy("eve").withOwner("mallory").withSlug("s2");
    observed.insertOrThrow(again, WriteOptions.defaults()
        .onConflict(OnConflict.replaceAll().target(OptionRecords.NAME)));
    String sql = lastSql();
    assertThat(sql.substring(sql.indexOf("DO UPDATE SET"), sql.indexOf("RETURNING"))).contains("\"slug\" = ").doesNotContain("\"created_by\"")
        .doesNotContain("\"owner\"").doesNotContain("\"unwritable_pass\"").doesNotContain("\"created_on\"");
    OptionRecordStruct stored = repo.one(OptionRecords.query().where(OptionRecords.NAME.eq("upsert"))).orElseThrow();
    assertThat(stored.createdBy()).isEqualTo("ada");
    assertThat(stored.owner()).isEqualTo("ops");
    assertThat(stored.slug()).isEqualTo("s2");
  }

  /**
   * Ports the repo half of {@code read_after_writes: true}: a trigger's value is read back after
   * insert and update, also when the write asks to return nothing, and the column is its own
   * ({@code source: :cnt} in schema_test.exs's schema).
   */
  @Test
  void readAfterWritesFieldIsReturnedByEveryWrite(Repo repo) {
    Repo observed = observed(repo);
    OptionRecordStruct inserted = observed.insertOrThrow(record("raw"), WriteOptions.defaults().returningNone());
    assertThat(lastSql()).containsPattern("RETURNING (o0\\.)?\"id\", (o0\\.)?\"rev\"$");
    assertThat(inserted.revision()).isEqualTo(1L);

    OptionRecordStruct updated = observed.updateOrThrow(
        Changeset.change(inserted).putChange(OptionRecords.NAME, "raw-2"), WriteOptions.defaults().returningNone());
    assertThat(lastSql()).endsWith("RETURNING \"id\", \"rev\"");
    assertThat(updated.revision()).isEqualTo(2L);
    assertThat(OptionRecords.REVISION.column()).isEqualTo("rev");
    assertThat(OptionRecords.REVISION.isReadAfterWrites()).isTrue();
    assertThat(OptionRecords.NAME.isReadAfterWrites()).isFalse();
  }

  /**
   * {@code load_in_query: false}: repo.all, get and a query select NULL in its place, the struct
   * gets the field's default; selecting it explicitly, or merging it, reads the column.
   */
  @Test
  void notLoadedInQueryFieldsKeepTheirDefaults(Repo repo) {
    OptionRecordStruct inserted = repo.insertOrThrow(record("lazy"));
    assertThat(inserted.body()).isEqualTo("long text");
    Repo observed = observed(repo);

    OptionRecordStruct fetched = observed.getOrThrow(OptionRecords.SCHEMA, inserted.id());
    assertThat(lastSql()).contains("NULL AS \"body\"").contains("NULL AS \"weight\"");
    assertThat(fetched.body()).isNull();
    assertThat(fetched.weight()).isEqualTo(7);
    assertThat(fetched.name()).isEqualTo("lazy");

    Query<OptionRecordStruct> byName = OptionRecords.query().where(OptionRecords.NAME.eq("lazy"));
    OptionRecordStruct listed = observed.all(byName).get(0);
    assertThat(lastSql()).contains("NULL AS \"body\"");
    assertThat(listed.body()).isNull();
    assertThat(listed.weight()).isEqualTo(7);

    assertThat(repo.all(byName.select(OptionRecords.BODY))).containsExactly("long text");
    OptionRecordStruct merged = repo.all(byName.selectMerge(OptionRecords.BODY, OptionRecords.BODY)).get(0);
    assertThat(merged.body()).isEqualTo("long text");
    assertThat(merged.weight()).isEqualTo(7);
  }

  /**
   * Ports schema_test.exs "autogenerate metadata (private)" in the repo: the generator makes the
   * value of an insert that leaves it unset, and only then.
   */
  @Test
  void autogeneratedFieldIsMadeOnInsertWhenUnset(Repo repo) {
    int before = OptionSlugs.made();
    OptionRecordStruct made = repo.insertOrThrow(record("auto"));
    assertThat(made.slug()).isEqualTo("slug-" + (before + 1));
    OptionRecordStruct given = repo.insertOrThrow(record("given").withSlug("mine"));
    assertThat(given.slug()).isEqualTo("mine");
    OptionRecordStruct updated = repo.updateOrThrow(Changeset.change(made).putChange(OptionRecords.SLUG, null));
    assertThat(updated.slug()).isNull();
    assertThat(OptionSlugs.made()).isEqualTo(before + 1);
    assertThat(OptionRecords.SLUG.autogenerator()).isPresent();
    assertThat(OptionRecords.NAME.autogenerator()).isEmpty();
  }

  /**
   * Ports schema_test.exs "schema with @on_writable_violation defaults :on_writable_violation": the
   * fields that do not say take the schema's RAISE, the one that says NOTHING keeps it.
   */
  @Test
  void schemaWideViolationIsTheDefaultOfItsFields(Repo repo) {
    assertThat(StrictRecords.CODE.onWritableViolation()).isEqualTo(WritableViolation.RAISE);
    assertThat(StrictRecords.AUDIT.onWritableViolation()).isEqualTo(WritableViolation.RAISE);
    assertThat(StrictRecords.LABEL.onWritableViolation()).isEqualTo(WritableViolation.NOTHING);
    StrictRecordStruct inserted = repo.insertOrThrow(new StrictRecordStruct().withCode("c").withLabel("l"));

    StrictRecordStruct relabelled = repo.updateOrThrow(Changeset.change(inserted).putChange(StrictRecords.LABEL, "m")
        .putChange(StrictRecords.NOTE, "n"));
    assertThat(relabelled.label()).isEqualTo("l");
    assertThat(relabelled.note()).isEqualTo("n");
    assertThatThrownBy(() -> repo.update(Changeset.change(inserted).putChange(StrictRecords.CODE, "d")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StrictRecord.code");
    assertThatThrownBy(() -> repo.insert(new StrictRecordStruct().withCode("c").withAudit("forged")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StrictRecord.audit")
        .hasMessageContaining("during an insert");
  }

  /**
   * The drop half of repo_test.exs "writable field option / update with on_writable_violation:
   * :warn …": the change is dropped, the other one written, nothing raised. (The warning goes to
   * SLF4J, logger {@code io.ecto4j.repo.Writability}; this test does not capture it.)
   */
  @Test
  void violationThatWarnsDropsTheChange(Repo repo) {
    StrictRecordStruct inserted = repo.insertOrThrow(new StrictRecordStruct().withCode("w").withTag("t"));
    assertThat(StrictRecords.TAG.onWritableViolation()).isEqualTo(WritableViolation.WARN);
    StrictRecordStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(StrictRecords.TAG, "u")
        .putChange(StrictRecords.NOTE, "n"));
    assertThat(updated.tag()).isEqualTo("t");
    assertThat(updated.note()).isEqualTo("n");
  }

  /**
   * Ports repo_test.exs "writable field option / update enforces writable fields added by
   * prepare_changes" and its insert twin: a change a prepare step adds is dropped, or refused, too.
   */
  @Test
  void changesOfPrepareStepsAreCheckedToo(Repo repo) {
    OptionRecordStruct inserted = repo.insertOrThrow(Changeset.change(record("prepared"))
        .prepareChanges(cs -> cs.putChange(OptionRecords.UNWRITABLE_PASS, "from-step")));
    assertThat(inserted.unwritablePass()).isEqualTo("from-db");
    OptionRecordStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(OptionRecords.NAME, "p2")
        .prepareChanges(cs -> cs.putChange(OptionRecords.CREATED_BY, "from-step")));
    assertThat(updated.createdBy()).isEqualTo("ada");
    assertThatThrownBy(() -> repo.insert(Changeset.change(new StrictRecordStruct().withCode("p"))
        .prepareChanges(cs -> cs.putChange(StrictRecords.AUDIT, "forged"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StrictRecord.audit");
    assertThat(repo.all(StrictRecords.query().where(StrictRecords.CODE.eq("p")))).isEmpty();
  }

  /** Ports repo_test.exs "writable field option / update_all raises if non-updatable field is set" (and an upsert's update). */
  @Test
  void updateAllRefusesFieldsItMayNotWrite(Repo repo) {
    assertThatThrownBy(() -> repo.updateAll(OptionRecords.query(), Update.set(OptionRecords.CREATED_BY, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot update non-updatable field `createdBy`");
    assertThatThrownBy(() -> repo.updateAll(OptionRecords.query(), Update.set(OptionRecords.UNWRITABLE_PASS, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot update non-updatable field `unwritablePass`");
    assertThatThrownBy(() -> repo.insert(record("conflict"), WriteOptions.defaults()
        .onConflict(OnConflict.update(Update.set(OptionRecords.OWNER, "x")).target(OptionRecords.NAME))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot update non-updatable field `owner`");
  }

  /**
   * Ports repo_test.exs "writable field option / insert with on_conflict": an upsert that would set
   * (an update) or replace a field it may not update is refused before anything is written.
   */
  @Test
  void upsertRefusesToSetOrReplaceFieldsItMayNotUpdate(Repo repo) {
    OnConflict setInsertOnly = OnConflict.update(Update.set(OptionRecords.CREATED_BY, "x")).target(OptionRecords.NAME);
    assertThatThrownBy(() -> repo.insert(record("c"), WriteOptions.defaults().onConflict(setInsertOnly)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot update non-updatable field `createdBy`");
    OnConflict setNever = OnConflict.update(Update.set(OptionRecords.UNWRITABLE_PASS, "x")).target(OptionRecords.NAME);
    assertThatThrownBy(() -> repo.insert(record("c"), WriteOptions.defaults().onConflict(setNever)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot update non-updatable field `unwritablePass`");
    OnConflict replaceNever = OnConflict.replace(OptionRecords.SLUG, OptionRecords.UNWRITABLE_PASS)
        .target(OptionRecords.NAME);
    assertThatThrownBy(() -> repo.insert(record("c"), WriteOptions.defaults().onConflict(replaceNever)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot replace non-updatable field `unwritablePass`");
    assertThat(repo.all(OptionRecords.query().where(OptionRecords.NAME.eq("c")))).isEmpty();
  }

  /**
   * Ports repo_test.exs "writable field option / insert with on_conflict = replace_all and
   * returning": the insert writes the insertable columns (the never-writable value on the struct is
   * dropped), the replace the updatable ones, and every column is read back.
   */
  @Test
  void upsertReplaceAllWithReturningReadsBackEveryColumn(Repo repo) {
    Repo observed = observed(repo);
    WriteOptions upsert = WriteOptions.defaults().onConflict(OnConflict.replaceAll().target(OptionRecords.NAME))
        .returningAll();
    OptionRecordStruct inserted = observed.insertOrThrow(record("returning").withUnwritablePass("2"), upsert);
    String sql = lastSql();
    assertThat(columnsWritten(sql)).contains("\"created_by\"", "\"owner\"").doesNotContain("unwritable_pass");
    assertThat(sql.substring(sql.indexOf("DO UPDATE SET"), sql.indexOf("RETURNING")))
        .doesNotContain("\"created_by\"").doesNotContain("\"unwritable_pass\"");
    assertThat(sql.substring(sql.indexOf("RETURNING"))).contains("\"unwritable_pass\"", "\"created_by\"", "\"id\"");
    assertThat(inserted.unwritablePass()).isEqualTo("from-db");
    assertThat(inserted.createdBy()).isEqualTo("ada");
  }

  /**
   * Ports repo_test.exs "writable field option / insert_all" for rows that are structs: a struct
   * carries every field, so a value of a never-writable field is held to the insert's rule, the
   * field's onWritableViolation (RAISE here refuses the call; the default NOTHING leaves the column
   * out, see {@link #insertAllLeavesNeverWritableColumnsOut}); see docs/ecto-differences.md.
   */
  @Test
  void insertAllRefusesAnUnwritableValueWhenTheFieldRaises(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(StrictRecords.SCHEMA,
        List.of(new StrictRecordStruct().withCode("ok"), new StrictRecordStruct().withCode("b").withAudit("forged")),
        WriteOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StrictRecord.audit")
        .hasMessageContaining("during an insert");
    assertThat(repo.all(StrictRecords.query())).isEmpty();
    assertThat(repo.insertAll(StrictRecords.SCHEMA, List.of(new StrictRecordStruct().withCode("ok")),
        WriteOptions.defaults())).isEqualTo(1);
  }

  /** Ports repo_test.exs "insert_all / raises with query selecting read only fields". */
  @Test
  void insertAllFromAQuerySelectingAnUnwritableFieldIsRefused(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(OptionRecords.SCHEMA, OptionRecords.query()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot select unwritable field `unwritablePass` for insertAll");
  }

  /**
   * Ports schema_test.exs "timestamps with alternate sources" and "timestamps with writable
   * options": the timestamps live in columns of their own names, and an inserted-at that is
   * writable on insert only keeps its value through an update that tries to change it.
   */
  @Test
  void timestampsWithOwnColumnsAndInsertOnlyInsertedAt(Repo repo) {
    assertThat(OptionRecords.INSERTED_AT.column()).isEqualTo("created_on");
    assertThat(OptionRecords.UPDATED_AT.column()).isEqualTo("modified_on");
    assertThat(OptionRecords.INSERTED_AT.writable()).isEqualTo(Writable.INSERT);
    assertThat(OptionRecords.UPDATED_AT.writable()).isEqualTo(Writable.ALWAYS);
    assertThat(OptionRecords.DDL).contains("\"created_on\" timestamptz NOT NULL", "\"modified_on\" timestamptz NOT NULL");

    OptionRecordStruct inserted = repo.insertOrThrow(record("stamped"));
    OptionRecordStruct updated = repo.updateOrThrow(Changeset.change(inserted)
        .putChange(OptionRecords.INSERTED_AT, inserted.insertedAt().minusSeconds(3600))
        .putChange(OptionRecords.NAME, "stamped-2"));
    assertThat(updated.insertedAt()).isEqualTo(inserted.insertedAt());
    assertThat(repo.getOrThrow(OptionRecords.SCHEMA, inserted.id()).insertedAt()).isEqualTo(inserted.insertedAt());
  }

  /**
   * Ports schema_test.exs "timestamps autogenerate metadata (private)": the generator, not the
   * clock, makes one value for both timestamps on insert and updated_at's on update.
   */
  @Test
  void timestampsFromTheirGenerator(Repo repo) {
    LocalDateTime first = TickingClock.next();
    StampedRecordStruct inserted = repo.insertOrThrow(new StampedRecordStruct().withName("a"));
    assertThat(inserted.insertedAt()).isEqualTo(first);
    assertThat(inserted.updatedAt()).isEqualTo(first);
    StampedRecordStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(StampedRecords.NAME, "b"));
    assertThat(updated.insertedAt()).isEqualTo(first);
    assertThat(updated.updatedAt()).isEqualTo(first.plusDays(1));
  }

  /**
   * Ports schema_test.exs "changeset metadata": every field, written or not, loaded or not,
   * virtual or not, is cast by a changeset with its type.
   */
  @Test
  void everyFieldIsCastWhateverItsOptions() {
    Changeset<OptionRecordStruct> cs = Changeset.cast(new OptionRecordStruct(),
        Map.of("createdBy", "x", "unwritablePass", "p", "body", "b", "weight", "4", "revision", "9"),
        OptionRecords.CREATED_BY, OptionRecords.UNWRITABLE_PASS, OptionRecords.BODY, OptionRecords.WEIGHT,
        OptionRecords.REVISION);
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.changes()).containsEntry(OptionRecords.WEIGHT, 4).containsEntry(OptionRecords.REVISION, 9L)
        .containsEntry(OptionRecords.UNWRITABLE_PASS, "p");
  }

  /** Ports changeset_test.exs "redacts unwritable fields marked redact: true". */
  @Test
  void unwritableRedactedFieldIsRedactedInChangesets() {
    Changeset<OptionRecordStruct> cs = Changeset.cast(new OptionRecordStruct(), Map.of("unwritablePass", "hunter2"),
        OptionRecords.UNWRITABLE_PASS);
    assertThat(cs.toString()).doesNotContain("hunter2").contains("**redacted**");
  }

  /**
   * Ports schema_test.exs "defaults" and "primary key operations": a new struct has the declared
   * defaults (and no autogenerated value yet), and the key is read through the table's key field.
   */
  @Test
  void defaultsAndPrimaryKey() {
    OptionRecordStruct fresh = new OptionRecordStruct();
    assertThat(fresh.weight()).isEqualTo(7);
    assertThat(fresh.slug()).isNull();
    Field<OptionRecordStruct, ?> key = OptionRecords.SCHEMA.primaryKey().orElseThrow();
    assertThat(key.get(fresh)).isNull();
    assertThat(key.get(fresh.withId(42L))).isEqualTo(42L);
  }

  /**
   * Ports schema_test.exs "schema metadata", the lists its options decide: Ecto's
   * {@code __schema__(:insertable_fields)}, {@code :updatable_fields}, {@code :query_fields},
   * {@code :read_after_writes} and {@code :autogenerate_fields}, read from the generated table's fields.
   */
  @Test
  void theTableDescribesWhatEachOptionDecides() {
    List<String> fields = names(OptionRecords.SCHEMA.fields());
    assertThat(fields).containsExactly("id", "name", "createdBy", "owner", "unwritablePass", "revision", "body",
        "weight", "slug", "insertedAt", "updatedAt");
    assertThat(names(OptionRecords.SCHEMA.insertableFields())).isEqualTo(without(fields, "unwritablePass"));
    assertThat(names(OptionRecords.SCHEMA.fields().stream().filter(Field::isUpdatable).toList()))
        .isEqualTo(without(fields, "createdBy", "owner", "unwritablePass", "insertedAt"));
    assertThat(names(OptionRecords.SCHEMA.fields().stream().filter(Field::isLoadedInQuery).toList()))
        .isEqualTo(without(fields, "body", "weight"));
    assertThat(names(OptionRecords.SCHEMA.notLoadedInQuery())).containsExactly("body", "weight");
    assertThat(names(OptionRecords.SCHEMA.fields().stream().filter(Field::isReadAfterWrites).toList()))
        .containsExactly("revision");
    assertThat(names(OptionRecords.SCHEMA.fields().stream().filter(f -> f.autogenerator().isPresent()).toList()))
        .containsExactly("slug");
    assertThat(OptionRecords.SCHEMA.primaryKey()).map(Field::name).contains("id");
    assertThat(OptionRecords.SCHEMA.virtualFields()).isEmpty();
  }

  private static List<String> names(List<? extends Field<?, ?>> fields) {
    return fields.stream().map(Field::name).toList();
  }

  private static List<String> without(List<String> names, String... left) {
    return names.stream().filter(name -> !List.of(left).contains(name)).toList();
  }
}
