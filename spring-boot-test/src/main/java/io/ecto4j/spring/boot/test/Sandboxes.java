package io.ecto4j.spring.boot.test;

import io.ecto4j.testing.SandboxDataSource;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The sandboxes of one application context, one per {@code DataSource} bean: each bean is
 * replaced by a proxy of its own class (so that code asking for a {@code HikariDataSource} still
 * finds one) whose {@code getConnection} hands out the running test's sandbox connection, and
 * the pool's own outside tests.
 */
final class Sandboxes implements BeanPostProcessor {
  static final String BEAN_NAME = "ecto4jSandboxes";

  private final List<SandboxDataSource> sandboxes = new CopyOnWriteArrayList<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)) {
      return bean;
    }
    SandboxDataSource sandbox = SandboxDataSource.over(dataSource);
    sandboxes.add(sandbox);
    ProxyFactory proxy = new ProxyFactory(dataSource);
    proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
    proxy.addAdvice((MethodInterceptor) call -> call.getMethod().getName().equals("getConnection") && sandbox.running()
        ? sandbox.getConnection() : call.proceed());
    return proxy.getProxy(bean.getClass().getClassLoader());
  }

  /** Starts a test: opens every sandbox; if one cannot, those opened are ended again. */
  void begin() throws SQLException {
    for (SandboxDataSource sandbox : sandboxes) {
      try {
        sandbox.begin();
      } catch (SQLException | RuntimeException e) {
        end(e);
        throw e;
      }
    }
  }

  /** Ends a test: rolls back every sandbox; the first failure is thrown, with the others suppressed. */
  void end() throws SQLException {
    SQLException first = new SQLException("ending the test's sandboxes failed");
    end(first);
    if (first.getSuppressed().length > 0) {
      throw first;
    }
  }

  private void end(Exception failure) {
    for (SandboxDataSource sandbox : sandboxes) {
      try {
        if (sandbox.running()) {
          sandbox.end();
        }
      } catch (SQLException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
