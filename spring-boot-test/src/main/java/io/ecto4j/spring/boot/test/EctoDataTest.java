package io.ecto4j.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the data layer alone, as Spring Boot's {@code @DataJdbcTest}: only the DataSource,
 * its transaction manager, {@code JdbcTemplate}, {@code TransactionTemplate} and ecto4j's
 * {@code Repo} are configured (the auto-configurations listed in
 * {@code META-INF/spring/io.ecto4j.spring.boot.test.EctoDataTest.imports}); of the application's
 * own components, only those {@link #includeFilters()} choose (or the test imports with
 * {@code @Import}). Each test runs in the {@link EctoSandbox}, on a fresh database of the
 * context's own.
 *
 * <pre>{@code
 * @EctoDataTest(schema = "CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL)",
 *     includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NoteService.class))
 * class NoteServiceTest {
 *   @Autowired NoteService notes;
 *   @Autowired Repo repo;
 * }
 * }</pre>
 *
 * <p>Unlike {@code @DataJdbcTest}, the test method is not made {@code @Transactional}: the code
 * under test commits as it would in production (its transactions are savepoints of the sandbox's),
 * and the sandbox rolls everything back when the test ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(EctoDataTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(EctoDataTypeExcludeFilter.class)
@ImportAutoConfiguration
@EctoSandbox
public @interface EctoDataTest {
  /** Properties in {@code key=value} form added to the environment before the test runs. */
  String[] properties() default {};

  /** SQL run, and committed, once on the context's fresh database; see {@link EctoSandbox#schema()}. */
  @AliasFor(annotation = EctoSandbox.class)
  String[] schema() default {};

  /** Classpath resources of SQL run once on the context's fresh database; see {@link EctoSandbox#schemaFiles()}. */
  @AliasFor(annotation = EctoSandbox.class)
  String[] schemaFiles() default {};

  /** Whether the context gets a database of its own; see {@link EctoSandbox#freshDatabase()}. */
  @AliasFor(annotation = EctoSandbox.class)
  boolean freshDatabase() default true;

  /** Whether the default filters apply; none of the application's components is included by them. */
  boolean useDefaultFilters() default true;

  /** Which of the application's components (found by component scanning) the test context includes. */
  Filter[] includeFilters() default {};

  /** Components the test context leaves out although a filter included them. */
  Filter[] excludeFilters() default {};

  /** Auto-configurations of the slice to leave out. */
  @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
  Class<?>[] excludeAutoConfiguration() default {};
}
