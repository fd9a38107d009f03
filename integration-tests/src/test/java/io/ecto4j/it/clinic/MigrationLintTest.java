package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.migration.Migration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checklist question 4 and runbook step 4: one migration per rule that breaks it, and the safe
 * versions that pass. The compiled test schemas (posts, comments, …) are on the class path.
 */
class MigrationLintTest {
  private static List<String> rules(Migration migration) {
    return MigrationLint.forClassPath().check(migration).stream().map(MigrationLint.Finding::rule).toList();
  }

  static final class V1__AddRequiredColumn extends Migration {
    @Override
    protected void change() {
      alterTable("posts", t -> t.add("slug", "text").notNull());
    }
  }

  static final class V2__ChangeType extends Migration {
    @Override
    protected void change() {
      alterTable("posts", t -> t.modify("title", "text").from("varchar(255)"));
    }
  }

  static final class V3__RenameUsedColumn extends Migration {
    @Override
    protected void change() {
      renameColumn("posts", "title", "headline");
    }
  }

  static final class V4__DropUsedTable extends Migration {
    @Override
    protected void up() {
      dropTable("comments");
    }

    @Override
    protected void down() {
      execute("SELECT 1");
    }
  }

  static final class V5__IndexWithoutConcurrently extends Migration {
    @Override
    protected void change() {
      createIndex(index("posts", "title"));
    }
  }

  static final class V6__ForeignKeyValidatedAtOnce extends Migration {
    @Override
    protected void change() {
      alterTable("comments", t -> t.add("reviewer_id", references("users")));
    }
  }

  static final class V7__CheckValidatedAtOnce extends Migration {
    @Override
    protected void change() {
      createConstraint(check("posts", "view_count_positive", "view_count >= 0"));
    }
  }

  static final class V8__UniqueConstraintUnderLock extends Migration {
    @Override
    protected void change() {
      execute("ALTER TABLE posts ADD CONSTRAINT posts_title_key UNIQUE (title)",
          "ALTER TABLE posts DROP CONSTRAINT posts_title_key");
    }
  }

  static final class V9__BackfillWithSchemaChange extends Migration {
    @Override
    protected void change() {
      alterTable("posts", t -> t.add("score", "integer"));
      execute("UPDATE posts SET score = view_count", "SELECT 1");
    }
  }

  static final class V10__NoRollback extends Migration {
    @Override
    protected void up() {
      execute("ALTER TABLE posts ALTER COLUMN body SET STATISTICS 500");
    }
  }

  static final class V11__SafeIndex extends Migration {
    @Override
    protected void change() {
      createIndex(index("posts", "title").concurrently());
      createConstraint(check("posts", "view_count_positive", "view_count >= 0").notValid());
    }

    @Override
    protected boolean disableDdlTransaction() {
      return true;
    }
  }

  static final class V12__NewTable extends Migration {
    @Override
    protected void change() {
      createTable("drafts", t -> {
        t.add("title", "text").notNull();
        t.add("post_id", references("posts"));
      });
      createIndex(index("drafts", "title"));
    }
  }

  @Test
  void flagsEachUnsafeCommandWithItsRecipe() {
    assertThat(rules(new V1__AddRequiredColumn())).containsExactly("NotNullWithoutDefault");
    assertThat(rules(new V2__ChangeType())).containsExactly("ChangeColumnType");
    assertThat(rules(new V3__RenameUsedColumn())).containsExactly("RenameUsedColumn");
    assertThat(rules(new V4__DropUsedTable())).containsExactly("DropUsedTable");
    assertThat(rules(new V5__IndexWithoutConcurrently())).containsExactly("IndexNotConcurrent");
    assertThat(rules(new V6__ForeignKeyValidatedAtOnce())).containsExactly("ForeignKeyNotValid");
    assertThat(rules(new V7__CheckValidatedAtOnce())).containsExactly("ConstraintNotValid");
    assertThat(rules(new V8__UniqueConstraintUnderLock())).containsExactly("UniqueNotConcurrent");
    assertThat(rules(new V9__BackfillWithSchemaChange())).containsExactly("BackfillWithSchemaChange");
    assertThat(rules(new V10__NoRollback())).containsExactly("NoRollback");
  }

  @Test
  void safeRecipesAndNewTablesPass() {
    MigrationLint.assertSafe(new V11__SafeIndex(), new V12__NewTable());
  }

  @Test
  void renamesOfColumnsNoSchemaUsesAreFine() {
    assertThat(MigrationLint.forClassPath().check(new Migration() {
      @Override
      protected void change() {
        renameColumn("posts", "no_such_column", "other");
      }
    })).isEmpty();
  }

  @Test
  void assertSafeListsEveryFindingWithItsRecipe() {
    assertThatThrownBy(() -> MigrationLint.assertSafe(new V1__AddRequiredColumn(), new V5__IndexWithoutConcurrently()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 unsafe migration command(s)")
        .hasMessageContaining("[NotNullWithoutDefault]")
        .hasMessageContaining("safe recipe: add slug nullable")
        .hasMessageContaining("[IndexNotConcurrent]")
        .hasMessageContaining(".concurrently()");
  }
}
