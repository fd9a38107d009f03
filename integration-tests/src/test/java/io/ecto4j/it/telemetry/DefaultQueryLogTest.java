package io.ecto4j.it.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.Slf4jQueryLogger;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A repo with no listener of the user's logs every statement on {@code io.ecto4j.query} when that
 * logger is at DEBUG, as Ecto's repo logs at debug: times, rows, the SQL and its bound values.
 * Runs in a JVM of its own (see the surefire execution {@code default-query-log}), whose
 * slf4j-simple writes to {@code target/default-query-log.txt}.
 */
@EctoTest
class DefaultQueryLogTest {
  private static final Path LOG = Path.of("target", "default-query-log.txt");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE UNIQUE INDEX tags_name_index ON tags (name)");
  }

  @Test
  void everyStatementIsLoggedAtDebugWithItsRowsAndValues(Repo repo) throws IOException {
    assertThat(Slf4jQueryLogger.debugEnabled()).as("io.ecto4j.query at DEBUG in this JVM").isTrue();

    PostStruct post = repo.insertOrThrow(Changeset.change(new PostStruct().withTitle("Logged"))
        .putAssoc(Posts.TAGS, List.of(new TagStruct().withName("a"), new TagStruct().withName("b"))));
    repo.all(Posts.query().where(Posts.ID.eq(post.id())));
    var taken = repo.insert(Changeset.cast(new TagStruct(), Map.of("name", "a"), Tags.NAME).uniqueConstraint(Tags.NAME));

    assertThat(taken.isErr()).isTrue();
    String log = Files.readString(LOG);
    assertThat(log).contains("DEBUG io.ecto4j.query - QUERY OK source=\"posts\"")
        .contains("[\"Logged\"")
        .containsPattern("QUERY OK source=\"posts_tags\" db=\\d+\\.\\dms rows=1[^\\n]*\\nINSERT INTO \"posts_tags\"")
        .containsPattern("QUERY OK source=\"posts\" db=\\d+\\.\\dms rows=1[^\\n]*\\nSELECT");
    assertThat(log).as("a violation the changeset turned into an error is no error of the application")
        .contains("DEBUG io.ecto4j.query - QUERY ERROR source=\"tags\"").contains("tags_name_index")
        .doesNotContain("ERROR io.ecto4j.query");
  }
}
