package io.ecto4j.it.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SettingStruct;
import io.ecto4j.it.schemas.Settings;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.repo.InvalidChangesetException;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.StaleEntryException;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repo.insert/update/delete with Ecto's semantics: RETURNING, changed columns only, stale entries. */
@EctoTest(sandbox = true)
class RepoWriteTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");
  private static final Instant T1 = Instant.parse("2026-11-23T11:30:00.654321Z");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static PostStruct draft() {
    return new PostStruct().withTitle("Hello World").withBody("A first post body");
  }

  @Test
  void insertReturnsKeyDefaultsAndTimestamps(Repo repo) {
    PostStruct post = repo.withClock(Clock.fixed(T0, ZoneOffset.UTC)).insertOrThrow(draft());
    assertThat(post.id()).isPositive();
    assertThat(post.published()).isFalse();
    assertThat(post.viewCount()).isZero();
    assertThat(post.insertedAt()).isEqualTo(T0);
    assertThat(post.updatedAt()).isEqualTo(T0);
    assertThat(repo.getOrThrow(Posts.SCHEMA, post.id())).isEqualTo(post);
  }

  @Test
  void insertOfAChangesetAppliesItsChanges(Repo repo) {
    Changeset<PostStruct> changeset = Changeset.change(draft()).putChange(Posts.VIEW_COUNT, 7);
    Result<PostStruct, Changeset<PostStruct>> result = repo.insert(changeset);
    assertThat(result.isOk()).isTrue();
    assertThat(result.orElseThrow().viewCount()).isEqualTo(7);
  }

  @Test
  void insertWithAGivenKeyKeepsIt(Repo repo) {
    PostStruct post = repo.insertOrThrow(draft().withId(424_242L));
    assertThat(post.id()).isEqualTo(424_242L);
  }

  @Test
  void virtualFieldsSurviveTheRoundTripButAreNotStored(Repo repo, DataSource dataSource) throws SQLException {
    UserStruct user = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com")
        .withPassword("secret-password"));
    assertThat(user.password()).isEqualTo("secret-password");
    assertThat(repo.getOrThrow(Users.SCHEMA, user.id()).password()).isNull();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'users'")) {
      StringBuilder columns = new StringBuilder();
      while (rows.next()) {
        columns.append(rows.getString(1)).append(' ');
      }
      assertThat(columns.toString()).contains("password_hash").doesNotContain("password ");
    }
  }

  /** A struct in one expression: the builder starts from the declared defaults and sets what is named. */
  @Test
  void aStructBuiltInOneExpressionIsInserted(Repo repo) {
    PostStruct built = PostStruct.builder().title("Built").body("in one expression").viewCount(7).build();
    assertThat(built.published()).as("a declared default").isFalse();

    PostStruct stored = repo.insertOrThrow(built);

    assertThat(repo.getOrThrow(Posts.SCHEMA, stored.id())).extracting(PostStruct::title, PostStruct::viewCount)
        .containsExactly("Built", 7);
  }

  @Test
  void invalidChangesetIsNotWritten(Repo repo) {
    Changeset<PostStruct> invalid = Changeset.change(draft()).addError(Posts.TITLE, "is bad");
    Result<PostStruct, Changeset<PostStruct>> result = repo.insert(invalid);
    assertThat(result.isErr()).isTrue();
    Changeset<PostStruct> returned = result.error();
    assertThat(returned.action()).contains(Changeset.Action.INSERT);
    assertThat(repo.all(Posts.SCHEMA)).isEmpty();
    assertThatThrownBy(result::orElseThrow)
        .isInstanceOf(InvalidChangesetException.class)
        .hasMessageContaining("title: is bad");
    assertThatThrownBy(() -> repo.insertOrThrow(invalid))
        .isInstanceOf(InvalidChangesetException.class)
        .hasMessageContaining("could not perform insert because the Post changeset is invalid")
        .hasMessageContaining("title: is bad");
  }

  @Test
  void updateWritesOnlyTheChangedColumnsAndTouchesUpdatedAt(Repo repo, DataSource dataSource) throws SQLException {
    PostStruct post = repo.withClock(Clock.fixed(T0, ZoneOffset.UTC)).insertOrThrow(draft());
    execute(dataSource, "UPDATE posts SET body = 'edited by someone else' WHERE id = " + post.id());

    PostStruct updated = repo.withClock(Clock.fixed(T1, ZoneOffset.UTC))
        .updateOrThrow(Changeset.change(post).putChange(Posts.TITLE, "Hello again"));

    assertThat(updated.title()).isEqualTo("Hello again");
    assertThat(updated.body()).isEqualTo("edited by someone else");
    assertThat(updated.insertedAt()).isEqualTo(T0);
    assertThat(updated.updatedAt()).isEqualTo(T1);
  }

  @Test
  void updateWithoutChangesRunsNoStatement(Repo repo, DataSource dataSource) throws SQLException {
    PostStruct post = repo.insertOrThrow(draft());
    execute(dataSource, "DELETE FROM posts WHERE id = " + post.id());

    // Were any statement run, the missing row would make it a stale update.
    assertThat(repo.update(Changeset.change(post))).isEqualTo(Result.ok(post));
    assertThat(repo.update(Changeset.change(post).putChange(Posts.TITLE, post.title()))).isEqualTo(Result.ok(post));
  }

  @Test
  void updateOfAVirtualFieldOnlyRunsNoStatement(Repo repo, DataSource dataSource) throws SQLException {
    UserStruct user = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    execute(dataSource, "DELETE FROM users WHERE id = " + user.id());
    UserStruct updated = repo.updateOrThrow(Changeset.change(user).putChange(Users.PASSWORD, "new-password"));
    assertThat(updated.password()).isEqualTo("new-password");
  }

  @Test
  void updateOfAGoneRowIsStale(Repo repo, DataSource dataSource) throws SQLException {
    PostStruct post = repo.insertOrThrow(draft());
    execute(dataSource, "DELETE FROM posts WHERE id = " + post.id());
    assertThatThrownBy(() -> repo.update(Changeset.change(post).putChange(Posts.TITLE, "Too late")))
        .isInstanceOf(StaleEntryException.class)
        .hasMessage("attempted to update a stale struct: no Post with id = " + post.id()
            + " exists in table \"posts\" any more");
  }

  @Test
  void invalidUpdateReturnsTheChangesetWithItsAction(Repo repo) {
    PostStruct post = repo.insertOrThrow(draft());
    var result = repo.update(Changeset.change(post).putChange(Posts.TITLE, "x").addError(Posts.TITLE, "too short"));
    assertThat(result.isErr()).isTrue();
    assertThat(repo.getOrThrow(Posts.SCHEMA, post.id()).title()).isEqualTo("Hello World");
  }

  @Test
  void deleteRemovesTheRowAndReturnsIt(Repo repo) {
    PostStruct post = repo.insertOrThrow(draft());
    assertThat(repo.delete(post)).isEqualTo(Result.ok(post));
    assertThat(repo.get(Posts.SCHEMA, post.id())).isEmpty();
  }

  @Test
  void deleteOfAGoneRowIsStale(Repo repo) {
    PostStruct post = repo.insertOrThrow(draft());
    repo.deleteOrThrow(post);
    assertThatThrownBy(() -> repo.delete(post))
        .isInstanceOf(StaleEntryException.class)
        .hasMessageContaining("attempted to delete a stale struct: no Post with id = " + post.id());
  }

  @Test
  void structsWithoutAKeyCanBeInsertedButNotFetchedById(Repo repo) {
    SettingStruct setting = repo.insertOrThrow(new SettingStruct().withKey("dark_mode"));
    assertThat(setting.value()).isEqualTo("on");
    assertThat(repo.all(Settings.SCHEMA)).containsExactly(setting);
    assertThatThrownBy(() -> repo.get(Settings.SCHEMA, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table \"settings\" has no primary key");
    assertThatThrownBy(() -> repo.delete(setting))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot delete a Setting");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "fails without primary key value": update (forced, with
   * changes, without changes) and delete of a struct whose key is null raise with Ecto's
   * {@code NoPrimaryKeyValueError} wording first, ecto4j's hint after.
   */
  @Test
  void keysOfUnsavedStructsAreRefused(Repo repo) {
    String missing = "struct `Post` is missing primary key value: cannot ";
    String hint = " a Post whose primary key id is null; was it inserted?";
    assertThatThrownBy(() -> repo.delete(draft()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(missing + "delete" + hint);
    assertThatThrownBy(() -> repo.update(Changeset.change(draft()), WriteOptions.defaults().force()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(missing + "update" + hint);
    assertThatThrownBy(() -> repo.update(Changeset.change(draft()).putChange(Posts.TITLE, "changed")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(missing + "update" + hint);
    assertThatThrownBy(() -> repo.update(Changeset.change(draft())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(missing + "update" + hint);
  }

  @Test
  void databaseErrorsNameTheStatement(Repo repo) {
    // email is NOT NULL
    assertThatThrownBy(() -> repo.insert(new UserStruct().withName("No email")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("null value in column \"email\"")
        .hasMessageContaining("SQLSTATE 23502")
        .hasMessageContaining("INSERT INTO \"users\"");
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
