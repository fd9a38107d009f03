package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.DefAuthorStruct;
import io.ecto4j.it.schemas.DefAuthors;
import io.ecto4j.it.schemas.DefPost;
import io.ecto4j.it.schemas.DefPostStruct;
import io.ecto4j.it.schemas.DefPosts;
import io.ecto4j.it.schemas.DefProfileStruct;
import io.ecto4j.it.schemas.DefProfiles;
import io.ecto4j.it.schemas.DefTag;
import io.ecto4j.it.schemas.DefTagStruct;
import io.ecto4j.it.schemas.DefTags;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports the association {@code defaults:} tests of Ecto's has_assoc_test.exs and
 * belongs_to_test.exs (issue #16): a child that castAssoc or putAssoc builds starts from the
 * declared {@code AssocDefaults}, which is given the owner, and the params are cast onto it.
 */
@EctoTest(sandbox = true)
class AssocDefaultsConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(DefAuthors.DDL);
    db.execute(DefPosts.DDL);
    db.execute(DefProfiles.DDL);
    db.execute(DefTags.DDL);
    db.execute(DefPosts.JOIN_TABLES_DDL);
  }

  private static DefAuthorStruct stored(Repo repo) {
    return repo.preload(repo.insertOrThrow(new DefAuthorStruct().withName("Title")), DefAuthors.POSTS,
        DefAuthors.PROFILE);
  }

  /** Ports has_assoc_test.exs "cast has_one with keyword defaults" and "cast has_one with MFA defaults". */
  @Test
  void castHasOneStartsFromTheDefaultsGivenTheOwner(Repo repo) {
    Changeset<DefAuthorStruct> changeset = Changeset.cast(stored(repo), Map.of("profile", Map.of("owner", "x")))
        .castAssoc(DefAuthors.PROFILE, (profile, params) -> Changeset.cast(profile, params, DefProfiles.OWNER));
    Changeset<DefProfileStruct> profile = changeset.getAssoc(DefAuthors.PROFILE).get(0);
    assertThat(profile.data().name()).isEqualTo("default");
    assertThat(profile.data().owner()).isEqualTo("Title");
    assertThat(profile.changes()).isEqualTo(Map.of(DefProfiles.OWNER, "x"));
    assertThat(repo.updateOrThrow(changeset).profile().name()).isEqualTo("default");
  }

  /** Ports has_assoc_test.exs "cast has_many with keyword defaults" and "cast has_many with MFA defaults". */
  @Test
  void castHasManyStartsEachNewChildFromTheDefaults(Repo repo) {
    Changeset<DefAuthorStruct> changeset = Changeset.cast(stored(repo),
        Map.of("posts", List.of(Map.of("body", "one"), Map.of("title", "own title"))))
        .castAssoc(DefAuthors.POSTS, (post, params) -> Changeset.cast(post, params, DefPosts.TITLE, DefPosts.BODY));
    List<Changeset<DefPostStruct>> posts = changeset.getAssoc(DefAuthors.POSTS);
    assertThat(posts).extracting(post -> post.data().title()).containsExactly("default", "default");
    assertThat(posts.get(0).changes()).isEqualTo(Map.of(DefPosts.BODY, "one"));
    assertThat(posts.get(1).changes()).isEqualTo(Map.of(DefPosts.TITLE, "own title"));
    assertThat(repo.updateOrThrow(changeset).posts()).extracting(DefPost::title)
        .containsExactlyInAnyOrder("default", "own title");
  }

  /** Ports belongs_to_test.exs "cast belongs_to with keyword defaults" and "... with MFA defaults" (through putAssoc attributes too). */
  @Test
  void newParentsStartFromTheDefaults(Repo repo) {
    Changeset<DefPostStruct> cast = Changeset.cast(new DefPostStruct().withTitle("Hello"),
        Map.of("author", Map.of()), DefPosts.TITLE)
        .castAssoc(DefPosts.AUTHOR, (author, params) -> Changeset.cast(author, params, DefAuthors.NAME));
    assertThat(cast.getAssoc(DefPosts.AUTHOR).get(0).data().name()).isEqualTo("guest of Hello");
    assertThat(repo.insertOrThrow(cast).author().name()).isEqualTo("guest of Hello");

    Changeset<DefPostStruct> put = Changeset.change(new DefPostStruct().withTitle("Hi"))
        .putAssoc(DefPosts.AUTHOR, Map.of(DefAuthors.NAME, "Ada"));
    assertThat(put.getAssoc(DefPosts.AUTHOR).get(0).data().name()).isEqualTo("guest of Hi");
    assertThat(put.getAssoc(DefPosts.AUTHOR).get(0).changes()).isEqualTo(Map.of(DefAuthors.NAME, "Ada"));
  }

  /** Ports many_to_many_test.exs "cast many_to_many with keyword defaults" and "... with MFA defaults". */
  @Test
  void castManyToManyStartsEachNewTagFromTheDefaults(Repo repo) {
    DefPostStruct post = repo.preload(repo.insertOrThrow(new DefPostStruct().withTitle("Hello")), DefPosts.TAGS);
    Changeset<DefPostStruct> changeset = Changeset.cast(post, Map.of("tags", List.of(Map.of("name", "java"))))
        .castAssoc(DefPosts.TAGS, (tag, params) -> Changeset.cast(tag, params, DefTags.NAME));
    Changeset<DefTagStruct> tag = changeset.getAssoc(DefPosts.TAGS).get(0);
    assertThat(tag.data().origin()).isEqualTo("from Hello");
    assertThat(tag.changes()).isEqualTo(Map.of(DefTags.NAME, "java"));
    assertThat(repo.updateOrThrow(changeset).tags()).extracting(DefTag::origin).containsExactly("from Hello");
  }

  /** A struct put as it is is the caller's: no defaults are applied to it. */
  @Test
  void aPutStructIsNotDefaulted() {
    Changeset<DefAuthorStruct> put = Changeset.change(new DefAuthorStruct())
        .putAssoc(DefAuthors.POSTS, List.of(new DefPostStruct().withBody("mine")));
    assertThat(put.getAssoc(DefAuthors.POSTS).get(0).data().title()).isNull();
  }
}
