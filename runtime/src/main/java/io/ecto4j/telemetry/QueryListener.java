package io.ecto4j.telemetry;

/**
 * Told about every statement a repo runs, after it ran (or failed), on the thread that ran it:
 * Ecto's {@code [:my_app, :repo, :query]} telemetry event.
 *
 * <pre>{@code
 * Repo repo = Repo.builder().url(url).listener(event -> metrics.record(event.source(), event.total())).build();
 * }</pre>
 *
 * <p>Listeners run inline, so keep them cheap; an exception a listener throws is ignored.
 */
@FunctionalInterface
public interface QueryListener {
  void onQuery(QueryEvent event);
}
