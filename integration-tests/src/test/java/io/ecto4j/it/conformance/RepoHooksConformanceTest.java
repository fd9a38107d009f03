package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.EmbedAuthorStruct;
import io.ecto4j.it.schemas.EmbedAuthors;
import io.ecto4j.it.schemas.EmbedPostStruct;
import io.ecto4j.it.schemas.EmbedProfileStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.RpWritableStruct;
import io.ecto4j.it.schemas.RpWritables;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.Result;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's repo_test.exs on what runs around a write or a read: prepare steps in a transaction (and
 * none without them), what aggregate and exists make of a query's prefix, selection and unions,
 * the warning of a dropped unwritable change, insertAll with embeds, and checkout.
 */
@EctoTest
class RepoHooksConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute(RpWritables.DDL);
    db.execute(EmbedAuthors.DDL);
  }

  private static Repo recording(Repo repo, List<String> sql) {
    return repo.withListener(event -> sql.add(event.sql()));
  }

  private static PostStruct post(String title) {
    return new PostStruct().withTitle(title).withBody("body");
  }

  private static <S extends io.ecto4j.meta.Struct<S>> Changeset<S> counted(Changeset<S> changeset, AtomicInteger runs) {
    return changeset.prepareChanges(c -> {
      runs.incrementAndGet();
      return c;
    });
  }

  /**
   * Ports repo_test.exs "does not run transaction without prepare", and "insert/update/delete runs
   * prepare callbacks in transaction": a plain write is one statement, one with a prepare step runs
   * the step in a transaction.
   */
  @Test
  void prepareStepsRunInATransactionAndPlainWritesInNone(Repo repo) {
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    PostStruct plain = recorded.insertOrThrow(post("plain"));
    assertThat(sql).singleElement().asString().startsWith("INSERT");
    AtomicInteger runs = new AtomicInteger();
    sql.clear();
    PostStruct prepared = recorded.insertOrThrow(counted(Changeset.change(post("prepared")), runs));
    assertThat(sql).first().asString().isEqualToIgnoringCase("begin");
    sql.clear();
    recorded.updateOrThrow(counted(Changeset.change(prepared).putChange(Posts.TITLE, "changed"), runs));
    assertThat(sql).first().asString().isEqualToIgnoringCase("begin");
    sql.clear();
    recorded.delete(counted(Changeset.change(prepared), runs)).orElseThrow();
    assertThat(sql).first().asString().isEqualToIgnoringCase("begin");
    assertThat(runs).hasValue(3);
    repo.deleteOrThrow(plain);
  }

  private static UnaryOperator<Changeset<PostStruct>> stop() {
    return c -> c.addError(Posts.TITLE, "stop");
  }

  private static UnaryOperator<Changeset<PostStruct>> invalidChild() {
    return c -> c.putAssoc(Posts.COMMENTS, List.of(Changeset.change(new CommentStruct().withBody("one"))
        .addError(Comments.BODY, "stop")));
  }

  private static void assertChildStopped(Changeset<PostStruct> failed) {
    assertThat(failed.getAssoc(Posts.COMMENTS)).singleElement()
        .satisfies(child -> assertThat(child.traverseErrors()).containsEntry("body", List.of("stop")));
  }

  /**
   * Ports repo_test.exs "insert/update/delete with prepare_changes that returns invalid changeset"
   * and "… invalid children changeset": the write returns the changeset the steps made, nothing written.
   */
  @Test
  void prepareStepsThatInvalidateTheChangesetOrAChild(Repo repo) {
    PostStruct stored = repo.insertOrThrow(post("stored"));
    assertThat(repo.insert(Changeset.change(post("x")).prepareChanges(stop())).err().orElseThrow()
        .traverseErrors()).containsEntry("title", List.of("stop"));
    assertThat(repo.update(Changeset.change(stored).putChange(Posts.TITLE, "y").prepareChanges(stop())).err()
        .orElseThrow().traverseErrors()).containsEntry("title", List.of("stop"));
    assertThat(repo.delete(Changeset.change(stored).prepareChanges(stop())).err().orElseThrow()
        .traverseErrors()).containsEntry("title", List.of("stop"));
    assertChildStopped(repo.insert(Changeset.change(post("x")).prepareChanges(invalidChild())).err().orElseThrow());
    PostStruct loaded = repo.preload(stored, Posts.COMMENTS);
    assertChildStopped(repo.update(Changeset.change(loaded).putChange(Posts.TITLE, "y")
        .prepareChanges(invalidChild())).err().orElseThrow());
    assertChildStopped(repo.delete(Changeset.change(loaded).prepareChanges(invalidChild())).err().orElseThrow());
    assertThat(repo.all(Posts.query())).containsExactly(stored);
    assertThat(repo.all(Comments.query())).isEmpty();
    repo.deleteOrThrow(stored);
  }

  /**
   * Ports repo_test.exs "insert/update with prepare_changes that returns invalid parent changeset":
   * a parent put by a prepare step, invalid by its own prepare step or by an error, fails the write.
   */
  @Test
  void prepareStepsThatPutAnInvalidParent(Repo repo) {
    PostStruct post = repo.insertOrThrow(post("parent"));
    UnaryOperator<Changeset<CommentStruct>> parentStopsItself = c -> c.putAssoc(Comments.POST,
        Changeset.change(post("new parent")).prepareChanges(stop()));
    Changeset<CommentStruct> failed = repo.insert(Changeset.change(new CommentStruct().withBody("c"))
        .prepareChanges(parentStopsItself)).err().orElseThrow();
    assertThat(failed.getAssoc(Comments.POST)).singleElement()
        .satisfies(parent -> assertThat(parent.traverseErrors()).containsEntry("title", List.of("stop")));
    UnaryOperator<Changeset<CommentStruct>> invalidParent = c -> c.putAssoc(Comments.POST,
        Changeset.change(post("new parent")).addError(Posts.TITLE, "stop"));
    CommentStruct orphan = repo.insertOrThrow(new CommentStruct().withBody("c"));
    Changeset<CommentStruct> updateFailed = repo.update(Changeset.change(repo.preload(orphan, Comments.POST))
        .putChange(Comments.BODY, "d").prepareChanges(invalidParent)).err().orElseThrow();
    assertThat(updateFailed.getAssoc(Comments.POST)).singleElement()
        .satisfies(parent -> assertThat(parent.traverseErrors()).containsEntry("title", List.of("stop")));
    assertThat(repo.all(Posts.query())).containsExactly(post);
    assertThat(repo.reloadOrThrow(orphan).body()).isEqualTo("c");
    repo.deleteAll(Comments.query());
    repo.deleteOrThrow(post);
  }

  /**
   * Ports repo_test.exs "aggregate/3 respects parent query prefix", "aggregate/4 …", "overrides any
   * select" (aggregate and exists) and planner_test.exs "normalizes prefixes for combinations": a
   * limited query is aggregated as a subquery that keeps its prefix; a query's own selection gives
   * way to the aggregate's and to exists' {@code 1}; each side of a union keeps its prefix.
   */
  @Test
  void aggregateAndExistsKeepPrefixesAndReplaceSelections(Repo repo) {
    repo.deleteAll(Comments.query());
    repo.deleteAll(Posts.query());
    repo.insertOrThrow(post("one"));
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    Query<PostStruct> limited = Posts.query().prefix("public").limit(1);
    assertThat(recorded.aggregate(limited, Aggregate.count())).isEqualTo(1L);
    assertThat(recorded.aggregate(limited, Aggregate.count(Posts.ID))).isEqualTo(1L);
    assertThat(sql).hasSize(2).allSatisfy(s -> assertThat(s).contains("FROM (SELECT").contains("\"public\".\"posts\""));
    sql.clear();
    assertThat(recorded.aggregate(Posts.query().select(Posts.TITLE), Aggregate.count(Posts.ID))).isEqualTo(1L);
    assertThat(recorded.exists(Posts.query().select(Posts.TITLE))).isTrue();
    assertThat(recorded.exists(Posts.query().union(Posts.query()))).isTrue();
    assertThat(sql).hasSize(3);
    assertThat(sql.get(0)).doesNotContain("\"title\"");
    assertThat(sql.get(1)).doesNotContain("\"title\"");

    Query<PostStruct> union = Posts.query().prefix("local").union(Posts.query());
    assertThat(repo.withPrefix("global").toSql(union).text())
        .contains("\"local\".\"posts\"").contains("\"global\".\"posts\"");
    assertThat(Posts.query().prefix("local").union(Posts.query().prefix("union")).toSql().text())
        .contains("\"local\".\"posts\"").contains("\"union\".\"posts\"");
    repo.deleteAll(Posts.query());
  }

  /** Runs {@code body} with System.err captured (slf4j-simple writes there) and returns what was written. */
  private static String stderrOf(Runnable body) {
    try {
      // Its logger made before the capture: SLF4J's first loggers may replay their events later.
      Class.forName("io.ecto4j.repo.Writability", true, Repo.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /**
   * Ports repo_test.exs "writable field option / update with on_writable_violation: :warn …",
   * "insert with on_writable_violation: :warn …" and "insert with surfaced changes and
   * on_writable_violation: :warn …": the change that may not be written is dropped, the others
   * written, and a warning names the field.
   */
  @Test
  void writableViolationsThatWarnAreLogged(Repo repo) {
    // The default-query-log execution's JVM (see the pom) sends slf4j-simple to a file instead.
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile", "System.err");
    org.junit.jupiter.api.Assumptions.assumeTrue(logFile.equals("System.err"), "slf4j-simple logs to " + logFile);
    String insertLog = stderrOf(() -> {
      RpWritableStruct inserted = repo.insertOrThrow(Changeset.change(new RpWritableStruct())
          .putChange(RpWritables.ALWAYS, 1).putChange(RpWritables.INSERT_ONLY, 2).putChange(RpWritables.NEVER, 3));
      assertThat(repo.reloadOrThrow(inserted)).extracting(RpWritableStruct::always, RpWritableStruct::insertOnly,
          RpWritableStruct::never).containsExactly(1, 2, null);
    });
    assertThat(insertLog).contains("io.ecto4j.repo.Writability")
        .contains("you are attempting to write to the field RpWritable.never").contains("during an insert");

    String surfacedLog = stderrOf(() -> {
      RpWritableStruct inserted = repo.insertOrThrow(new RpWritableStruct().withAlways(10).withInsertOnly(12)
          .withNever(11));
      assertThat(repo.reloadOrThrow(inserted).never()).isNull();
      assertThat(repo.reloadOrThrow(inserted).insertOnly()).isEqualTo(12);
    });
    assertThat(surfacedLog).contains("RpWritable.never").contains("during an insert");

    RpWritableStruct stored = repo.insertOrThrow(new RpWritableStruct().withAlways(1).withInsertOnly(2));
    String updateLog = stderrOf(() -> {
      RpWritableStruct updated = repo.updateOrThrow(Changeset.change(stored).putChange(RpWritables.ALWAYS, 5)
          .putChange(RpWritables.INSERT_ONLY, 6).putChange(RpWritables.NEVER, 7));
      assertThat(repo.reloadOrThrow(updated)).extracting(RpWritableStruct::always, RpWritableStruct::insertOnly,
          RpWritableStruct::never).containsExactly(5, 2, null);
    });
    assertThat(updateLog).contains("RpWritable.insertOnly").contains("RpWritable.never").contains("during an update");
  }

  /** Ports repo_test.exs "insert_all with an embeds_one field" and "… with an embeds_many field". */
  @Test
  void insertAllWritesEmbeds(Repo repo) {
    EmbedAuthorStruct author = new EmbedAuthorStruct().withName("a")
        .withProfile(new EmbedProfileStruct().withName("x"))
        .withPosts(List.of(new EmbedPostStruct().withTitle("x")));
    assertThat(repo.insertAll(EmbedAuthors.SCHEMA, List.of(author))).isEqualTo(1);
    EmbedAuthorStruct read = repo.oneOrThrow(EmbedAuthors.query());
    assertThat(read.profile().name()).isEqualTo("x");
    assertThat(read.posts()).singleElement().satisfies(p -> assertThat(p.title()).isEqualTo("x"));
    assertThat(repo.query("SELECT profile->>'name', posts->0->>'title' FROM embed_authors", List.of(),
        row -> row.getString(1) + "," + row.getString(2))).containsExactly("x,x");
  }

  /** Ports repo_test.exs "checkout checks out a connection": the statements of the body share one connection. */
  @Test
  void checkoutRunsItsBodyOnOneConnection(TestDatabase db) {
    AtomicInteger borrowed = new AtomicInteger();
    Repo repo = CountingRepos.counting(db, borrowed);
    int[] inside = new int[2];
    repo.checkout(() -> {
      assertThat(repo.checkedOut()).isTrue();
      repo.all(Posts.query());
      inside[0] = borrowed.get();
      repo.all(Posts.query());
      inside[1] = borrowed.get();
      return null;
    });
    assertThat(inside[0]).isEqualTo(1);
    assertThat(inside[1]).isEqualTo(1);
    assertThat(repo.checkedOut()).isFalse();
  }

  /**
   * Ports repo_test.exs "prepare_transaction / transaction": the repo's hook adjusts the options of
   * every transaction it opens ({@code transaction}, {@code transact}, a Multi's), seeing those the
   * call gave; PostgreSQL runs it at the isolation level the hook chose.
   */
  @Test
  void prepareTransactionAdjustsTheOptionsOfEveryTransaction(Repo repo) {
    List<TransactionOptions> seen = new ArrayList<>();
    Repo serializable = repo.withTransactionPreparer(options -> {
      seen.add(options);
      return options.isolation(TransactionOptions.Isolation.SERIALIZABLE);
    });
    String show = "SHOW transaction_isolation";
    assertThat(serializable.transaction(tx -> serializable.query(show, List.of(), row -> row.getString(1))))
        .isEqualTo(Result.ok(List.of("serializable")));
    TransactionOptions readOnly = TransactionOptions.defaults().readOnly();
    assertThat(serializable.transact(readOnly, () -> Result.ok(serializable.query(show, List.of(),
        row -> row.getString(1))))).isEqualTo(Result.ok(List.of("serializable")));
    assertThat(serializable.transaction(Multi.create().run(Key.<List<String>>named("level"), (r, changes) ->
        Result.ok(r.query(show, List.of(), row -> row.getString(1)))))).isInstanceOf(Result.Ok.class);
    assertThat(seen).hasSize(3).element(1).isSameAs(readOnly);
    assertThat(repo.transaction(tx -> repo.query(show, List.of(), row -> row.getString(1))))
        .isEqualTo(Result.ok(List.of("read committed")));
  }
}
