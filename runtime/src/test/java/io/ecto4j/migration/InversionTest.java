package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** change() reversed for rollbacks: each command's inverse, in reverse order, and the refusals. */
class InversionTest {

  static final class V2__Everything extends Migration {
    @Override
    protected void change() {
      createTable("tags", t -> t.add("name", "text").notNull());
      alterTable("posts", t -> {
        t.add("summary", "text");
        t.modify("title", "text").notNull().from(column("varchar(255)").nullable());
        t.remove("legacy", "boolean");
      });
      renameTable("authors", "writers");
      renameColumn("posts", "body", "content");
      createIndex(uniqueIndex("tags", "name"));
      createConstraint(check("posts", "views_positive", "views >= 0").notValid());
      validateConstraint("posts", "views_positive");
      execute("CREATE EXTENSION citext", "DROP EXTENSION citext");
      commentOnTable("posts", "articles", "");
      dropTable("old_things", t -> t.add("what", "text"));
    }
  }

  private static List<String> sql(List<Command> commands) {
    return commands.stream().flatMap(command -> command.sql().stream()).toList();
  }

  @Test
  void downRunsEachInverseLastFirst() {
    assertThat(sql(new V2__Everything().downCommands())).containsExactly(
        "CREATE TABLE \"old_things\" (\n  \"id\" bigserial,\n  \"what\" text,\n  PRIMARY KEY (\"id\")\n)",
        "COMMENT ON TABLE \"posts\" IS NULL",
        "DROP EXTENSION citext",
        "ALTER TABLE \"posts\" DROP CONSTRAINT \"views_positive\"",
        "DROP INDEX \"tags_name_index\"",
        "ALTER TABLE \"posts\" RENAME COLUMN \"content\" TO \"body\"",
        "ALTER TABLE \"writers\" RENAME TO \"authors\"",
        """
        ALTER TABLE "posts"
          ADD COLUMN "legacy" boolean,
          ALTER COLUMN "title" TYPE varchar(255),
          ALTER COLUMN "title" DROP NOT NULL,
          DROP COLUMN "summary\"""",
        "DROP TABLE \"tags\"");
  }

  @Test
  void reversingTwiceGivesTheSameSql() {
    Migration migration = new V2__Everything();
    List<Command> up = migration.upCommands();
    List<Command> twice = up.stream()
        .flatMap(command -> command.reverse().stream())
        .flatMap(inverse -> inverse.reverse().stream())
        .toList();
    assertThat(sql(twice)).isEqualTo(sql(up).stream()
        .filter(statement -> !statement.startsWith("ALTER TABLE \"posts\" VALIDATE")).toList());
  }

  @Test
  void ifExistsVariantsReverseToEachOther() {
    CreateTable create = new CreateTable(TableSpec.named("t"), List.of(), true);
    assertThat(sql(create.reverse())).containsExactly("DROP TABLE IF EXISTS \"t\"");
    ColumnChange add = new ColumnChange.Add("x", ColumnDefinition.of("text"), true);
    assertThat(add.reverse()).isEqualTo(new ColumnChange.Remove("x", java.util.Optional.of(ColumnDefinition.of("text")),
        true));
  }

  static final class V3__RawSql extends Migration {
    @Override
    protected void change() {
      createTable("a", t -> t.add("x", "int"));
      execute("UPDATE a SET x = 1");
    }
  }

  @Test
  void anIrreversibleCommandFailsNamingIt() {
    assertThatThrownBy(() -> new V3__RawSql().downCommands())
        .isInstanceOf(IrreversibleMigrationException.class)
        .hasMessage("cannot reverse migration command: execute \"UPDATE a SET x = 1\". You will need to explicitly "
            + "define up() and down() in your migration 3 (raw sql); or, to keep change(): give the SQL that undoes "
            + "it, execute(up, down), or write up() and down()");
  }

  static final class V4__Irreversibles extends Migration {
    private final Runnable body;

    V4__Irreversibles(Runnable body) {
      this.body = body;
    }

    @Override
    protected void change() {
      body.run();
    }

    void dropTableByName() {
      dropTable("posts");
    }

    void removeWithoutType() {
      alterTable("posts", t -> t.remove("title"));
    }

    void modifyWithoutFrom() {
      alterTable("posts", t -> t.modify("title", "text"));
    }

    void modifyNullWithoutOldNull() {
      alterTable("posts", t -> t.modify("title", "text").notNull().from("varchar(255)"));
    }

    void dropIndexByName() {
      dropIndex("posts_title_index");
    }

    void dropConstraintByName() {
      dropConstraint("posts", "views_positive");
    }

    void commentWithoutPrevious() {
      commentOnColumn("posts", "title", "the title");
    }
  }

  @Test
  void eachIrreversibleFormSaysWhatToWriteInstead() {
    assertThat(failure(m -> m.dropTableByName())).contains("command: drop table posts.", "dropTable(\"posts\", t -> t.add(...))");
    assertThat(failure(m -> m.removeWithoutType())).contains("command: alter table posts.", "remove(\"title\", \"<type>\")");
    assertThat(failure(m -> m.modifyWithoutFrom())).contains("say what column title was");
    assertThat(failure(m -> m.modifyNullWithoutOldNull())).contains("including the old nullability");
    assertThat(failure(m -> m.dropIndexByName())).contains("command: drop index posts_title_index.", "dropIndex(index(");
    assertThat(failure(m -> m.dropConstraintByName())).contains("dropConstraint(check(\"posts\", \"views_positive\"");
    assertThat(failure(m -> m.commentWithoutPrevious())).contains("command: comment on column posts.title.",
        "give the comment it replaces");
  }

  private static String failure(java.util.function.Consumer<V4__Irreversibles> body) {
    V4__Irreversibles[] self = new V4__Irreversibles[1];
    self[0] = new V4__Irreversibles(() -> body.accept(self[0]));
    assertThat(self[0].upCommands()).hasSize(1);
    return org.assertj.core.api.Assertions.catchThrowableOfType(IrreversibleMigrationException.class,
        self[0]::downCommands).getMessage();
  }

  static final class V5__UpOnly extends Migration {
    @Override
    protected void up() {
      execute("UPDATE a SET x = 1");
    }
  }

  static final class V6__UpAndDown extends Migration {
    @Override
    protected void up() {
      execute("UPDATE a SET x = 1");
    }

    @Override
    protected void down() {
      execute("UPDATE a SET x = 0");
    }
  }

  static final class V7__Nothing extends Migration {}

  @Test
  void upWithoutDownCannotBeRolledBack() {
    assertThat(sql(new V5__UpOnly().upCommands())).containsExactly("UPDATE a SET x = 1");
    assertThatThrownBy(() -> new V5__UpOnly().downCommands()).isInstanceOf(IrreversibleMigrationException.class)
        .hasMessageContaining("defines up() without down()");
    assertThat(sql(new V6__UpAndDown().downCommands())).containsExactly("UPDATE a SET x = 0");
    assertThatThrownBy(() -> new V7__Nothing().upCommands()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("defines neither change() nor up()");
  }
}
