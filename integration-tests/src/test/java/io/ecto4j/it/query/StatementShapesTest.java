package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.query.Query;
import io.ecto4j.type.Types;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statements whose text is kept by shape (docs/benchmarks.md, "Second pass"): a query, update or
 * bulk insert of a shape run before takes this call's values, on PostgreSQL.
 */
@EctoTest(sandbox = true)
class StatementShapesTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @Test
  void queriesAndUpdatesOfOneShapeTakeEachCallsValues(Repo repo) {
    for (int i = 0; i < 6; i++) {
      repo.insertOrThrow(new PostStruct().withTitle("post " + i).withBody("body").withViewCount(i * 10)
          .withPublished(i % 2 == 0));
    }
    for (int i = 0; i < 6; i++) { // the same shape six times, each with its own values
      List<PostStruct> found = repo.all(Posts.query().where(Posts.TITLE.eq("post " + i).and(Posts.VIEW_COUNT.ge(i * 10)))
          .orderBy(Posts.ID.asc()).limit(i + 1));
      assertThat(found).extracting(PostStruct::title).containsExactly("post " + i);
    }
    for (int i = 0; i < 3; i++) {
      long updated = repo.updateAll(Posts.query().where(Posts.PUBLISHED.eq(i % 2 == 0).and(Posts.VIEW_COUNT.lt(100))),
          Update.inc(Posts.VIEW_COUNT, 1));
      assertThat(updated).isEqualTo(3);
    }
    assertThat(repo.all(Posts.query().orderBy(Posts.ID.asc()))).extracting(PostStruct::viewCount)
        .containsExactly(2, 11, 22, 31, 42, 51);
    assertThat(repo.deleteAll(Posts.query().where(Posts.VIEW_COUNT.gt(40)))).isEqualTo(2);
    assertThat(repo.deleteAll(Posts.query().where(Posts.VIEW_COUNT.gt(20)))).isEqualTo(2);
  }

  @Test
  void bulkInsertsOfSeveralRowCountsWithJsonArraysAndNulls(Repo repo) {
    List<SampleStruct> expected = new ArrayList<>();
    for (int rows : new int[] {1, 3, 3, 1, 250}) {
      List<SampleStruct> batch = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        int n = expected.size() + batch.size();
        batch.add(new SampleStruct().withString(String.format("s%04d", n))
            .withDocument(n % 3 == 0 ? null : Map.of("n", n, "tags", List.of("a" + n)))
            .withStrings(n % 2 == 0 ? List.of("x" + n, "{y}") : null)
            .withMoods(List.of(Mood.HAPPY))
            .withMood(n % 2 == 0 ? Mood.CALM : null)
            .withMaybeBig(n % 4 == 0 ? null : (long) n)
            .withOffsetDateTime(OffsetDateTime.of(2026, 1, 1, 0, 0, n % 60, 123_000, ZoneOffset.UTC))
            .withLocalDateTime(LocalDateTime.of(2026, 2, 1, 12, n % 60))
            .withLocalDate(LocalDate.of(2026, 3, 1).plusDays(n)));
      }
      assertThat(repo.insertAll(Samples.SCHEMA, batch)).isEqualTo(rows);
      expected.addAll(batch);
    }
    List<SampleStruct> loaded = repo.all(Samples.query().orderBy(Samples.STRING.asc()));
    assertThat(loaded).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      SampleStruct want = expected.get(i);
      SampleStruct got = loaded.get(i);
      assertThat(got.string()).isEqualTo(want.string());
      assertThat(got.document()).isEqualTo(want.document());
      assertThat(got.strings()).isEqualTo(want.strings());
      assertThat(got.moods()).isEqualTo(want.moods());
      assertThat(got.mood()).isEqualTo(want.mood());
      assertThat(got.maybeBig()).isEqualTo(want.maybeBig());
      assertThat(got.offsetDateTime()).isEqualTo(want.offsetDateTime());
      assertThat(got.localDateTime()).isEqualTo(want.localDateTime());
      assertThat(got.localDate()).isEqualTo(want.localDate());
    }
  }

  @Test
  void rowsByTableNameLeaveOutColumnsForTheirDefaults(Repo repo) {
    for (int round = 0; round < 2; round++) {
      Map<String, Object> full = stamped("full " + round);
      full.put("view_count", 7);
      full.put("published", true);
      Map<String, Object> third = stamped("third " + round);
      third.put("view_count", 3);
      assertThat(repo.insertAll("posts", List.of(full, stamped("partial " + round), third))).isEqualTo(3);
    }
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()));
    assertThat(posts).extracting(PostStruct::title)
        .containsExactly("full 0", "partial 0", "third 0", "full 1", "partial 1", "third 1");
    assertThat(posts).extracting(PostStruct::viewCount).containsExactly(7, 0, 3, 7, 0, 3);
    assertThat(posts).extracting(PostStruct::published).containsExactly(true, false, false, true, false, false);
    assertThat(Query.from("posts").select(Query.column("title", Types.STRING)).toSql().text()).contains("\"posts\"");
  }

  private static Map<String, Object> stamped(String title) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("title", title);
    row.put("inserted_at", NOW);
    row.put("updated_at", NOW);
    return row;
  }

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
}
