package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.EmbedAuthorStruct;
import io.ecto4j.it.schemas.EmbedAuthors;
import io.ecto4j.it.schemas.EmbedPost;
import io.ecto4j.it.schemas.EmbedPostStruct;
import io.ecto4j.it.schemas.EmbedPosts;
import io.ecto4j.it.schemas.EmbedProfile;
import io.ecto4j.it.schemas.EmbedProfileStruct;
import io.ecto4j.query.OnConflict;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** repo_test.exs on embeds written with their parent: what insert surfaces, prepare steps, upserts. */
@EctoTest(sandbox = true)
class EmbedWritesConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(EmbedAuthors.DDL);
  }

  /**
   * Ports repo_test.exs "changeset operations / insert surfaces embed fields": the embeds already on
   * the data, merged with the cast params (matched by id), are what the insert writes and returns.
   */
  @Test
  void insertSurfacesEmbedFields(Repo repo) {
    UUID profileId = UUID.randomUUID();
    EmbedAuthorStruct withProfile = new EmbedAuthorStruct().withProfile(new EmbedProfileStruct().withId(profileId)
        .withName("old"));
    EmbedAuthorStruct inserted = repo.insertOrThrow(Changeset.cast(withProfile, Map.of("profile", Map.of("name", "new")))
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::optionalChangeset));
    assertThat(inserted.profile().name()).isEqualTo("new");
    assertThat(inserted.profile().id()).isNotNull();

    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    EmbedAuthorStruct withPosts = new EmbedAuthorStruct().withPosts(List.of(
        new EmbedPostStruct().withId(first).withTitle("old 1").withPosition(1),
        new EmbedPostStruct().withId(second).withTitle("old 2")));
    EmbedAuthorStruct many = repo.insertOrThrow(Changeset.cast(withPosts,
            Map.of("posts", List.of(Map.of("id", first.toString(), "title", "new 1"), Map.of())))
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::optionalChangeset));
    assertThat(many.posts()).hasSize(2);
    assertThat(many.posts().get(0)).extracting(EmbedPost::id, EmbedPost::title, EmbedPost::position)
        .containsExactly(first, "new 1", 1);
    assertThat(many.posts().get(1).title()).isNull();
    assertThat(many.posts().get(1).id()).isNotNull().isNotEqualTo(second);
    assertThat(repo.getOrThrow(EmbedAuthors.SCHEMA, many.id()).posts()).isEqualTo(many.posts());
  }

  /**
   * Ports repo_test.exs "changeset prepare / on embeds": an embedded changeset's prepare steps run,
   * in order, in the transaction of the parent's write, and what they change is written.
   */
  @Test
  void prepareStepsOfEmbedsRunWithTheParentsWrite(Repo repo) {
    AtomicInteger counter = new AtomicInteger();
    List<Boolean> inTransaction = new ArrayList<>();
    Changeset<EmbedPostStruct> post = Changeset.cast(new EmbedPostStruct(), Map.of("title", "one"), EmbedPosts.TITLE)
        .prepareChanges(cs -> {
          inTransaction.add(repo.inTransaction());
          counter.set(1);
          return cs;
        })
        .prepareChanges(cs -> {
          assertThat(counter.get()).isEqualTo(1);
          counter.set(2);
          return cs.updateChange(EmbedPosts.TITLE, String::toUpperCase);
        });
    EmbedAuthorStruct inserted = repo.insertOrThrow(Changeset.change(new EmbedAuthorStruct().withName("a"))
        .putEmbed(EmbedAuthors.POSTS, List.of(post)));
    assertThat(inserted.posts()).extracting(EmbedPost::title).containsExactly("ONE");
    assertThat(repo.getOrThrow(EmbedAuthors.SCHEMA, inserted.id()).posts()).extracting(EmbedPost::title)
        .containsExactly("ONE");
    assertThat(counter.get()).isEqualTo(2);
    assertThat(inTransaction).containsExactly(true);
  }

  /**
   * Ports repo_test.exs "on conflict / passes all fields+embeds on replace_all": the embed columns
   * are replaced with the others.
   */
  @Test
  void replaceAllReplacesTheEmbedColumns(Repo repo) {
    EmbedAuthorStruct first = repo.insertOrThrow(new EmbedAuthorStruct().withName("a")
        .withProfile(new EmbedProfileStruct().withName("before"))
        .withPosts(List.of(new EmbedPostStruct().withTitle("before"))));
    List<QueryEvent> events = new ArrayList<>();
    EmbedAuthorStruct again = new EmbedAuthorStruct().withId(first.id()).withName("b")
        .withProfile(new EmbedProfileStruct().withName("after"))
        .withPosts(List.of(new EmbedPostStruct().withTitle("after 1"), new EmbedPostStruct().withTitle("after 2")));
    repo.withListener(events::add).insertOrThrow(again, WriteOptions.defaults()
        .onConflict(OnConflict.replaceAll().target(EmbedAuthors.ID)));
    String sql = events.get(events.size() - 1).sql();
    assertThat(sql.substring(sql.indexOf("DO UPDATE SET"))).contains("\"name\" = EXCLUDED.\"name\"",
        "\"profile\" = EXCLUDED.\"profile\"", "\"posts\" = EXCLUDED.\"posts\"", "\"raise_posts\" = EXCLUDED.\"raise_posts\"");
    EmbedAuthorStruct stored = repo.getOrThrow(EmbedAuthors.SCHEMA, first.id());
    assertThat(stored.name()).isEqualTo("b");
    assertThat(stored.profile().name()).isEqualTo("after");
    assertThat(stored.posts()).extracting(EmbedPost::title).containsExactly("after 1", "after 2");
  }
}
