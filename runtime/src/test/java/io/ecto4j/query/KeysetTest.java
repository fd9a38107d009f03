package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.meta.Field;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-value comparison and the keyset pagination built on it (regression tests for issue #18). */
class KeysetTest {
  record Event(Long id, Instant at, Integer rank, String label) {
    Event withId(Long v) { return new Event(v, at, rank, label); }
    Event withAt(Instant v) { return new Event(id, v, rank, label); }
    Event withRank(Integer v) { return new Event(id, at, v, label); }
    Event withLabel(String v) { return new Event(id, at, rank, v); }
  }

  static final class Events extends TestSchemas.TestTable<Event> {
    static final Events SCHEMA = new Events();
    static final Field<Event, Long> ID =
        Field.of(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY, Event::id, Event::withId).notNull();
    static final Field<Event, Instant> AT =
        Field.of(SCHEMA, "at", "at", Types.INSTANT, Field.Kind.COLUMN, Event::at, Event::withAt).notNull();
    static final Field<Event, Integer> RANK =
        Field.of(SCHEMA, "rank", "rank", Types.INTEGER, Field.Kind.COLUMN, Event::rank, Event::withRank).notNull();
    static final Field<Event, String> LABEL =
        Field.of(SCHEMA, "label", "label", Types.STRING, Field.Kind.COLUMN, Event::label, Event::withLabel);

    private Events() {
      super("events", "Event");
    }

    @Override public List<Field<Event, ?>> fields() { return List.of(ID, AT, RANK, LABEL); }
    @Override public Event newStruct() { return new Event(null, null, null, null); }
  }

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Event LAST = new Event(7L, T, 3, "x");

  private static String where(Query<?> query) {
    String text = query.toSql().text();
    return text.substring(text.indexOf(" WHERE ") + 7);
  }

  @Test
  void rowValuesCompareAsOneExpression() {
    Condition after = Functions.row(Events.AT, Events.ID).gt(Functions.row(Functions.value(T), Functions.value(7L)));
    Query<Event> query = Query.from(Events.SCHEMA).where(after);
    assertThat(where(query)).isEqualTo("(e0.\"at\", e0.\"id\") > (?, ?)");
    assertThat(query.toSql().values()).containsExactly(T, 7L);
    assertThatThrownBy(() -> Functions.row(Events.ID).lt(Functions.row(Events.ID, Events.RANK)))
        .hasMessageContaining("rows compare pairwise");
  }

  @Test
  void oneDirectionIsOneRowComparisonAndBeforeFlipsIt() {
    Query<Event> newest = Query.from(Events.SCHEMA).orderBy(Events.AT.desc(), Events.ID.desc());
    assertThat(where(newest.after(LAST))).isEqualTo("(e0.\"at\", e0.\"id\") < (?, ?) ORDER BY e0.\"at\" DESC, e0.\"id\" DESC");
    assertThat(newest.after(LAST).toSql().values()).containsExactly(T, 7L);
    assertThat(where(newest.before(LAST))).startsWith("(e0.\"at\", e0.\"id\") > (?, ?)");
    Alias<Event> e = Alias.of(Events.SCHEMA, "e");
    Query<Event> aliased = Query.from(e).orderBy(e.field(Events.AT).asc(), e.field(Events.ID).asc());
    assertThat(where(aliased.afterValues(T, 7L))).startsWith("(e0.\"at\", e0.\"id\") > (?, ?)");
    Query<Event> byId = Query.from(Events.SCHEMA).orderBy(Events.ID.asc());
    assertThat(where(byId.afterValues(7L))).startsWith("e0.\"id\" > ? ORDER BY");
  }

  @Test
  void mixedDirectionsExpandWithALeadingBound() {
    Query<Event> query = Query.from(Events.SCHEMA).orderBy(Events.RANK.asc(), Events.AT.desc(), Events.ID.asc());
    assertThat(where(query.after(LAST))).startsWith("e0.\"rank\" >= ? AND (e0.\"rank\" > ? OR e0.\"rank\" = ?"
        + " AND (e0.\"at\" < ? OR e0.\"at\" = ? AND e0.\"id\" > ?)) ORDER BY");
    assertThat(query.after(LAST).toSql().values()).containsExactly(3, 3, 3, T, T, 7L);
    assertThat(where(query.before(LAST))).startsWith("e0.\"rank\" <= ? AND (e0.\"rank\" < ? OR");
  }

  @Test
  void nullsAndPartialOrdersAreRefused() {
    Query<Event> root = Query.from(Events.SCHEMA);
    assertThatThrownBy(() -> root.after(LAST)).hasMessageContaining("needs an order: call orderBy(…) first");
    assertThatThrownBy(() -> root.orderBy(Events.AT.asc()).after(LAST))
        .hasMessageContaining("needs a total order").hasMessageContaining("Event.id");
    assertThatThrownBy(() -> root.orderBy(Events.LABEL.asc(), Events.ID.asc()).after(LAST))
        .hasMessageContaining("Event.label, which may be NULL");
    Query<Event> byAt = root.orderBy(Events.AT.asc(), Events.ID.asc());
    assertThatThrownBy(() -> byAt.after(new Event(7L, null, 3, "x"))).hasMessageContaining("is null");
    assertThatThrownBy(() -> byAt.afterValues(T)).hasMessageContaining("1 value(s) but the order");
    assertThatThrownBy(() -> byAt.afterValues(T, "7")).hasMessageContaining("java.lang.String");
  }

  @Test
  void aCursorIsReadFromWholeStructsOfTheSchemaOnly() {
    Query<Event> byRank = Query.from(Events.SCHEMA).orderBy(Functions.plus(Events.RANK, 1).asc(), Events.ID.asc());
    assertThatThrownBy(() -> byRank.after(LAST))
        .hasMessageContaining("is not a field of Event; pass the order's values with afterValues");
    assertThat(where(byRank.afterValues(4, 7L))).startsWith("(e0.\"rank\" + ?, e0.\"id\") > (?, ?)");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).orderBy(Posts.ID.asc()).afterValues(1L))
        .hasMessageContaining("Post.id, which may be NULL");
    Query<Long> ids = Query.from(Events.SCHEMA).orderBy(Events.ID.asc()).select(Events.ID);
    assertThatThrownBy(() -> ids.after(3L)).hasMessageContaining("selects Event.id");
    assertThat(where(ids.afterValues(3L))).startsWith("e0.\"id\" > ?");
  }
}
