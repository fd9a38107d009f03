package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exposed by the application, the clinic reports the request's N+1 with its call site, and the slow ranking. */
@SpringBootTest(classes = ClinicTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoints.web.exposure.include=health,ecto4j", "management.endpoint.health.show-details=always"})
@DirtiesContext
class EndpointExposedTest extends RunningApplication {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theClinicReportsTheRequestsNPlusOneAndTheSlowestShapes() {
    assertThat(get("/gadgets/names").statusCode()).isEqualTo(200);
    HttpResponse<String> response = get("/actuator/ecto4j");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());

    JsonNode finding = report.get("nPlusOne").get(0);
    assertThat(finding.get("sql").asString()).isEqualTo("SELECT name FROM gadgets WHERE id = ?");
    assertThat(finding.get("callSite").asString()).startsWith(ClinicTestApplication.Gadgets.class.getName() + ".nameOf(");
    assertThat(finding.get("maxRuns").asInt()).isEqualTo(12);
    assertThat(report.get("slowQueries").findValuesAsString("sql")).contains("SELECT name FROM gadgets WHERE id = ?");
    assertThat(report.get("slowQueries").get(0).has("p95Ms")).isTrue();
    assertThat(report.get("pendingMigrations").isEmpty()).isTrue();
  }

  @Test
  void deleteForgetsWhatWasGathered() {
    get("/gadgets/names");
    assertThat(delete("/actuator/ecto4j").statusCode()).isEqualTo(204);
    JsonNode report = JSON.readTree(get("/actuator/ecto4j").body());
    assertThat(report.get("nPlusOne").isEmpty()).isTrue();
  }

  @Test
  void healthShowsThePoolAndTheMigrations() {
    JsonNode health = JSON.readTree(get("/actuator/health").body());
    JsonNode ecto4j = health.get("components").get("ecto4j");
    assertThat(ecto4j.get("status").asString()).isEqualTo("UP");
    assertThat(ecto4j.get("details").get("pool").has("max")).isTrue();
  }
}
