package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of ecto_sql's postgres_test.exs DDL cases for a column's {@code collation:}. */
class CollationDdlTest {
  static final class V1__Collate extends Migration {
    @Override
    protected void change() {
      createTable(table("collate_reference").withoutPrimaryKey(),
          t -> t.add("name", "varchar(255)").primaryKey().collation("POSIX"));
      createTable(table("collate"), t -> {
        t.add("string", "varchar(255)").collation("POSIX");
        t.add("name_string", references("collate_reference").type("varchar(255)").column("name")).collation("POSIX");
      });
      alterTable("collate", t -> t.modify("string", "varchar(255)").collation("C"));
    }
  }

  /**
   * Ports postgres_test.exs "create table with collation" and "alter table with collation": the
   * quoted collation follows the type, in CREATE TABLE, for a reference, and in ALTER COLUMN … TYPE.
   */
  @Test
  void collationFollowsTheType() {
    List<String> sql = new V1__Collate().upCommands().stream().flatMap(command -> command.sql().stream()).toList();
    assertThat(sql.get(0)).contains("\"name\" varchar(255) COLLATE \"POSIX\",");
    assertThat(sql.get(1)).contains("\"string\" varchar(255) COLLATE \"POSIX\",",
        "\"name_string\" varchar(255) COLLATE \"POSIX\" CONSTRAINT \"collate_name_string_fkey\" REFERENCES"
            + " \"collate_reference\" (\"name\")");
    assertThat(sql.get(2)).isEqualTo("ALTER TABLE \"collate\"\n  ALTER COLUMN \"string\" TYPE varchar(255) COLLATE \"C\"");
    assertThatThrownBy(() -> ColumnDefinition.of("text").collation(" "))
        .hasMessageContaining("a collation needs a name");
  }
}
