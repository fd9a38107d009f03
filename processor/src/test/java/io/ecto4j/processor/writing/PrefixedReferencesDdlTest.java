package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A foreign key to a schema with its own prefix ({@code @Schema(prefix)}) references the table in
 * that prefix, in a belongs_to's column and in a many_to_many's join table, so that the DDL
 * creates the tables wherever the search path points.
 */
class PrefixedReferencesDdlTest {
  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compile.schemas(Compile.schema("Account", """
        @Schema(value = "accounts", prefix = "billing")
        public interface Account {
          @Field String name();
        }
        """), Compile.schema("Invoice", """
        @Schema("invoices")
        public interface Invoice {
          @BelongsTo Account account();
          @ManyToMany(joinThrough = "invoices_accounts") java.util.List<Account> payers();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
  }

  @Test
  void aBelongsToReferencesTheTableInItsPrefix() {
    String ddl = (String) classes.constant("test.Invoices", "DDL");
    assertThat(ddl).contains("\"account_id\" bigint REFERENCES \"billing\".\"accounts\" (\"id\")");
  }

  @Test
  void aJoinTableReferencesEachSideInItsPrefix() {
    String joinTables = (String) classes.constant("test.Invoices", "JOIN_TABLES_DDL");
    assertThat(joinTables).contains("REFERENCES \"invoices\" (\"id\")")
        .contains("REFERENCES \"billing\".\"accounts\" (\"id\")");
  }
}
