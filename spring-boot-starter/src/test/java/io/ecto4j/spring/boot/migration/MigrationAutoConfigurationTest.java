package io.ecto4j.spring.boot.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.OwnDatabaseEachTest;
import io.ecto4j.spring.boot.testmigrations.V9701__CreateGadgets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrations at startup: what runs, in which order with the Repo, and what the properties change. */
@ExtendWith(OutputCaptureExtension.class)
class MigrationAutoConfigurationTest extends OwnDatabaseEachTest {
  @Test
  void theApplicationsMigrationsRunBeforeAnyBeanUsesTheRepo(CapturedOutput output) {
    context.withUserConfiguration(CountsGadgetsAtStartup.class).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(CountsGadgetsAtStartup.class).gadgetsAtStartup).isZero();
      assertThat(app.getBean(Migrator.class).status()).extracting(MigrationStatus::version, MigrationStatus::state)
          .containsExactly(tuple("9701", MigrationStatus.State.UP),
              tuple("9702", MigrationStatus.State.UP));
    });
    assertThat(output).contains("== Running 9701 create gadgets").contains("== Migrated 9702");
  }

  @Test
  void thePropertiesChooseTheLocationsAndTheHistoryTable() throws Exception {
    context.withPropertyValues("ecto4j.migrations.locations=classpath:db/gadgets",
        "ecto4j.migrations.history-table=gadget_history").run(app -> {
          assertThat(app).hasNotFailed();
          Repo repo = app.getBean(Repo.class);
          assertThat(repo.query("SELECT version FROM gadget_history ORDER BY installed_rank", List.of(),
              row -> row.getString(1))).containsExactly("9701", "9702", "9703");
          assertThat(repo.query("SELECT count(*) FROM gadgets WHERE colour IS NULL", List.of(), row -> row.getInt(1)))
              .containsExactly(0);
          assertThat(repo.tableExists("flyway_schema_history")).isFalse();
        });
  }

  @Test
  void turnedOffNothingRunsButTheMigratorStillReports() {
    context.withPropertyValues("ecto4j.migrations.enabled=false").run(app -> {
      assertThat(app).hasNotFailed().doesNotHaveBean(MigrationInitializer.class);
      assertThat(app.getBean(Repo.class).tableExists("gadgets")).isFalse();
      assertThat(app.getBean(Migrator.class).status()).extracting(MigrationStatus::state)
          .containsOnly(MigrationStatus.State.DOWN);
    });
  }

  @Test
  void aFailingMigrationFailsTheStartupWithItsError() {
    context.withPropertyValues("ecto4j.migrations.locations=classpath:db/failing").run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("no_such_table");
      assertThat(app.getStartupFailure()).hasStackTraceContaining("9799");
      FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(app.getStartupFailure());
      assertThat(analysis.getDescription()).contains("V9799__insert_into_nothing.sql", "no_such_table");
      assertThat(analysis.getAction()).contains("ecto4j.migrations.enabled=false");
    });
  }

  @Test
  void aMigrationBeanTakesThePlaceOfTheIndexedInstanceOfItsClass() {
    context.withUserConfiguration(MigrationAsBean.class).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(ApplicationMigrations.class).all())
          .hasSize(2).contains(app.getBean(V9701__CreateGadgets.class));
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class CountsGadgetsAtStartup {
    int gadgetsAtStartup = -1;

    @Bean
    Object gadgetCounter(Repo repo) {
      gadgetsAtStartup = repo.query("SELECT count(*) FROM gadgets", List.of(), row -> row.getInt(1)).get(0);
      return gadgetsAtStartup;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class MigrationAsBean {
    @Bean
    V9701__CreateGadgets createGadgets() {
      return new V9701__CreateGadgets();
    }
  }
}
