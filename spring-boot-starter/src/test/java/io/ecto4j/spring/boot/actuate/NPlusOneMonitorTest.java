package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units of work, what they keep, and what they forget. */
@EctoTest
class NPlusOneMonitorTest {
  private final Repo plain;

  NPlusOneMonitorTest(Repo repo) {
    plain = repo;
  }

  @Test
  void aShapeRunMoreThanTheThresholdInOneUnitIsKeptOncePerCallSite() {
    NPlusOneMonitor monitor = new NPlusOneMonitor(() -> plain, 2, 10);
    Repo repo = plain.withListener(monitor);
    for (int unit = 0; unit < 2; unit++) {
      try (NPlusOneMonitor.Unit work = monitor.open()) {
        perRow(repo, 3 + unit);
      }
    }
    assertThat(monitor.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.units()).isEqualTo(2);
      assertThat(finding.maxRuns()).isEqualTo(4);
      assertThat(finding.callSite()).contains(NPlusOneMonitorTest.class.getName() + ".perRow(");
    });
  }

  @Test
  void atTheThresholdOrOutsideAUnitNothingIsFound() {
    NPlusOneMonitor monitor = new NPlusOneMonitor(() -> plain, 2, 10);
    Repo repo = plain.withListener(monitor);
    try (NPlusOneMonitor.Unit work = monitor.open()) {
      perRow(repo, 2);
    }
    perRow(repo, 5);
    assertThat(monitor.findings()).isEmpty();
  }

  @Test
  void theLeastRecentlySeenFindingIsForgottenFirst() {
    NPlusOneMonitor monitor = new NPlusOneMonitor(() -> plain, 1, 1);
    Repo repo = plain.withListener(monitor);
    try (NPlusOneMonitor.Unit work = monitor.open()) {
      perRow(repo, 2);
      otherPerRow(repo, 2);
    }
    assertThat(monitor.findings()).singleElement()
        .satisfies(finding -> assertThat(finding.sql()).isEqualTo("SELECT ?::int + 2"));
  }

  @Test
  void aUnitOpenedInsideAnotherIsTheSameUnit() {
    NPlusOneMonitor monitor = new NPlusOneMonitor(() -> plain, 2, 10);
    Repo repo = plain.withListener(monitor);
    try (NPlusOneMonitor.Unit outer = monitor.open()) {
      try (NPlusOneMonitor.Unit inner = monitor.open()) {
        perRow(repo, 2);
      }
      perRow(repo, 1);
    }
    assertThat(monitor.findings()).singleElement().satisfies(finding -> assertThat(finding.maxRuns()).isEqualTo(3));
  }

  private static void perRow(Repo repo, int rows) {
    for (int id = 0; id < rows; id++) {
      repo.query("SELECT ?::int + 1", List.of(id), row -> row.getInt(1));
    }
  }

  private static void otherPerRow(Repo repo, int rows) {
    for (int id = 0; id < rows; id++) {
      repo.query("SELECT ?::int + 2", List.of(id), row -> row.getInt(1));
    }
  }
}
