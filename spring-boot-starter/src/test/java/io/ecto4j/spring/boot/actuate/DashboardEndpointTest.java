package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code ecto4j.dashboard.enabled=true} and the endpoint exposed, the dashboard's page and
 * JSON are served under Actuator, fed by the auto-configured Repo, each request one unit of work.
 */
@SpringBootTest(classes = ClinicTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoints.web.exposure.include=ecto4jdashboard", "ecto4j.dashboard.enabled=true"})
@DirtiesContext
class DashboardEndpointTest extends RunningApplication {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SHAPE = "SELECT name FROM gadgets WHERE id = ?";

  @Test
  void servesThePageUnderActuator() {
    HttpResponse<String> page = get("/actuator/ecto4jdashboard");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<script>", "Content-Security-Policy");
  }

  @Test
  void queriesAndNPlusOneSeeTheRequestsStatementsWithTheirCallSite() {
    assertThat(get("/gadgets/names").statusCode()).isEqualTo(200);

    JsonNode queries = json("/actuator/ecto4jdashboard/queries");
    JsonNode shape = null;
    for (JsonNode s : queries.get("shapes")) {
      if (s.get("sql").asString().equals(SHAPE)) {
        shape = s;
      }
    }
    assertThat(shape).as(queries.toString()).isNotNull();
    assertThat(shape.get("count").asLong()).isGreaterThanOrEqualTo(12);
    assertThat(shape.get("callSites").get(0).asString())
        .startsWith(ClinicTestApplication.Gadgets.class.getName() + ".nameOf(");
    assertThat(json("/actuator/ecto4jdashboard/explain/" + shape.get("id").asLong()).get("plan").asString())
        .contains("gadgets");

    JsonNode finding = json("/actuator/ecto4jdashboard/nplusone").get("findings").get(0);
    assertThat(finding.get("sql").asString()).isEqualTo(SHAPE);
    assertThat(finding.get("maxRuns").asInt()).isEqualTo(12);
  }

  @Test
  void migrationsAndHealthAreRead() {
    JsonNode migrations = json("/actuator/ecto4jdashboard/migrations");
    assertThat(migrations.get("configured").asBoolean()).isTrue();
    assertThat(migrations.get("applied").findValuesAsString("version")).contains("9701", "9702");
    assertThat(json("/actuator/ecto4jdashboard/health").get("sections").size()).isEqualTo(12);
  }

  @Test
  void anUnknownPageIsNotFound() {
    HttpResponse<String> response = get("/actuator/ecto4jdashboard/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("queries, nplusone, locks, health, migrations");
  }

  private JsonNode json(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
