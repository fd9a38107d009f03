package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code repo.query(sql, params, …)} with {@link List} parameters bound as PostgreSQL arrays, as
 * Postgrex binds Elixir lists (issue #18).
 */
@EctoTest(sandbox = true)
class RawQueryConformanceTest {
  private static final UUID ONE = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID TWO = UUID.fromString("00000000-0000-0000-0000-000000000002");

  @BeforeAll
  static void table(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE raw_rows (id bigint PRIMARY KEY, small int, name text, label varchar(20), uid uuid,"
        + " flag boolean, ratio double precision, amount numeric, day date, at timestamptz)");
    db.execute("INSERT INTO raw_rows VALUES"
        + " (1, 10, 'one', 'uno', '" + ONE + "', true, 0.5, 1.25, '2024-01-01', '2024-01-01T10:00:00Z'),"
        + " (2, 20, 'two', 'dos', '" + TWO + "', false, 1.5, 2.50, '2024-01-02', '2024-01-02T10:00:00Z'),"
        + " (3, 30, 'three', 'tres', NULL, NULL, 2.5, 3.75, '2024-01-03', '2024-01-03T10:00:00Z')");
  }

  private static List<Long> ids(Repo repo, String column, List<?> values) {
    return repo.query("SELECT id FROM raw_rows WHERE " + column + " = ANY(?) ORDER BY id", List.of(values),
        row -> row.getLong(1));
  }

  /** A regression test for issue #18: a list of each element type matches with {@code = ANY(?)}. */
  @Test
  void listsBindAsArraysOfTheirElementType(Repo repo) {
    assertThat(ids(repo, "id", List.of(1L, 3L))).containsExactly(1L, 3L);
    assertThat(ids(repo, "small", List.of(20, 30))).containsExactly(2L, 3L);
    assertThat(ids(repo, "id", List.of(2, 3))).containsExactly(2L, 3L);
    assertThat(ids(repo, "name", List.of("one", "three"))).containsExactly(1L, 3L);
    assertThat(ids(repo, "label", List.of("dos"))).containsExactly(2L);
    assertThat(ids(repo, "uid", List.of(ONE, TWO))).containsExactly(1L, 2L);
    assertThat(ids(repo, "flag", List.of(false))).containsExactly(2L);
    assertThat(ids(repo, "ratio", List.of(0.5, 2.5))).containsExactly(1L, 3L);
    assertThat(ids(repo, "amount", List.of(new BigDecimal("2.50")))).containsExactly(2L);
    assertThat(ids(repo, "day", List.of(LocalDate.of(2024, 1, 3)))).containsExactly(3L);
    assertThat(ids(repo, "at", List.of(Instant.parse("2024-01-01T10:00:00Z")))).containsExactly(1L);
    assertThat(ids(repo, "at", List.of(OffsetDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneOffset.ofHours(2)))))
        .containsExactly(2L);
  }

  /** A regression test for issue #18: nulls in a list are array nulls, and a list reads back as an array. */
  @Test
  void nullElementsAndArraysReadBack(Repo repo) {
    assertThat(ids(repo, "name", Arrays.asList("two", null))).containsExactly(2L);
    List<String> back = repo.query("SELECT array_to_string(?, ',', '*')", List.of(Arrays.asList("a", null, "b")),
        row -> row.getString(1));
    assertThat(back).containsExactly("a,*,b");
    assertThat(repo.query("SELECT cardinality(?::int8[])", List.of(List.of(1L, 2L, 3L)), row -> row.getInt(1)))
        .containsExactly(3);
  }

  /**
   * A regression test for issue #18: a list with no element to tell its type by (empty or only
   * nulls) goes untyped and takes the column's type, as Postgrex's lists do.
   */
  @Test
  void anEmptyOrAllNullListTakesTheTypeOfItsPlace(Repo repo) {
    assertThat(ids(repo, "id", List.of())).isEmpty();
    assertThat(ids(repo, "uid", List.of())).isEmpty();
    assertThat(ids(repo, "day", Arrays.asList(null, null))).isEmpty();
    assertThat(repo.query("SELECT cardinality(?::uuid[])", List.of(Arrays.asList(null, null)), row -> row.getInt(1)))
        .containsExactly(2);
  }

  /** A regression test for issue #18: a list an array cannot hold is refused with the reason. */
  @Test
  void aListOfMixedOrUnknownElementsIsRefused(Repo repo) {
    assertThatThrownBy(() -> ids(repo, "id", List.of(1L, "two")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 1 is a list of both Long and String values");
    assertThatThrownBy(() -> ids(repo, "id", List.of(new StringBuilder("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.StringBuilder, which ecto4j cannot bind as a PostgreSQL array");
  }
}
