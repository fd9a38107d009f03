package io.ecto4j.it.conformance;

import io.ecto4j.repo.Repo;
import io.ecto4j.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A repo over a test database that counts the connections it borrows: a transaction or a checkout borrows one. */
final class CountingRepos {
  private CountingRepos() {}

  static Repo counting(TestDatabase db, AtomicInteger borrowed) {
    DataSource real = db.dataSource();
    DataSource counted = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            borrowed.incrementAndGet();
          }
          return method.invoke(real, args);
        });
    return Repo.of(counted);
  }
}
