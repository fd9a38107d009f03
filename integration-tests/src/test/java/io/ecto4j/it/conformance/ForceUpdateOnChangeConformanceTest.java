package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.FucAuthorStruct;
import io.ecto4j.it.schemas.FucAuthors;
import io.ecto4j.it.schemas.FucPostStruct;
import io.ecto4j.it.schemas.FucPosts;
import io.ecto4j.it.schemas.FucProfileStruct;
import io.ecto4j.it.schemas.FucProfiles;
import io.ecto4j.meta.Association;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports Ecto's {@code force_update_on_change} tests of has_assoc_test.exs (issue #16): a change
 * {@code castAssoc} makes runs the parent's update even when none of its fields changed, so its
 * {@code updated_at} moves (Ecto's {@code repo_opts[:force]}); {@code forceUpdateOnChange = false} on
 * the association or {@code AssocOption.forceUpdateOnChange(false)} on the call leaves the parent's
 * row alone, and no change forces nothing. Ecto asserts the changeset's {@code repo_opts}; ecto4j
 * keeps the flag inside the change, so these tests assert what the repo then does.
 */
@EctoTest(sandbox = true)
class ForceUpdateOnChangeConformanceTest {
  private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(FucAuthors.DDL);
    db.execute(FucPosts.DDL);
    db.execute(FucProfiles.DDL);
  }

  /** An author stored with an old updated_at, its children loaded. */
  private static FucAuthorStruct stored(Repo repo) {
    FucAuthorStruct author = repo.insertOrThrow(new FucAuthorStruct().withName("michal").withUpdatedAt(LONG_AGO));
    return repo.preload(author, FucAuthors.PROFILE, FucAuthors.POSTS, FucAuthors.QUIET_POSTS);
  }

  private static Instant updatedAtInTheDatabase(Repo repo, FucAuthorStruct author) {
    return repo.getOrThrow(FucAuthors.SCHEMA, author.id()).updatedAt();
  }

  private static Changeset<FucProfileStruct> profile(FucProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, FucProfiles.NAME);
  }

  private static Changeset<FucPostStruct> post(FucPostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, FucPosts.TITLE);
  }

  /** Ports has_assoc_test.exs "cast has_one with `:force_update_on_change` option". */
  @Test
  void castHasOneForcesTheParentsUpdateUnlessToldNotTo(Repo repo) {
    FucAuthorStruct author = stored(repo);
    Map<String, ?> params = Map.of("profile", Map.of("name", "michal"));

    repo.updateOrThrow(Changeset.cast(author, params).castAssoc(FucAuthors.PROFILE,
        ForceUpdateOnChangeConformanceTest::profile, AssocOption.forceUpdateOnChange(false)));
    assertThat(updatedAtInTheDatabase(repo, author)).isEqualTo(LONG_AGO);

    FucAuthorStruct forced = repo.updateOrThrow(Changeset.cast(stored(repo), params)
        .castAssoc(FucAuthors.PROFILE, ForceUpdateOnChangeConformanceTest::profile));
    assertThat(forced.updatedAt()).isAfter(LONG_AGO);
    assertThat(updatedAtInTheDatabase(repo, forced)).isEqualTo(forced.updatedAt());
    assertThat(forced.profile().name()).isEqualTo("michal");

    // No param for the association is no change, and no change forces nothing.
    FucAuthorStruct unchanged = stored(repo);
    repo.updateOrThrow(Changeset.cast(unchanged, Map.of("name", "michal"))
        .castAssoc(FucAuthors.PROFILE, ForceUpdateOnChangeConformanceTest::profile, AssocOption.forceUpdateOnChange(true)));
    assertThat(updatedAtInTheDatabase(repo, unchanged)).isEqualTo(LONG_AGO);
  }

  /**
   * Ports has_assoc_test.exs "cast has_many with `:force_update_on_change` option", with the option
   * declared on the association ({@code quietPosts}) as well as given to the call.
   */
  @Test
  void castHasManyForcesTheParentsUpdateUnlessTheAssociationOrTheCallSaysNot(Repo repo) {
    Map<String, ?> posts = Map.of("posts", List.of(Map.of("title", "hello")));
    Map<String, ?> quietPosts = Map.of("quietPosts", List.of(Map.of("title", "hello")));

    FucAuthorStruct forced = repo.updateOrThrow(Changeset.cast(stored(repo), posts)
        .castAssoc(FucAuthors.POSTS, ForceUpdateOnChangeConformanceTest::post));
    assertThat(updatedAtInTheDatabase(repo, forced)).isAfter(LONG_AGO);
    assertThat(forced.posts()).extracting(p -> p.title()).containsExactly("hello");

    FucAuthorStruct toldNot = stored(repo);
    repo.updateOrThrow(Changeset.cast(toldNot, posts)
        .castAssoc(FucAuthors.POSTS, ForceUpdateOnChangeConformanceTest::post, AssocOption.forceUpdateOnChange(false)));
    assertThat(updatedAtInTheDatabase(repo, toldNot)).isEqualTo(LONG_AGO);

    FucAuthorStruct declaredNot = stored(repo);
    FucAuthorStruct written = repo.updateOrThrow(Changeset.cast(declaredNot, quietPosts)
        .castAssoc(FucAuthors.QUIET_POSTS, ForceUpdateOnChangeConformanceTest::post));
    assertThat(updatedAtInTheDatabase(repo, declaredNot)).isEqualTo(LONG_AGO);
    assertThat(written.quietPosts()).extracting(p -> p.title()).containsExactly("hello");

    FucAuthorStruct callOverrides = stored(repo);
    repo.updateOrThrow(Changeset.cast(callOverrides, quietPosts)
        .castAssoc(FucAuthors.QUIET_POSTS, ForceUpdateOnChangeConformanceTest::post, AssocOption.forceUpdateOnChange(true)));
    assertThat(updatedAtInTheDatabase(repo, callOverrides)).isAfter(LONG_AGO);
  }

  /** As Ecto, only {@code cast_assoc} forces the update: a {@code put_assoc} change leaves the parent's row alone. */
  @Test
  void putAssocNeverForcesTheUpdate(Repo repo) {
    FucAuthorStruct author = stored(repo);
    FucAuthorStruct written = repo.updateOrThrow(Changeset.change(author)
        .putAssoc(FucAuthors.POSTS, List.of(new FucPostStruct().withTitle("put"))));
    assertThat(written.posts()).extracting(p -> p.title()).containsExactly("put");
    assertThat(updatedAtInTheDatabase(repo, author)).isEqualTo(LONG_AGO);
  }

  /** The declared option reaches the runtime's association: true unless declared otherwise. */
  @Test
  void theDeclaredOptionIsTheAssociations() {
    List<Association<FucAuthorStruct, ?>> declared = List.of(FucAuthors.PROFILE, FucAuthors.POSTS, FucAuthors.QUIET_POSTS);
    assertThat(declared).extracting(Association::forcesUpdateOnChange).containsExactly(true, true, false);
  }
}
