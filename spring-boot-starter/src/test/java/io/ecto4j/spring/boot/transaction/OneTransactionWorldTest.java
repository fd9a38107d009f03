package io.ecto4j.spring.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.repo.TransactionRolledBackException;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import io.ecto4j.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction world: every combination of Spring's {@code @Transactional} (and
 * TransactionTemplate, JdbcTemplate) with ecto4j's {@code repo.transaction}, savepoints and Multi,
 * asserted on what PostgreSQL committed, read back on a connection of the test's own.
 */
@SpringBootTest(classes = {TransactionsApp.class, OneTransactionWorldTest.Recording.class})
@DirtiesContext
class OneTransactionWorldTest {
  private static TestDatabase database;

  @Autowired Repo repo;
  @Autowired JdbcTemplate jdbc;
  @Autowired SpringSide spring;
  @Autowired TransactionTemplate template;
  @Autowired Events events;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = TestDatabase.create();
    database.execute(Note.TABLE);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    database.close();
  }

  @DynamicPropertySource
  static void dataSource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.datasource.password", database::password);
  }

  @BeforeEach
  void emptyTable() throws SQLException {
    database.execute("TRUNCATE notes");
    events.sql.clear();
  }

  @Nested
  class SpringOutside {
    @Test
    void aRepoTransactionInsideTransactionalJoinsItOnTheSameConnection() throws Exception {
      spring.required(() -> {
        Session springs = springSession();
        Result<Session, Object> ectos = repo.transaction(tx -> {
          writeWithEcto("a");
          return ectoSession();
        });
        writeWithJdbc("b");
        assertThat(ectos.orElseThrow()).isEqualTo(springs);
        assertThat(repo.inTransaction()).isTrue();
        return null;
      });
      assertThat(committed()).containsExactly("a", "b");
    }

    @Test
    void anExceptionInTheInnerRepoTransactionRollsBackTheWhole() throws Exception {
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithJdbc("a");
        return repo.transaction(tx -> {
          writeWithEcto("b");
          throw new IllegalStateException("inner failed");
        });
      })).isInstanceOf(IllegalStateException.class).hasMessage("inner failed");
      assertThat(committed()).isEmpty();
    }

    @Test
    void repoRollbackInTheInnerDoomsSpringsTransaction() throws Exception {
      List<Object> seen = new ArrayList<>();
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithJdbc("a");
        Result<Object, String> inner = repo.transaction(tx -> {
          writeWithEcto("b");
          return tx.rollback("changed my mind");
        });
        seen.add(inner);
        // ecto4j refuses further statements of a doomed transaction; Spring's own code may still run them
        assertThatThrownBy(() -> writeWithEcto("c")).isInstanceOf(TransactionRolledBackException.class);
        writeWithJdbc("d");
        return null;
      })).isInstanceOf(UnexpectedRollbackException.class);
      assertThat(seen).containsExactly(Result.err("changed my mind"));
      assertThat(committed()).isEmpty();
    }

    @Test
    void aCaughtInnerFailureStillDoomsTheOuterCommit() throws Exception {
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithJdbc("a");
        try {
          repo.transaction(tx -> {
            writeWithEcto("b");
            throw new IllegalArgumentException("inner failed");
          });
        } catch (IllegalArgumentException expected) {
          // the caller goes on as if nothing happened: Spring's commit must still refuse
        }
        return null;
      })).isInstanceOf(UnexpectedRollbackException.class);
      assertThat(committed()).isEmpty();
    }

    @Test
    void aSavepointInsideTransactionalUndoesOnlyItsOwnWork() throws Exception {
      spring.required(() -> {
        writeWithJdbc("a");
        assertThat(repo.savepoint(tx -> {
          writeWithEcto("b");
          return tx.rollback("undo b");
        })).isEqualTo(Result.err("undo b"));
        assertThatThrownBy(() -> repo.savepoint(tx -> writeWithEcto("a"))).isInstanceOf(ConstraintException.class);
        repo.savepoint(tx -> writeWithEcto("c"));
        return null;
      });
      assertThat(committed()).containsExactly("a", "c");
    }

    @Test
    void aNestedTransactionalUndoesOnlyItsOwnEctoWrites() throws Exception {
      spring.required(() -> {
        writeWithJdbc("a");
        assertThatThrownBy(() -> spring.nested(() -> {
          writeWithEcto("b");
          throw new IllegalStateException("nested failed");
        })).isInstanceOf(IllegalStateException.class);
        return writeWithEcto("c");
      });
      assertThat(committed()).containsExactly("a", "c");
    }

    @Test
    void aReadOnlyTransactionalRefusesEctosWrites() throws Exception {
      assertThatThrownBy(() -> spring.readOnly(() -> writeWithEcto("a")))
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("25006"));
      assertThat(committed()).isEmpty();
    }

    @Test
    void springsIsolationIsTheRepoTransactionsToo() throws Exception {
      String level = spring.serializable(() -> repo.transaction(tx -> show("transaction_isolation")).orElseThrow());
      assertThat(level).isEqualTo("serializable");
    }

    @Test
    void aCheckedExceptionOutOfTransactionalCommitsBySpringsRuleUnlessRollbackFor() throws SQLException {
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithEcto("committed by Spring's rule");
        throw new IOException("checked");
      })).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> spring.requiredRollingBackForAny(() -> {
        writeWithEcto("rolled back by rollbackFor");
        throw new IOException("checked");
      })).isInstanceOf(IOException.class);
      assertThat(committed()).containsExactly("committed by Spring's rule");
    }

    @Test
    void aCheckedExceptionOutOfAnInnerRepoTransactionRollsBackByEctosRule() throws Exception {
      // ecto4j rolls back on anything: the doom turns Spring's commit for a checked exception into a rollback
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithJdbc("a");
        return repo.transaction(tx -> {
          writeWithEcto("b");
          throw sneaky(new IOException("checked"));
        });
      })).isInstanceOf(UnexpectedRollbackException.class);
      assertThat(committed()).isEmpty();
    }

    @Test
    void aMultiInsideTransactionalCommitsWithIt() throws Exception {
      Key<NoteStruct> note = Key.named("note");
      spring.required(() -> {
        writeWithJdbc("a");
        assertThat(repo.transaction(Multi.create().insert(note, Changeset.change(new NoteStruct().withBody("b")))))
            .isInstanceOf(Result.Ok.class);
        return null;
      });
      assertThat(committed()).containsExactly("a", "b");
    }

    @Test
    void aFailingMultiStepDoomsTheTransactional() throws Exception {
      Key<NoteStruct> note = Key.named("note");
      List<Result<Changes, MultiFailure>> results = new ArrayList<>();
      assertThatThrownBy(() -> spring.required(() -> {
        writeWithJdbc("a");
        results.add(repo.transaction(Multi.create()
            .insert(note, Changeset.change(new NoteStruct().withBody("b")))
            .run(Key.named("check"), (r, changes) -> Result.err("out of stock"))));
        return null;
      })).isInstanceOf(UnexpectedRollbackException.class);
      assertThat(results.get(0)).isInstanceOfSatisfying(Result.Err.class,
          err -> assertThat(((MultiFailure) err.error()).value()).isEqualTo("out of stock"));
      assertThat(committed()).isEmpty();
    }

    @Test
    void aMultiWithAnInvalidChangesetFailsBeforeAnyTransactionAndDoomsNothing() throws Exception {
      Key<NoteStruct> note = Key.named("note");
      spring.required(() -> {
        writeWithJdbc("a");
        assertThat(repo.transaction(Multi.create().insert(note, Note.changeset(new NoteStruct(), Map.of()))))
            .isInstanceOf(Result.Err.class);
        return null;
      });
      assertThat(committed()).containsExactly("a");
    }

    @Test
    void aStreamInsideTransactionalReadsItsUncommittedRows() throws Exception {
      List<String> streamed = spring.required(() -> {
        writeWithJdbc("a");
        writeWithJdbc("b");
        return repo.stream(Notes.query().orderBy(Notes.BODY.asc()), rows -> rows.map(NoteStruct::body).toList());
      });
      assertThat(streamed).containsExactly("a", "b");
      assertThat(committed()).containsExactly("a", "b");
    }

    @Test
    void inTransactionFollowsSpringsTransaction() throws Exception {
      assertThat(repo.inTransaction()).isFalse();
      boolean inSpringsTransaction = spring.required(() -> repo.inTransaction());
      Boolean inTemplatesTransaction = template.execute(status -> repo.inTransaction());
      assertThat(inSpringsTransaction).isTrue();
      assertThat(inTemplatesTransaction).isTrue();
    }

    @Test
    void repoRollbackOutsideAnyRepoTransactionIsRefused() throws Exception {
      assertThatThrownBy(() -> spring.required(() -> repo.rollback("no body to return to")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any repo.transaction");
    }

    @Test
    void aRepoTransactionThatJoinsIsNotRetried() throws Exception {
      AtomicInteger attempts = new AtomicInteger();
      assertThatThrownBy(() -> spring.required(() -> repo.transaction(TransactionOptions.defaults().retries(3)
          .retryBackoff(Duration.ZERO, Duration.ZERO), tx -> {
            attempts.incrementAndGet();
            return serializationFailure();
          }))).isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("40001"));
      assertThat(attempts).hasValue(1);
    }

    @Test
    void aJoiningRepoTransactionTellsNoBeginOrCommit() throws Exception {
      spring.required(() -> repo.transaction(tx -> writeWithEcto("a")));
      assertThat(events.sql).doesNotContain("begin", "commit");
    }
  }

  @Nested
  class EctoOutside {
    @Test
    void transactionalAndJdbcTemplateInsideJoinTheRepoTransaction() throws Exception {
      Result<List<Session>, Object> sessions = repo.transaction(tx -> {
        writeWithEcto("a");
        Session ectos = ectoSession();
        Session springs = call(() -> spring.required(() -> {
          writeWithJdbc("b");
          return springSession();
        }));
        Session templates = template.execute(status -> springSession());
        return List.of(ectos, springs, templates, springSession());
      });
      assertThat(sessions.orElseThrow()).hasSize(4).containsOnly(sessions.orElseThrow().get(0));
      assertThat(committed()).containsExactly("a", "b");
    }

    @Test
    void anInnerTransactionalThatThrowsRollsBackTheWhole() throws Exception {
      assertThatThrownBy(() -> repo.transaction(tx -> {
        writeWithEcto("a");
        return call(() -> spring.required(() -> {
          writeWithJdbc("b");
          throw new IllegalStateException("inner failed");
        }));
      })).isInstanceOf(IllegalStateException.class).hasMessage("inner failed");
      assertThat(committed()).isEmpty();
    }

    @Test
    void aCaughtFailureOfAnInnerTransactionalDoomsTheRepoTransaction() throws Exception {
      List<Throwable> refused = new ArrayList<>();
      assertThatThrownBy(() -> repo.transaction(tx -> {
        writeWithEcto("a");
        try {
          call(() -> spring.required(() -> {
            throw new IllegalStateException("inner failed");
          }));
        } catch (IllegalStateException expected) {
          // carried on: ecto4j's next statement is refused, and the end is a rollback
        }
        try {
          writeWithEcto("b");
        } catch (TransactionRolledBackException e) {
          refused.add(e);
        }
        return null;
      })).isInstanceOfSatisfying(TransactionRolledBackException.class,
          e -> assertThat(e.reason()).isEqualTo(SpringTransactionHost.MARKED_BY_SPRING));
      assertThat(refused).hasSize(1);
      assertThat(committed()).isEmpty();
    }

    @Test
    void anInnerTransactionalThatMarksRollbackOnlyDoomsTheRepoTransaction() throws Exception {
      assertThatThrownBy(() -> repo.transaction(tx -> {
        writeWithEcto("a");
        return call(() -> spring.markingRollbackOnly(() -> writeWithJdbc("b")));
      })).isInstanceOf(TransactionRolledBackException.class);
      assertThat(committed()).isEmpty();
    }

    @Test
    void requiresNewInsideCommitsOnItsOwnConnection() throws Exception {
      Result<Object, String> outer = repo.transaction(tx -> {
        writeWithEcto("a");
        Session outers = ectoSession();
        Session inners = call(() -> spring.requiresNew(() -> {
          writeWithEcto("b");   // on the new transaction's connection, not the suspended one's
          return ectoSession();
        }));
        assertThat(inners.pid()).isNotEqualTo(outers.pid());
        assertThat(ectoSession()).isEqualTo(outers);
        return tx.rollback("undo a");
      });
      assertThat(outer).isEqualTo(Result.err("undo a"));
      assertThat(committed()).containsExactly("b");
    }

    @Test
    void springsNestedInsideARepoTransactionRollsBackToItsSavepoint() throws Exception {
      repo.transaction(tx -> {
        writeWithEcto("a");
        try {
          call(() -> spring.nested(() -> {
            writeWithEcto("b");
            throw new IllegalStateException("nested failed");
          }));
        } catch (IllegalStateException expected) {
          // Spring's NESTED: only the savepoint is undone
        }
        return writeWithJdbc("c");
      }).orElseThrow();
      assertThat(committed()).containsExactly("a", "c");
    }

    @Test
    void aNestedRollbackLiftsTheDoomOfARepoTransactionInside() throws Exception {
      List<Throwable> nestedEnds = new ArrayList<>();
      repo.transaction(tx -> {
        writeWithEcto("a");
        try {
          call(() -> spring.nested(() -> {
            writeWithEcto("b");
            return repo.<Object, String>transaction(inner -> inner.rollback("inner said no"));
          }));
        } catch (UnexpectedRollbackException e) {
          nestedEnds.add(e);   // Spring's NESTED rolls back to its savepoint and clears the mark
        }
        return writeWithEcto("c");
      }).orElseThrow();
      assertThat(nestedEnds).hasSize(1);
      assertThat(committed()).containsExactly("a", "c");
    }

    @Test
    void theRepoTransactionsOptionsAreSpringsToo() throws Exception {
      TransactionOptions options = TransactionOptions.defaults()
          .isolation(TransactionOptions.Isolation.REPEATABLE_READ).statementTimeout(Duration.ofMillis(1234));
      List<Object> seen = repo.transaction(options, tx -> List.<Object>of(
          jdbc.queryForObject("SHOW transaction_isolation", String.class),
          jdbc.queryForObject("SHOW statement_timeout", String.class),
          TransactionSynchronizationManager.getCurrentTransactionIsolationLevel())).orElseThrow();
      assertThat(seen).containsExactly("repeatable read", "1234ms", TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Test
    void aReadOnlyRepoTransactionRefusesJdbcTemplatesWrites() throws Exception {
      assertThatThrownBy(() -> repo.transaction(TransactionOptions.defaults().readOnly(), tx -> writeWithJdbc("a")))
          .hasRootCauseInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
      assertThat(committed()).isEmpty();
    }

    @Test
    void aCheckedExceptionRollsBackAndPropagatesAsItIs() throws Exception {
      assertThatThrownBy(() -> repo.transaction(tx -> {
        writeWithJdbc("a");
        throw sneaky(new IOException("checked"));
      })).isInstanceOf(IOException.class);
      assertThat(committed()).isEmpty();
    }

    @Test
    void aSerializationFailureRunsTheTopLevelRepoTransactionAgain() throws Exception {
      AtomicInteger attempts = new AtomicInteger();
      repo.transaction(TransactionOptions.defaults().retries(3).retryBackoff(Duration.ZERO, Duration.ZERO), tx -> {
        writeWithJdbc("attempt " + attempts.incrementAndGet());
        return attempts.get() == 1 ? serializationFailure() : null;
      });
      assertThat(attempts).hasValue(2);
      assertThat(committed()).containsExactly("attempt 2");
    }

    @Test
    void theTopLevelRepoTransactionTellsBeginCommitAndRollback() throws Exception {
      repo.transaction(tx -> writeWithEcto("a"));
      repo.<Object, String>transaction(tx -> tx.rollback("no"));
      assertThat(events.sql).containsSubsequence("begin", "commit", "begin", "rollback");
    }

    @Test
    void aCheckoutHoldsOneConnectionThatSpringsCodeUsesToo() throws Exception {
      List<Session> sessions = repo.checkout(() -> {
        repo.query("SET application_name = 'ecto4j checkout'", List.of(), row -> null);
        assertThat(jdbc.queryForObject("SHOW application_name", String.class)).isEqualTo("ecto4j checkout");
        assertThat(repo.inTransaction()).isFalse();
        Session transactional = call(() -> spring.required(() -> {
          assertThat(repo.inTransaction()).isTrue();
          return springSession();
        }));
        return List.of(ectoSession(), springSession(), transactional);
      });
      assertThat(sessions.stream().map(Session::pid).distinct()).hasSize(1);
    }
  }

  // ------------------------------------------------------------------ helpers

  record Session(int pid, long transaction) {
    static Session read(ResultSet row) throws SQLException {
      return new Session(row.getInt(1), row.getLong(2));
    }
  }

  private static final String SESSION = "SELECT pg_backend_pid(), txid_current()";

  private Session ectoSession() {
    return repo.query(SESSION, List.of(), Session::read).get(0);
  }

  private Session springSession() {
    return jdbc.queryForObject(SESSION, (row, n) -> Session.read(row));
  }

  private NoteStruct writeWithEcto(String body) {
    return repo.insertOrThrow(new NoteStruct().withBody(body));
  }

  private int writeWithJdbc(String body) {
    return jdbc.update("INSERT INTO notes (body) VALUES (?)", body);
  }

  private String show(String setting) {
    return repo.query("SHOW " + setting, List.of(), row -> row.getString(1)).get(0);
  }

  /** Raises a serialization failure (SQLSTATE 40001), as a conflicting SERIALIZABLE transaction would. */
  private <T> T serializationFailure() {
    repo.query("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$", List.of(), row -> null);
    throw new AssertionError("the server raised nothing");
  }

  /** What the database committed, read on a connection of the test's own. */
  private static List<String> committed() throws SQLException {
    List<String> bodies = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT body FROM notes ORDER BY id")) {
      while (rows.next()) {
        bodies.add(rows.getString(1));
      }
    }
    return bodies;
  }

  /** A SpringSide call inside a transaction body, which may not throw checked exceptions. */
  private static <T> T call(SpringSide.Work<T> work) {
    try {
      return work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws a checked exception where the compiler does not expect one, as Lombok's @SneakyThrows does. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Recording {
    @Bean
    Events events() {
      return new Events();
    }
  }

  /** The begin, commit and rollback events the repo tells its listeners. */
  static class Events implements QueryListener {
    final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onQuery(QueryEvent event) {
      if (List.of("begin", "commit", "rollback").contains(event.sql())) {
        sql.add(event.sql());
      }
    }
  }
}
