package io.ecto4j.it.transaction;

import static io.ecto4j.it.schemas.LibrarySchema.author;
import static io.ecto4j.it.schemas.LibrarySchema.authors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Transaction;
import io.ecto4j.repo.TransactionRolledBackException;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write whose changeset declares constraints runs, inside a transaction, in a savepoint of its
 * own so that a violation becomes {@code Err} and the transaction goes on; that savepoint costs no
 * round trip of its own. Counted here as the flushes pgjdbc makes to its socket, one per round
 * trip (messages it sends together, as {@code SAVEPOINT}, the statement and {@code RELEASE}, go in
 * one flush with one {@code Sync}).
 */
@EctoTest
class ConstraintRoundTripsTest {
  private static Repo counted;

  /** pgjdbc's {@code socketFactory}: sockets whose flushes to the server are counted. */
  public static final class CountingSockets extends SocketFactory {
    /**
     * The flushes of the thread that runs the statements: HikariCP's own thread opening the pool's
     * second connection meanwhile flushes too, and is not the write's round trip.
     */
    static final AtomicLong FLUSHES = new AtomicLong();
    static volatile Thread counted;
    /** Whether a {@code SAVEPOINT} went out since {@link #forgetSavepoints}. */
    static final AtomicBoolean SAVEPOINT_SENT = new AtomicBoolean();
    private static final byte[] SAVEPOINT = "SAVEPOINT".getBytes(StandardCharsets.US_ASCII);

    static void forgetSavepoints() {
      SAVEPOINT_SENT.set(false);
    }

    private static boolean contains(byte[] bytes, int offset, int length, byte[] word) {
      for (int i = offset; i + word.length <= offset + length; i++) {
        if (Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Socket createSocket() {
      return new Socket() {
        private OutputStream counting;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
          if (counting == null) {
            counting = new FilterOutputStream(super.getOutputStream()) {
              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                if (contains(bytes, offset, length, SAVEPOINT)) {
                  SAVEPOINT_SENT.set(true);
                }
                out.write(bytes, offset, length);
              }

              @Override
              public void flush() throws IOException {
                if (Thread.currentThread() == counted) {
                  FLUSHES.incrementAndGet();
                }
                super.flush();
              }
            };
          }
          return counting;
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("pgjdbc creates unconnected sockets");
    }
  }

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    LibrarySchema.create(db);
    String url = db.jdbcUrl();
    counted = Repo.builder().url(url + (url.contains("?") ? "&" : "?") + "socketFactory=" + CountingSockets.class.getName())
        .username(db.user()).password(db.password()).maximumPoolSize(2).build();
  }

  @AfterAll
  static void close() {
    counted.close();
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    LibrarySchema.truncate(db);
  }

  private static Changeset<AuthorStruct> withEmail(String name, String email) {
    return Changeset.change(author(name).withEmail(email)).uniqueConstraint(Authors.EMAIL);
  }

  /** The round trips {@code work} makes inside a transaction whose BEGIN went out with an earlier statement. */
  private static <T> long roundTrips(Supplier<T> work) {
    CountingSockets.counted = Thread.currentThread();
    long before = CountingSockets.FLUSHES.get();
    work.get();
    return CountingSockets.FLUSHES.get() - before;
  }

  @Test
  void aWriteWithDeclaredConstraintsInATransactionCostsOneRoundTrip() {
    List<Long> trips = counted.transaction(tx -> {
      counted.query("SELECT 1", List.of(), row -> row.getInt(1)); // carries the BEGIN
      long plain = roundTrips(() -> counted.insertOrThrow(author("Plain")));
      long guarded = roundTrips(() -> counted.insertOrThrow(withEmail("Ada", "ada@example.com")));
      AuthorStruct ada = counted.getBy(Authors.EMAIL, "ada@example.com").orElseThrow();
      long update = roundTrips(() -> counted.updateOrThrow(Changeset.change(ada, Map.of(Authors.NAME, "Ada L"))
          .uniqueConstraint(Authors.EMAIL)));
      long delete = roundTrips(() -> counted.delete(Changeset.change(ada).uniqueConstraint(Authors.EMAIL)).orElseThrow());
      return List.of(plain, guarded, update, delete);
    }).orElseThrow();
    assertThat(trips).as("without constraints, insert, update and delete with them").containsExactly(1L, 1L, 1L, 1L);
  }

  @Test
  void aViolationCostsOneMoreRoundTripAndTheTransactionGoesOn() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    Result<Long, Object> trips = counted.transaction(tx -> {
      counted.query("SELECT 1", List.of(), row -> row.getInt(1));
      Result<AuthorStruct, Changeset<AuthorStruct>> clash = counted.insert(withEmail("Ada 2", "ada@example.com"));
      assertThat(clash.isErr()).isTrue();
      long failed = roundTrips(() -> counted.insert(withEmail("Ada 3", "ada@example.com")));
      counted.insertOrThrow(withEmail("Grace", "grace@example.com"));
      return failed;
    });
    assertThat(trips.orElseThrow()).as("the statement, then ROLLBACK TO and RELEASE together").isEqualTo(2L);
    assertThat(counted.all(Authors.query().orderBy(Authors.ID.asc()))).extracting(AuthorStruct::name)
        .containsExactly("Ada", "Grace");
    assertThat(authors(counted)).isEqualTo(2);
  }

  @Test
  void theViolationIsTheChangesetsErrorAsOutsideATransaction() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    Changeset<AuthorStruct> inside = counted.transaction(tx -> counted.insert(withEmail("Ada 2", "ada@example.com")))
        .orElseThrow().err().orElseThrow();
    Changeset<AuthorStruct> outside = counted.insert(withEmail("Ada 2", "ada@example.com")).err().orElseThrow();
    assertThat(inside.errors()).isEqualTo(outside.errors()).containsExactly(new ChangesetError("email",
        "has already been taken", Map.of("constraint", "unique", "constraint_name", "authors_email_index")));
  }

  private static final Key<AuthorStruct> GRACE = Key.named("grace");
  private static final Key<AuthorStruct> CLASH = Key.named("clash");
  private static final Key<Boolean> TRIED = Key.named("tried");

  @Test
  void aMultisOwnStepWritesWithoutASavepointAndItsViolationRollsTheMultiBack() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    CountingSockets.forgetSavepoints();
    Result<Changes, MultiFailure> outcome = counted.transaction(Multi.create()
        .insert(GRACE, withEmail("Grace", "grace@example.com"))
        .insert(CLASH, withEmail("Ada 2", "ada@example.com")));
    assertThat(CountingSockets.SAVEPOINT_SENT).as("a failed step ends the Multi: nothing to go on with").isFalse();
    MultiFailure failure = outcome.err().orElseThrow();
    assertThat(failure.step()).isEqualTo(CLASH);
    assertThat(failure.changeset(CLASH).orElseThrow().errors()).containsExactly(new ChangesetError("email",
        "has already been taken", Map.of("constraint", "unique", "constraint_name", "authors_email_index")));
    assertThat(counted.all(Authors.query())).extracting(AuthorStruct::name).containsExactly("Ada");
  }

  @Test
  void aWriteOfTheCallersOwnInsideAMultiRunStepKeepsItsSavepoint() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    CountingSockets.forgetSavepoints();
    Changes changes = counted.transaction(Multi.create()
        .run(TRIED, (repo, soFar) -> Result.ok(repo.insert(withEmail("Ada 2", "ada@example.com")).isErr()))
        .insert(GRACE, withEmail("Grace", "grace@example.com"))).orElseThrow();
    assertThat(changes.get(TRIED)).as("the step saw the violation as Err").isTrue();
    assertThat(CountingSockets.SAVEPOINT_SENT).isTrue();
    assertThat(counted.all(Authors.query().orderBy(Authors.ID.asc()))).extracting(AuthorStruct::name)
        .containsExactly("Ada", "Grace");
  }

  /**
   * Why a Multi's steps need no savepoint: its failure dooms the transaction it joined, even inside
   * a savepoint, so no statement runs in the transaction its failed step aborted; the next one is
   * refused by the repo, naming the Multi's failure, not by PostgreSQL.
   */
  @Test
  void aFailedMultiDoomsTheTransactionItJoinedSoNothingRunsAfterItsAbortedStatement() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    assertThatThrownBy(() -> counted.transaction(tx -> {
      Result<Changes, MultiFailure> failed = counted.savepoint((Transaction<MultiFailure> sp) -> {
        Result<Changes, MultiFailure> multi = counted.transaction(Multi.create()
            .insert(CLASH, withEmail("Ada 2", "ada@example.com")));
        return multi.isErr() ? sp.rollback(multi.err().orElseThrow()) : multi.orElseThrow();
      });
      assertThat(failed.isErr()).isTrue();
      return counted.insertOrThrow(withEmail("Grace", "grace@example.com"));
    })).isInstanceOf(TransactionRolledBackException.class).hasMessageContaining("step=clash");
    assertThat(counted.all(Authors.query())).extracting(AuthorStruct::name).containsExactly("Ada");
  }

  @Test
  void noStatementSavepointMakesAViolationAbortTheTransactionAsInEcto() {
    counted.insertOrThrow(author("Ada").withEmail("ada@example.com"));
    CountingSockets.forgetSavepoints();
    assertThatThrownBy(() -> counted.transaction(tx -> {
      Result<AuthorStruct, Changeset<AuthorStruct>> clash =
          counted.insert(withEmail("Ada 2", "ada@example.com"), WriteOptions.defaults().noStatementSavepoint());
      assertThat(clash.err().orElseThrow().errors()).extracting(ChangesetError::message)
          .containsExactly("has already been taken");
      return counted.insertOrThrow(author("Grace"));
    })).isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("25P02"));
    assertThat(CountingSockets.SAVEPOINT_SENT).isFalse();
    assertThat(counted.all(Authors.query())).extracting(AuthorStruct::name).containsExactly("Ada");
  }

  @Test
  void noStatementSavepointIsRefusedByInsertAll() {
    assertThatThrownBy(() -> counted.insertAll(Authors.SCHEMA, List.of(author("Ada")),
        WriteOptions.defaults().noStatementSavepoint()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the noStatementSavepoint option applies to insert, update and delete");
  }
}
