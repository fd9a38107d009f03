package io.ecto4j.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualifierTest {
  private final Qualifier qualifier = new Qualifier("tenant_a");

  @Test
  void qualifiesTheTableOfEachGeneratedForm() {
    assertThat(qualifier.qualify("INSERT INTO \"posts\" (\"title\") VALUES (?) RETURNING \"id\""))
        .isEqualTo("INSERT INTO \"tenant_a\".\"posts\" (\"title\") VALUES (?) RETURNING \"id\"");
    assertThat(qualifier.qualify("SELECT \"id\", \"from\" FROM \"posts\" WHERE \"id\" = ?"))
        .isEqualTo("SELECT \"id\", \"from\" FROM \"tenant_a\".\"posts\" WHERE \"id\" = ?");
    assertThat(qualifier.qualify("UPDATE \"posts\" SET \"title\" = ? WHERE \"id\" = ?"))
        .isEqualTo("UPDATE \"tenant_a\".\"posts\" SET \"title\" = ? WHERE \"id\" = ?");
    assertThat(qualifier.qualify("DELETE FROM \"posts\" WHERE \"id\" = ?"))
        .isEqualTo("DELETE FROM \"tenant_a\".\"posts\" WHERE \"id\" = ?");
  }

  @Test
  void qualifiesJoinedTablesToo() {
    assertThat(qualifier.qualify("SELECT r.\"id\", j.\"post_id\" FROM \"tags\" AS r JOIN \"posts_tags\" AS j ON j.\"tag_id\" = r.\"id\""))
        .isEqualTo("SELECT r.\"id\", j.\"post_id\" FROM \"tenant_a\".\"tags\" AS r"
            + " JOIN \"tenant_a\".\"posts_tags\" AS j ON j.\"tag_id\" = r.\"id\"");
    assertThat(qualifier.qualify("DELETE FROM \"a\" USING \"b\" WHERE \"x\" = ' FROM \"c\"'"))
        .isEqualTo("DELETE FROM \"tenant_a\".\"a\" USING \"tenant_a\".\"b\" WHERE \"x\" = ' FROM \"c\"'");
  }

  @Test
  void leavesQualifiedAndOtherStatementsAlone() {
    assertThat(qualifier.qualify("DELETE FROM \"other\".\"posts\" WHERE \"id\" = ?"))
        .isEqualTo("DELETE FROM \"other\".\"posts\" WHERE \"id\" = ?");
    assertThat(qualifier.qualify("SAVEPOINT s1")).isEqualTo("SAVEPOINT s1");
    assertThat(qualifier.qualify("SELECT name FROM users")).isEqualTo("SELECT name FROM users");
    assertThat(qualifier.qualify("SELECT ' FROM \"x\"' AS a")).isEqualTo("SELECT ' FROM \"x\"' AS a");
    assertThat(new Qualifier("we\"ird").qualify("DELETE FROM \"t\"")).isEqualTo("DELETE FROM \"we\"\"ird\".\"t\"");
  }
}
