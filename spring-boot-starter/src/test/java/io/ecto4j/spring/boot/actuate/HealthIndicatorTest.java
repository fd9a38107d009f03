package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.spring.boot.OwnDatabaseEachTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The ecto4j health: the pool's counters, and the migrations' state. */
class HealthIndicatorTest extends OwnDatabaseEachTest {
  @BeforeEach
  void addToTheContext() {
    context = context
        .withConfiguration(AutoConfigurations.of(EctoHealthContributorAutoConfiguration.class));
  }

  @Test
  void migratedItIsUpWithThePoolsUsage() {
    context.withPropertyValues("spring.datasource.hikari.maximum-pool-size=7").run(app -> {
      app.getBean(Repo.class).query("SELECT 1", List.of(), row -> row.getInt(1));
      Health health = app.getBean(EctoHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("pendingMigrations", List.of());
      PoolUsage pool = (PoolUsage) health.getDetails().get("pool");
      assertThat(pool.max()).isEqualTo(7);
      assertThat(pool.active()).isZero();
      assertThat(pool.waiting()).isZero();
      assertThat(pool.total()).isEqualTo(pool.idle()).isPositive();
    });
  }

  @Test
  void pendingMigrationsTakeItOutOfService() {
    context.withPropertyValues("ecto4j.migrations.enabled=false").run(app -> {
      Health health = app.getBean(EctoHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(health.getDetails()).containsEntry("pendingMigrations",
          List.of("9701 CreateGadgets", "9702 IndexGadgetNames"));
    });
  }

  @Test
  void aMigrationJobFinishingBringsItIntoService() {
    context.withPropertyValues("ecto4j.migrations.enabled=false").run(app -> {
      EctoHealthIndicator indicator = app.getBean(EctoHealthIndicator.class);
      assertThat(indicator.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      app.getBean(Migrator.class).migrate();
      assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void aFailedMigrationTakesItDown() throws Exception {
    context.withPropertyValues("ecto4j.migrations.enabled=false").run(app -> {
      database.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), "
          + "description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, "
          + "checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
          + "execution_time int NOT NULL, success boolean NOT NULL); "
          + "INSERT INTO flyway_schema_history VALUES (1, '9701', 'create gadgets', 'JDBC', "
          + "'io.ecto4j.spring.boot.testmigrations.V9701__CreateGadgets', null, 'postgres', now(), 1, false)");
      Health health = app.getBean(EctoHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("failedMigrations");
    });
  }

  @Test
  void offByBootsHealthProperty() {
    context.withPropertyValues("management.health.ecto4j.enabled=false")
        .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(EctoHealthIndicator.class));
  }
}
