package io.ecto4j.it.preload;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements prepared on its connections (the N+1 witness) and the
 * connections asked of it (one per call, as JDBC code takes).
 */
final class CountingDataSource {
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger checkouts = new AtomicInteger();
  private final DataSource counting;

  CountingDataSource(DataSource target) {
    this.counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (result instanceof Connection connection) {
            checkouts.incrementAndGet();
            return countingConnection(connection);
          }
          return result;
        });
  }

  private Connection countingConnection(Connection target) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
            statements.incrementAndGet();
          }
          return invoke(target, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  DataSource dataSource() {
    return counting;
  }

  int count() {
    return statements.get();
  }

  int checkouts() {
    return checkouts.get();
  }

  void reset() {
    statements.set(0);
    checkouts.set(0);
  }
}
