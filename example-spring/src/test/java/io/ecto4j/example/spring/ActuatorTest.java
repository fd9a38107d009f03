package io.ecto4j.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.example.spring.Http.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the service exposes under /actuator: health, metrics and ecto4j's clinic, as its properties say. */
class ActuatorTest extends ServiceTest {

  @Test
  void healthIsUpWithTheDatabaseAndNoPendingMigration() {
    Response response = http().get("/actuator/health");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
    JsonNode ecto = health.get("components").get("ecto4j");
    assertThat(ecto.get("status").asString()).isEqualTo("UP");
    assertThat(ecto.get("details").get("pendingMigrations")).isEmpty();
  }

  @Test
  void everyStatementIsTimedByItsSource() {
    assertThat(http().get("/posts?limit=1").status()).isEqualTo(200);

    Response response = http().get("/actuator/metrics/ecto4j.query.total?tag=source:SELECT%20posts");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode count = response.json().get("measurements").get(0);
    assertThat(count.get("statistic").asString()).isEqualTo("COUNT");
    assertThat(count.get("value").asDouble()).isPositive();
  }

  @Test
  void theClinicRanksTheServicesStatements() {
    assertThat(http().get("/posts/top").status()).isEqualTo(200);

    Response response = http().get("/actuator/ecto4j");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode report = response.json();
    List<String> sql = new ArrayList<>();
    report.get("slowQueries").forEach(query -> sql.add(query.get("sql").asString()));
    assertThat(sql).anySatisfy(statement -> assertThat(statement).contains("GROUP BY").contains("comments"));
    assertThat(report.get("slowQueries").get(0).get("p95Ms").isNumber()).isTrue();
    assertThat(report.get("pendingMigrations")).isEmpty();
  }

  @Test
  void theDashboardServesItsPageAndThePagesJson() {
    assertThat(http().get("/posts/top").status()).isEqualTo(200);

    Response page = http().get("/actuator/ecto4jdashboard");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("data-page=\"queries\"");
    Response queries = http().get("/actuator/ecto4jdashboard/queries");
    assertThat(queries.status()).as(queries.toString()).isEqualTo(200);
    List<String> sql = new ArrayList<>();
    queries.json().get("shapes").forEach(shape -> sql.add(shape.get("sql").asString()));
    assertThat(sql).anySatisfy(statement -> assertThat(statement).contains("GROUP BY").contains("comments"));
    assertThat(http().get("/actuator/ecto4jdashboard/health").json().get("sections").size()).isEqualTo(12);
  }
}
