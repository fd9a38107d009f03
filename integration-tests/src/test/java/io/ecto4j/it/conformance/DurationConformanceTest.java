package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.StintStruct;
import io.ecto4j.it.schemas.Stints;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code java.time.Duration} in {@code interval} (issue #17, Ecto's {@code :duration}). */
@EctoTest(sandbox = true)
class DurationConformanceTest {
  private static final Duration DURATION = Duration.ofDays(400).plusSeconds(1).plusNanos(100_000);

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(Stints.DDL);
  }

  /**
   * Ports integration_test/cases/type.exs "duration type": written, queried by value and read back
   * exactly. Ecto's 13 months become 400 days: a java.time.Duration has no months.
   */
  @Test
  void durationType(Repo repo) {
    StintStruct stint = repo.insertOrThrow(new StintStruct().withLength(DURATION)
        .withLaps(List.of(Duration.ofMillis(-1500), Duration.ofHours(25))));
    StintStruct found = repo.one(Stints.query().where(Stints.LENGTH.eq(DURATION))).orElseThrow();
    assertThat(found.length()).isEqualTo(DURATION);
    assertThat(found.planned()).isEqualTo(Duration.ofMinutes(90));
    assertThat(found.laps()).containsExactly(Duration.ofMillis(-1500), Duration.ofHours(25));
    assertThat(found).isEqualTo(stint);
    assertThat(repo.query("SELECT length = interval '400 days 1 second 100 microseconds' FROM value_stints",
        List.of(), row -> row.getBoolean(1))).containsExactly(true);
  }

  /** Nanoseconds go, as PostgreSQL keeps microseconds; casting takes ISO 8601 strings. */
  @Test
  void castingAndPrecision(Repo repo) {
    Changeset<StintStruct> cs = Changeset.cast(new StintStruct(), Map.of("length", "P2DT3H4.5000009S",
        "laps", List.of("PT1M", "-PT2S")), Stints.LENGTH, Stints.LAPS);
    StintStruct stint = repo.insertOrThrow(cs);
    assertThat(stint.length()).isEqualTo(Duration.parse("P2DT3H4.500000S"));
    assertThat(stint.laps()).containsExactly(Duration.ofMinutes(1), Duration.ofSeconds(-2));
    assertThat(Changeset.cast(new StintStruct(), Map.of("length", "P1M"), Stints.LENGTH).errors())
        .extracting(error -> error.keys().get("type")).containsExactly("duration");
    assertThat(Changeset.cast(new StintStruct(), Map.of("length", 5), Stints.LENGTH).isValid()).isFalse();
  }

  /** An interval with months has no exact length: loading it fails, naming the column. */
  @Test
  void anIntervalWithMonthsFailsToLoad(Repo repo) {
    assertThatThrownBy(() -> repo.query("SELECT interval '13 months 1 second' AS span", List.of(),
        row -> Types.DURATION.read(row, 1)))
        .hasStackTraceContaining("column span holds the interval").hasStackTraceContaining("months or years");
  }

  /** The DDL: interval, and a default in ISO 8601. */
  @Test
  void ddl() {
    assertThat(Stints.DDL).contains("\"length\" interval,", "\"planned\" interval DEFAULT 'PT1H30M'::interval",
        "\"laps\" interval[]");
  }
}
