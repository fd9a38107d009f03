package io.ecto4j.spring.boot.dashboard;

import io.ecto4j.dashboard.QueryRecorder;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Makes each HTTP request a unit of work of the dashboard's {@link QueryRecorder}, so its N+1 page
 * counts a statement per request, not only per transaction. Statements an asynchronous request
 * runs on other threads are not seen.
 */
public final class DashboardUnitFilter implements Filter {
  private final QueryRecorder recorder;

  public DashboardUnitFilter(QueryRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try (QueryRecorder.UnitOfWork unit = recorder.unit()) {
      chain.doFilter(request, response);
    }
  }
}
