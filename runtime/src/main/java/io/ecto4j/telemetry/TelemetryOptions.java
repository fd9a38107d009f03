package io.ecto4j.telemetry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * What a repo attaches to the events of its statements, Ecto's per-call {@code :telemetry_event},
 * {@code :telemetry_options} and {@code :stacktrace} options. A repo carries one set; a view with
 * others costs one small object, so a single call can have its own without every repo method
 * growing an overload:
 *
 * <pre>{@code
 * repo.withTelemetry(TelemetryOptions.defaults().event("billing.query").options(Map.of("tenant", "acme")))
 *     .all(Invoices.query());                               // events named billing.query, with the options
 * repo.withTelemetry(TelemetryOptions.defaults().stacktrace(true)).insert(changeset);
 * repo.withTelemetry(TelemetryOptions.silent()).all(q);    // no event at all: telemetry_event: nil
 * repo.withTelemetry(TelemetryOptions.defaults().log(Level.ERROR)).insert(changeset);  // log: :error
 * repo.withTelemetry(TelemetryOptions.defaults().log(false)).all(q);                   // log: false
 * }</pre>
 *
 * @param eventName the name listeners see in {@link QueryEvent#telemetry()}, Ecto's event name
 *     ({@code [:my_app, :repo, :query]}) written with dots; null: no event is sent
 * @param options whatever the caller wants its listeners to see, Ecto's {@code :telemetry_options}
 * @param stacktrace whether each event carries the stack of the thread that ran the statement
 *     ({@link QueryEvent#stacktrace()}), Ecto's {@code stacktrace: true}; walking the stack costs
 *     microseconds per statement, so it is off by default
 * @param logged whether {@link Slf4jQueryLogger} logs the statements, Ecto's {@code log: false};
 *     other listeners still see their events
 * @param logLevel the level {@link Slf4jQueryLogger} logs them at, Ecto's {@code log: :error};
 *     empty for the logger's own (DEBUG, WARN when slow, ERROR on failure)
 */
public record TelemetryOptions(String eventName, Map<String, Object> options, boolean stacktrace, boolean logged,
    Optional<Level> logLevel) {
  /** The event name of a repo that was given none, as Ecto names it after the repo: {@code [:my_app, :repo, :query]}. */
  public static final String DEFAULT_EVENT = "ecto4j.repo.query";

  private static final TelemetryOptions DEFAULTS = new TelemetryOptions(DEFAULT_EVENT, Map.of(), false);

  public TelemetryOptions {
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
    Objects.requireNonNull(logLevel, "logLevel");
  }

  /** Options that leave the logging to the logger. */
  public TelemetryOptions(String eventName, Map<String, Object> options, boolean stacktrace) {
    this(eventName, options, stacktrace, true, Optional.empty());
  }

  /** Events named {@value #DEFAULT_EVENT}, no options, no stack trace. */
  public static TelemetryOptions defaults() {
    return DEFAULTS;
  }

  /** No event for the statements at all, Ecto's {@code telemetry_event: nil}: listeners, loggers included, are not called. */
  public static TelemetryOptions silent() {
    return new TelemetryOptions(null, Map.of(), false);
  }

  /** These options with the events named {@code name}, e.g. {@code "billing.query"}. */
  public TelemetryOptions event(String name) {
    Objects.requireNonNull(name, "name; TelemetryOptions.silent() sends no event");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a telemetry event name must not be blank; TelemetryOptions.silent() sends no event");
    }
    return new TelemetryOptions(name, options, stacktrace, logged, logLevel);
  }

  /** These options with {@code options} for the listeners to read, Ecto's {@code :telemetry_options}. */
  public TelemetryOptions options(Map<String, ?> options) {
    return new TelemetryOptions(eventName, Map.copyOf(options), stacktrace, logged, logLevel);
  }

  /** These options with, or without, the stack trace on each event. */
  public TelemetryOptions stacktrace(boolean on) {
    return new TelemetryOptions(eventName, options, on, logged, logLevel);
  }

  /**
   * These options with the statements logged or not by {@link Slf4jQueryLogger}, Ecto's
   * {@code log: true} and {@code log: false}; the events still reach every other listener.
   */
  public TelemetryOptions log(boolean on) {
    return new TelemetryOptions(eventName, options, stacktrace, on, logLevel);
  }

  /** These options with the statements logged at {@code level}, Ecto's {@code log: :error}. */
  public TelemetryOptions log(Level level) {
    return new TelemetryOptions(eventName, options, stacktrace, true, Optional.of(level));
  }

  /** Whether statements send an event at all. */
  public boolean dispatched() {
    return eventName != null;
  }
}
