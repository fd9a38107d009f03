package io.ecto4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.generator.MigrationGenerator;
import io.ecto4j.migration.generator.SchemaDescription;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's migrations build exactly the tables its schemas describe, and roll back cleanly. */
@EctoTest
class MigrationsTest {

  @Test
  void genMigrationFindsNoDifferenceAfterMigrating(TestDatabase db) {
    Migrator migrator = ExampleDatabase.migrator(db);
    migrator.migrate();
    assertThat(migrator.status()).hasSize(4).allSatisfy(status -> assertThat(status.state().name()).isEqualTo("UP"));
    MigrationGenerator.GeneratedMigration next = MigrationGenerator.of(SchemaDescription.load(getClass().getClassLoader()))
        .generate(db.dataSource(), "io.ecto4j.example.migrations", "nothing_left", List.of());
    assertThat(next.isEmpty()).as("gen-migration after migrating:%n%s", next.source()).isTrue();
  }

  @Test
  void everyMigrationRollsBack(TestDatabase db) {
    Migrator migrator = ExampleDatabase.migrator(db);
    migrator.migrate();
    assertThat(migrator.rollbackAll()).hasSize(4);
    assertThat(migrator.status()).allSatisfy(status -> assertThat(status.state().name()).isEqualTo("DOWN"));
    assertThat(migrator.migrate()).hasSize(4);
  }
}
