package io.ecto4j.spring.boot.actuate;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Makes each HTTP request a unit of work of the {@link NPlusOneMonitor}. Statements an
 * asynchronous request runs on other threads are not seen.
 */
public final class NPlusOneFilter implements Filter {
  private final NPlusOneMonitor monitor;

  public NPlusOneFilter(NPlusOneMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    NPlusOneMonitor.Unit unit = monitor.open();
    try {
      chain.doFilter(request, response);
    } finally {
      unit.close();
    }
  }
}
