package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.IvPostStruct;
import io.ecto4j.it.schemas.IvPosts;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ports of ecto_sql's integration_test/pg/copy_test.exs: COPY through the repo's own connection. */
@EctoTest(sandbox = true)
class CopyConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(IvPosts.DDL);
  }

  /**
   * Ports copy_test.exs "copy to and from table": the rows exported inside the transaction (which
   * only its connection sees) are deleted, then imported back whole.
   */
  @Test
  void copyToAndFromTable(Repo repo) {
    IvPostStruct one = repo.insertOrThrow(new IvPostStruct().withVisits(1).withBlob(new byte[] {0, 1}));
    IvPostStruct two = repo.insertOrThrow(new IvPostStruct().withVisits(2));
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    assertThat(repo.copyOut("COPY iv_posts TO STDOUT", data)).isEqualTo(2);
    assertThat(repo.deleteAll(IvPosts.query())).isEqualTo(2);
    assertThat(repo.copyIn("COPY iv_posts FROM STDIN", new ByteArrayInputStream(data.toByteArray()))).isEqualTo(2);
    assertThat(repo.all(IvPosts.query().orderBy(IvPosts.ID.asc()))).usingRecursiveFieldByFieldElementComparator()
        .containsExactly(one, two);
  }

  /** A COPY PostgreSQL refuses fails as any statement does, naming the SQL. */
  @Test
  void aRefusedCopyNamesItsSql(Repo repo) {
    assertThatThrownBy(() -> repo.copyOut("COPY no_such_table TO STDOUT", new ByteArrayOutputStream()))
        .isInstanceOf(QueryException.class).hasMessageContaining("no_such_table");
  }
}
