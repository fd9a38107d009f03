package io.ecto4j.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.repo.NoTenantException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Tenants;
import io.ecto4j.repo.UnknownTenantException;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A schema per tenant, on one repo: the same registry's other mode, Ecto's {@code prefix:} multi-tenancy. */
@EctoTest
class TenantSchemasTest {
  private Tenants tenants;

  @BeforeEach
  void schemas(TestDatabase db) throws Exception {
    StringBuilder sql = new StringBuilder();
    for (String schema : List.of("acme", "globex")) {
      sql.append("DROP SCHEMA IF EXISTS ").append(schema).append(" CASCADE; CREATE SCHEMA ").append(schema)
          .append("; SET search_path TO ").append(schema).append("; ").append(Tags.DDL)
          .append("; INSERT INTO tags (name) VALUES ('tag of ").append(schema).append("'); ");
    }
    db.execute(sql + "SET search_path TO public");
    tenants = Tenants.schemas(Repo.of(db.dataSource())).tenant("acme", "acme").tenant("globex", "globex").build();
  }

  private static List<String> tagNames(Repo repo) {
    return repo.all(Tags.query()).stream().map(TagStruct::name).toList();
  }

  @Test
  void eachTenantsRepoReadsAndWritesItsSchema() {
    assertThat(tagNames(tenants.repo("acme"))).containsExactly("tag of acme");
    assertThat(tagNames(tenants.repo("globex"))).containsExactly("tag of globex");
    TagStruct written = tenants.repo("globex").insertOrThrow(new TagStruct().withName("new in globex"));
    assertThat(written.meta().prefix()).contains("globex");
    assertThat(tagNames(tenants.repo("acme"))).containsExactly("tag of acme");
    assertThat(tenants.openPools()).isZero();
  }

  @Test
  void theCurrentTenantsRepoUsesTheScopesSchema() {
    Repo repo = tenants.repo();
    assertThat(tenants.with("acme", () -> tagNames(repo))).containsExactly("tag of acme");
    tenants.with("globex", () -> {
      repo.insertOrThrow(new TagStruct().withName("scoped write"));
      assertThat(repo.getBy(Tags.NAME, "scoped write")).isPresent();
    });
    assertThat(tagNames(tenants.repo("globex"))).contains("scoped write");
    assertThat(tagNames(tenants.repo("acme"))).doesNotContain("scoped write");

    // In one database, a transaction may span tenants: it is the one repo's.
    tenants.with("acme", () -> repo.transaction(tx -> tenants.with("globex", () -> tagNames(repo))));
  }

  @Test
  void refusesWithoutATenantAndNamesUnknownOnes() {
    assertThatThrownBy(() -> tagNames(tenants.repo()))
        .isInstanceOf(NoTenantException.class)
        .hasMessageContaining("no tenant is set on this thread for ALL");
    assertThatThrownBy(() -> tenants.repo("initech"))
        .isInstanceOf(UnknownTenantException.class)
        .hasMessageContaining("unknown tenant `initech`")
        .hasMessageContaining("acme, globex are");
  }

  @Test
  void tenantsAddedAtRunTime() {
    tenants.add("initech", "initech");
    assertThat(tenants.ids()).containsExactly("acme", "globex", "initech");
    assertThatThrownBy(() -> tenants.add("acme", "other")).hasMessageContaining("tenant acme is registered already");
    assertThatThrownBy(() -> tenants.add("hooli", options -> options.url("jdbc:postgresql://x/y")))
        .hasMessageContaining("schemas of one repo");
  }
}
