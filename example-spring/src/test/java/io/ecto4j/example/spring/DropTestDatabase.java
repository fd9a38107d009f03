package io.ecto4j.example.spring;

import io.ecto4j.testing.TestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Hands {@link ServiceTest}'s database to the context it configures, so that it is dropped when
 * that context closes (the cached one: at the end of the test run), not after the first class.
 */
@TestConfiguration(proxyBeanMethods = false)
class DropTestDatabase {
  @Bean(destroyMethod = "close")
  TestDatabase testDatabase() {
    return ServiceTest.database();
  }
}
