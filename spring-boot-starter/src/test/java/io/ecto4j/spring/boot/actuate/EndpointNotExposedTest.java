package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.clinic.QueryStats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** Spring's default: only health over HTTP; the clinic shows SQL, so it waits to be exposed, and records nothing till then. */
@SpringBootTest(classes = ClinicTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EndpointNotExposedTest extends RunningApplication {
  @Autowired
  ApplicationContext app;

  @Test
  void theClinicIsNotServedOverHttpByDefault() {
    assertThat(get("/actuator/ecto4j").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(app.getBeansOfType(QueryStats.class)).isEmpty();
  }
}
