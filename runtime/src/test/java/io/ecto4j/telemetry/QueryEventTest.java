package io.ecto4j.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryEventTest {
  @Test
  void theSourceIsTheOperationAndFirstTable() {
    assertThat(QueryEvent.sourceOf("SELECT c0.\"id\" FROM \"comments\" AS c0 WHERE (c0.\"post_id\" = ?)"))
        .isEqualTo("SELECT comments");
    assertThat(QueryEvent.sourceOf("INSERT INTO \"blog\".\"posts\" (\"title\") VALUES (?)")).isEqualTo("INSERT blog.posts");
    assertThat(QueryEvent.sourceOf("update posts set title = ?")).isEqualTo("UPDATE posts");
    assertThat(QueryEvent.sourceOf("SELECT 1")).isEqualTo("SELECT");
  }

  @Test
  void placeholdersInQuotesAreNotParameters() {
    assertThat(QueryEvent.parameterCount("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ?")).isEqualTo(2);
  }
}
