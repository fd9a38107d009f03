package io.ecto4j.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.dashboard.QueryRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** Exposed but not enabled, the dashboard neither records nor answers: it is opt-in. */
@SpringBootTest(classes = ClinicTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=ecto4jdashboard")
@DirtiesContext
class DashboardDisabledTest extends RunningApplication {
  @Autowired
  ApplicationContext context;

  @Test
  void isNotServedUnlessEnabled() {
    assertThat(get("/actuator/ecto4jdashboard").statusCode()).isEqualTo(404);
    assertThat(context.getBeansOfType(QueryRecorder.class)).isEmpty();
  }
}
