package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.CkPermalink;
import io.ecto4j.it.schemas.CkPostStruct;
import io.ecto4j.it.schemas.CkPosts;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.CustomTypeException;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A custom type that makes its own values (Ecto's {@code autogenerate/0} callback of an
 * {@code Ecto.Type}) on a field and as the primary key: the type implements {@code Autogenerate},
 * and the field names it as its generator, {@code @Field(using = T.class, autogenerate = T.class)}.
 */
@EctoTest(sandbox = true)
class CustomKeyTypeConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(CkPosts.DDL);
  }

  /** Ports repo.exs "insert autogenerates for custom type": an unset field of the type is made, and found by it. */
  @Test
  void insertAutogeneratesForCustomType(Repo repo) {
    CkPostStruct post = repo.insertOrThrow(new CkPostStruct().withTitle("a"));
    assertThat(post.permalink()).isNotNull();
    assertThat(post.permalink().toString()).hasSize("foo-".length() + 36);
    assertThat(repo.getBy(CkPosts.PERMALINK, post.permalink())).contains(post);
  }

  /**
   * Ports repo.exs "insert autogenerates for custom id type" and repo_test.exs "custom type as
   * primary key / autogenerates value": the key is made before the insert and the row is got by it.
   */
  @Test
  void customKeyTypeAutogeneratesItsValue(Repo repo) {
    CkPostStruct post = repo.insertOrThrow(new CkPostStruct().withTitle("keyed"));
    assertThat(post.id()).isNotNull();
    assertThat(post.id().toString()).startsWith("foo-");
    assertThat(repo.get(CkPosts.SCHEMA, post.id())).contains(post);
    assertThat(repo.get(CkPosts.SCHEMA, CkPosts.key(post.id()))).contains(post);
    CkPostStruct renamed = repo.updateOrThrow(Changeset.change(post).putChange(CkPosts.TITLE, "renamed"));
    assertThat(repo.getOrThrow(CkPosts.SCHEMA, post.id()).title()).isEqualTo("renamed");
    repo.deleteOrThrow(renamed);
    assertThat(repo.get(CkPosts.SCHEMA, post.id())).isEmpty();
  }

  /** Ports repo_test.exs "custom type as primary key / custom value": a key cast from params is kept. */
  @Test
  void customKeyGivenByTheCallerIsKept(Repo repo) {
    String id = "a92f6d0e-52ef-4df8-808b-32d8ef037d48";
    Changeset<CkPostStruct> changeset = Changeset.cast(new CkPostStruct(), Map.of("id", id), CkPosts.ID);
    CkPostStruct inserted = repo.insertOrThrow(changeset);
    assertThat(inserted.id().toString()).isEqualTo("foo-" + id);
    assertThat(repo.getOrThrow(CkPosts.SCHEMA, new CkPermalink(UUID.fromString(id)))).isEqualTo(inserted);
  }

  /**
   * Ports repo_test.exs "custom type as primary key / invalid Ecto.Type.cast/1 implementation
   * raises": a type whose cast returns no result (Java's counterpart of a cast returning neither
   * {@code {:ok, v}} nor {@code :error}) raises an error naming the type and what it must return.
   */
  @Test
  void castThatBreaksItsContractRaises() {
    assertThatThrownBy(() -> Changeset.cast(new CkPostStruct(), Map.of("broken", "invalid"), CkPosts.BROKEN))
        .isInstanceOf(CustomTypeException.class)
        .hasMessageContaining("[CustomTypeCast] CkPermalink.Broken cannot cast a java.lang.String for CkPost.broken")
        .hasMessageContaining("expected castInput to return CastResult.ok(value) or CastResult.invalid(…)");
  }
}
