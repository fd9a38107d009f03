package io.ecto4j.spring.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.repo.TransactionRolledBackException;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The host on plain Spring, without Boot: a transaction manager built by hand, as an application may. */
class SpringTransactionHostTest {
  private static TestDatabase database;

  private DataSourceTransactionManager manager;
  private Repo repo;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = TestDatabase.create();
    database.execute(Note.TABLE);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    database.close();
  }

  @BeforeEach
  void hostedRepo() throws SQLException {
    database.execute("TRUNCATE notes");
    manager = new DataSourceTransactionManager(database.dataSource());
    repo = Repo.hostedBy(database.dataSource(), new SpringTransactionHost(database.dataSource(), manager));
  }

  @Test
  void aManagerOfAnotherDataSourceIsRefused() {
    DataSourceTransactionManager elsewhere = new DataSourceTransactionManager(new SimpleDriverDataSource());
    assertThatThrownBy(() -> new SpringTransactionHost(database.dataSource(), elsewhere))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not manage the repo's data source");
  }

  @Test
  void aJoiningRepoTransactionPassesAValidatingManager() {
    manager.setValidateExistingTransaction(true);
    TransactionTemplate readOnly = new TransactionTemplate(manager);
    readOnly.setReadOnly(true);
    Result<Integer, Object> read = readOnly.execute(status ->
        repo.transaction(TransactionOptions.defaults().isolation(TransactionOptions.Isolation.SERIALIZABLE),
            tx -> repo.query("SELECT 1", List.of(), row -> row.getInt(1)).get(0)));
    assertThat(read).isEqualTo(Result.ok(1));
  }

  @Test
  void aRollbackInANestedRepoTransactionDoomsTheOuterOneWithItsValue() throws SQLException {
    assertThatThrownBy(() -> repo.transaction(outer -> {
      repo.insertOrThrow(new NoteStruct().withBody("a"));
      assertThat(repo.<Object, String>transaction(inner -> inner.rollback("inner said no")))
          .isEqualTo(Result.err("inner said no"));
      return null;
    })).isInstanceOfSatisfying(TransactionRolledBackException.class,
        e -> assertThat(e.reason()).isEqualTo("inner said no"));
    assertThat(repo.all(Notes.query())).isEmpty();
  }
}
