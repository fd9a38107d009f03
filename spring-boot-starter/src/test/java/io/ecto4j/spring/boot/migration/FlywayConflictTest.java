package io.ecto4j.spring.boot.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.OwnDatabaseEachTest;
import io.ecto4j.spring.boot.TestContexts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Beside Spring Boot's own Flyway auto-configuration: refused on one history table, unless told how. */
@ExtendWith(OutputCaptureExtension.class)
class FlywayConflictTest extends OwnDatabaseEachTest {
  @BeforeEach
  void addToTheContext() {
    context = context
        .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
        .withPropertyValues("spring.flyway.locations=classpath:db/gadgets");
  }

  @Test
  void bothOnOneHistoryTableRefuseToStartBeforeAnythingMigrates() throws Exception {
    context.run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).isInstanceOf(FlywayConflictException.class)
          .hasMessageContaining("flyway_schema_history")
          .hasMessageContaining("spring.flyway.enabled=false")
          .hasMessageContaining("ecto4j.migrations.history-table")
          .hasMessageContaining("ecto4j.migrations.allow-flyway-auto-configuration=true");
    });
    assertThat(Repo.of(database.dataSource()).tableExists("flyway_schema_history")).isFalse();
  }

  @Test
  void theStartupReportSaysTheWaysOut(CapturedOutput output) {
    SpringApplication application = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
        .properties(TestContexts.datasource(database)).build();
    assertThatThrownBy(application::run).isInstanceOf(FlywayConflictException.class);
    assertThat(output).contains("APPLICATION FAILED TO START", "into one history table (flyway_schema_history)",
        "spring.flyway.enabled=false", "ecto4j.migrations.history-table",
        "ecto4j.migrations.allow-flyway-auto-configuration=true");
  }

  @Test
  void bootsFlywayTurnedOffLeavesTheMigrationsToEcto() {
    context.withPropertyValues("spring.flyway.enabled=false").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(Repo.class).tableExists("gadgets")).isTrue();
    });
  }

  /** ecto4j's initializer runs first; Flyway, finding tables but no history of its own, must baseline. */
  @Test
  void historyTablesOfTheirOwnLetBothMigrate() {
    context.withPropertyValues("ecto4j.migrations.history-table=ecto4j_schema_history",
        "ecto4j.migrations.locations=", "spring.flyway.baseline-on-migrate=true").run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(versions(app.getBean(Repo.class), "ecto4j_schema_history")).containsExactly("9701", "9702");
          assertThat(versions(app.getBean(Repo.class), "flyway_schema_history")).containsExactly("1", "9703");
        });
  }

  /**
   * Shared, ecto4j must know every migration (its SQL locations too), and Boot's Flyway must be told
   * to ignore ecto4j's Java migrations, which it cannot resolve.
   */
  @Test
  void sharingTheTableMustBeAskedFor() {
    context.withPropertyValues("ecto4j.migrations.allow-flyway-auto-configuration=true",
        "ecto4j.migrations.locations=classpath:db/gadgets", "spring.flyway.ignore-migration-patterns=*:missing")
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(versions(app.getBean(Repo.class), "flyway_schema_history")).containsExactly("9701", "9702", "9703");
        });
  }

  /** An application with every auto-configuration on its class path, Boot's Flyway included. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  private static List<String> versions(Repo repo, String historyTable) {
    return repo.query("SELECT version FROM " + historyTable + " ORDER BY installed_rank", List.of(),
        row -> row.getString(1));
  }
}
