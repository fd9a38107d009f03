package io.ecto4j.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ecto4j.*} properties. The connection pool itself is Spring's ({@code spring.datasource.*});
 * these say how the {@code Repo} uses it. The configuration processor turns each field's javadoc
 * into the metadata IDEs complete from.
 */
@ConfigurationProperties("ecto4j")
public class EctoProperties {
  /**
   * The PostgreSQL schema every query and write of the Repo is qualified with (Ecto's
   * {@code :prefix}); none by default, so that tables are found through the search_path.
   */
  private String prefix;

  private final Timeouts timeouts = new Timeouts();
  private final Telemetry telemetry = new Telemetry();
  private final Migrations migrations = new Migrations();
  private final Clinic clinic = new Clinic();
  private final Dashboard dashboard = new Dashboard();

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public Timeouts getTimeouts() {
    return timeouts;
  }

  public Telemetry getTelemetry() {
    return telemetry;
  }

  public Migrations getMigrations() {
    return migrations;
  }

  public Clinic getClinic() {
    return clinic;
  }

  public Dashboard getDashboard() {
    return dashboard;
  }

  /**
   * The client-side bounds ecto4j's own pool has by default, applied to Spring's HikariCP pool
   * when its pgjdbc properties do not set them already: without them a server that stops
   * answering holds a request for the operating system's TCP timeout, many minutes.
   */
  public static class Timeouts {
    /** How long opening a connection may take (pgjdbc's connectTimeout); whole seconds. */
    private Duration connect = Duration.ofSeconds(10);

    /**
     * How long the client waits for any answer on an open connection (pgjdbc's socketTimeout);
     * whole seconds, 0 for none. Keep it above the longest statement the application runs.
     */
    private Duration socket = Duration.ofSeconds(60);

    public Duration getConnect() {
      return connect;
    }

    public void setConnect(Duration connect) {
      this.connect = connect;
    }

    public Duration getSocket() {
      return socket;
    }

    public void setSocket(Duration socket) {
      this.socket = socket;
    }
  }

  /** What the Repo tells about its statements. */
  public static class Telemetry {
    /** Statements slower than this are logged at WARN with their SQL and call site; none when unset. */
    private Duration slowQueryThreshold;

    /** The event name query listeners see (Ecto's telemetry_prefix). */
    private String eventName = "ecto4j.repo.query";

    /** Whether each query event carries the stack trace of its caller (costly; for hunting N+1 queries). */
    private boolean stacktrace;

    /** Whether every statement is recorded as Micrometer timers when a MeterRegistry exists. */
    private boolean metrics = true;

    public Duration getSlowQueryThreshold() {
      return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
      this.slowQueryThreshold = slowQueryThreshold;
    }

    public String getEventName() {
      return eventName;
    }

    public void setEventName(String eventName) {
      this.eventName = eventName;
    }

    public boolean isStacktrace() {
      return stacktrace;
    }

    public void setStacktrace(boolean stacktrace) {
      this.stacktrace = stacktrace;
    }

    public boolean isMetrics() {
      return metrics;
    }

    public void setMetrics(boolean metrics) {
      this.metrics = metrics;
    }
  }

  /** Migrations run when the application starts, as Spring Boot's Flyway auto-configuration runs Flyway's. */
  public static class Migrations {
    /** Whether pending migrations run at startup. */
    private boolean enabled = true;

    /** Where SQL migrations (and Java ones found by Flyway) are, besides the generated migration indexes. */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

    /** The table that records applied migrations. */
    private String historyTable = "flyway_schema_history";

    /** How long to wait for another instance's migration lock before failing the startup. */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /** Whether to take the migration lock at all (turn off only where one instance migrates). */
    private boolean lock = true;

    /** Whether a pending migration older than the newest applied one fails the startup instead of running. */
    private boolean strictVersionOrder;

    /** Whether a database that had tables before its first migration is baselined instead of refused. */
    private boolean baselineOnMigrate;

    /**
     * Lets ecto4j's migrations run although Spring Boot's Flyway auto-configuration also migrates
     * at startup; by default the application refuses to start when both would write the same
     * history table, since each would see the other's versions as its own.
     */
    private boolean allowFlywayAutoConfiguration;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<String> getLocations() {
      return locations;
    }

    public void setLocations(List<String> locations) {
      this.locations = locations;
    }

    public String getHistoryTable() {
      return historyTable;
    }

    public void setHistoryTable(String historyTable) {
      this.historyTable = historyTable;
    }

    public Duration getLockTimeout() {
      return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
      this.lockTimeout = lockTimeout;
    }

    public boolean isLock() {
      return lock;
    }

    public void setLock(boolean lock) {
      this.lock = lock;
    }

    public boolean isStrictVersionOrder() {
      return strictVersionOrder;
    }

    public void setStrictVersionOrder(boolean strictVersionOrder) {
      this.strictVersionOrder = strictVersionOrder;
    }

    public boolean isBaselineOnMigrate() {
      return baselineOnMigrate;
    }

    public void setBaselineOnMigrate(boolean baselineOnMigrate) {
      this.baselineOnMigrate = baselineOnMigrate;
    }

    public boolean isAllowFlywayAutoConfiguration() {
      return allowFlywayAutoConfiguration;
    }

    public void setAllowFlywayAutoConfiguration(boolean allowFlywayAutoConfiguration) {
      this.allowFlywayAutoConfiguration = allowFlywayAutoConfiguration;
    }
  }

  /**
   * The production clinic behind the Actuator endpoint {@code ecto4j}, which records only while the
   * endpoint is available (enabled, and exposed over HTTP or JMX).
   */
  public static class Clinic {
    /** How many statement shapes the endpoint ranks by p95, the slowest first. */
    private int slowQueries = 20;

    /** How often one statement shape may run in one HTTP request before it is reported as an N+1. */
    private int nPlusOneThreshold = 10;

    /** How many distinct N+1 findings (statement shape and call site) are kept, the oldest forgotten first. */
    private int nPlusOneFindings = 100;

    public int getSlowQueries() {
      return slowQueries;
    }

    public void setSlowQueries(int slowQueries) {
      this.slowQueries = slowQueries;
    }

    public int getNPlusOneThreshold() {
      return nPlusOneThreshold;
    }

    public void setNPlusOneThreshold(int nPlusOneThreshold) {
      this.nPlusOneThreshold = nPlusOneThreshold;
    }

    public int getNPlusOneFindings() {
      return nPlusOneFindings;
    }

    public void setNPlusOneFindings(int nPlusOneFindings) {
      this.nPlusOneFindings = nPlusOneFindings;
    }
  }

  /**
   * The dashboard page (module ecto4j-dashboard) as the Actuator web endpoint {@code ecto4jdashboard},
   * at {@code /actuator/ecto4jdashboard}. Off unless enabled, and like every endpoint not served
   * until {@code management.endpoints.web.exposure.include} names it; put it behind the
   * application's security, or on a management port bound to loopback.
   */
  public static class Dashboard {
    /** Whether the dashboard records the Repo's statements and serves its page. */
    private boolean enabled;

    /** Whether statements' last parameter values and plans' literals are shown (they may be personal data). */
    private boolean showParameters;

    /** Whether plans are read with EXPLAIN ANALYZE, which runs the statement (a SELECT, rolled back). */
    private boolean explainAnalyze;

    /** How long each of the dashboard's own statements may run. */
    private Duration statementTimeout = Duration.ofSeconds(5);

    /** From when on a running statement is listed as long-running. */
    private Duration longRunning = Duration.ofSeconds(5);

    /** The width of one point of the throughput and latency charts; an hour of them is kept. */
    private Duration bucket = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isShowParameters() {
      return showParameters;
    }

    public void setShowParameters(boolean showParameters) {
      this.showParameters = showParameters;
    }

    public boolean isExplainAnalyze() {
      return explainAnalyze;
    }

    public void setExplainAnalyze(boolean explainAnalyze) {
      this.explainAnalyze = explainAnalyze;
    }

    public Duration getStatementTimeout() {
      return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
    }

    public Duration getLongRunning() {
      return longRunning;
    }

    public void setLongRunning(Duration longRunning) {
      this.longRunning = longRunning;
    }

    public Duration getBucket() {
      return bucket;
    }

    public void setBucket(Duration bucket) {
      this.bucket = bucket;
    }
  }
}
