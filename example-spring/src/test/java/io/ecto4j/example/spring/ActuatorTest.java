package io.ecto4j.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.example.spring.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the service exposes under /actuator: health, metrics and ecto4j's clinic, as its properties say. */
class ActuatorTest extends ServiceTest {

  @Test
  void healthIsUpWithTheDatabase() {
    Response response = http().get("/actuator/health");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
  }
}
