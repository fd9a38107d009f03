package io.ecto4j.spring.boot.dashboard;

import io.ecto4j.dashboard.Dashboard;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * ecto4j's dashboard under Actuator: {@code GET /actuator/ecto4jdashboard} is the page, and
 * {@code /actuator/ecto4jdashboard/<page>} and {@code …/explain/<id>} its JSON, the same paths the
 * JDK handler serves, so the page's script reads both alike. Read operations only: the dashboard
 * changes nothing. Who may read it is the application's security's say (or a management port bound
 * to loopback), as for every Actuator endpoint.
 */
@WebEndpoint(id = "ecto4jdashboard")
public class DashboardEndpoint {
  private final Dashboard dashboard;

  public DashboardEndpoint(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @ReadOperation(produces = "text/html")
  public String page() {
    return dashboard.html();
  }

  @ReadOperation(produces = "application/json")
  public WebEndpointResponse<String> json(@Selector String page) {
    return read(page);
  }

  /** {@code explain/<id>}: the plan of a statement of the Queries page. */
  @ReadOperation(produces = "application/json")
  public WebEndpointResponse<String> explain(@Selector String explain, @Selector String id) {
    return read(explain + "/" + id);
  }

  private WebEndpointResponse<String> read(String path) {
    try {
      return new WebEndpointResponse<>(dashboard.json(path));
    } catch (Dashboard.NoSuchPageException e) {
      return new WebEndpointResponse<>(e.getMessage(), WebEndpointResponse.STATUS_NOT_FOUND);
    }
  }
}
