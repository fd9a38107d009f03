package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.clinic.QueryStats;
import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.EctoProperties;
import io.ecto4j.spring.boot.TestContexts;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The clinic's report itself: pending migrations with their lint, the ranking, the properties. */
@EctoTest
class EndpointReportTest {
  private final TestDatabase database;
  private final ApplicationContextRunner context;

  EndpointReportTest(TestDatabase database) {
    this.database = database;
    context = TestContexts.withMigrations(database)
        .withConfiguration(AutoConfigurations.of(EctoEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=ecto4j", "ecto4j.migrations.enabled=false");
  }

  @Test
  void pendingMigrationsComeWithWhatTheLintFindsInThem() {
    context.run(app -> {
      List<ClinicReport.PendingMigration> pending = app.getBean(EctoEndpoint.class).report().pendingMigrations();
      assertThat(pending).extracting(ClinicReport.PendingMigration::version).containsExactly("9701", "9702");
      assertThat(pending.get(0).lint()).isEmpty();
      assertThat(pending.get(1).lint()).extracting(MigrationLint.Finding::rule).containsExactly("IndexNotConcurrent");
    });
  }

  @Test
  void theRepoFeedsTheRankingWhichLimitsItselfAndLeavesParametersOut() {
    context.withPropertyValues("ecto4j.clinic.slow-queries=1").run(app -> {
      Repo repo = app.getBean(Repo.class);
      repo.query("SELECT ?::int", List.of(1), row -> row.getInt(1));
      repo.query("SELECT 2", List.of(), row -> row.getInt(1));
      List<QueryStats.Shape> byP95 = app.getBean(QueryStats.class).rankingByP95();
      assertThat(byP95).hasSize(2);
      List<ClinicReport.SlowQuery> slowest = app.getBean(EctoEndpoint.class).report().slowQueries();
      assertThat(slowest).extracting(ClinicReport.SlowQuery::sql).containsExactly(byP95.get(0).sql());
      assertThat(ClinicReport.SlowQuery.class.getRecordComponents()).extracting(c -> c.getName())
          .doesNotContain("sampleParameters");
    });
  }

  @Test
  void theClinicPropertiesBind() {
    context.withPropertyValues("ecto4j.clinic.n-plus-one-threshold=3", "ecto4j.clinic.n-plus-one-findings=7")
        .run(app -> {
          EctoProperties.Clinic clinic = app.getBean(EctoProperties.class).getClinic();
          assertThat(clinic.getNPlusOneThreshold()).isEqualTo(3);
          assertThat(clinic.getNPlusOneFindings()).isEqualTo(7);
        });
  }

  @Test
  void unavailableEndpointRecordsNothing() {
    TestContexts.withMigrations(database).withConfiguration(AutoConfigurations.of(EctoEndpointAutoConfiguration.class))
        .withPropertyValues("ecto4j.migrations.enabled=false")
        .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(QueryStats.class).doesNotHaveBean(EctoEndpoint.class));
  }
}
