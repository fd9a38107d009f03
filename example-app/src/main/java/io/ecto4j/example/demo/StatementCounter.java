package io.ecto4j.example.demo;

import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the statements a repo runs, through its telemetry, for the walkthrough's summary. */
public final class StatementCounter implements QueryListener {
  private final AtomicLong statements = new AtomicLong();

  @Override
  public void onQuery(QueryEvent event) {
    statements.incrementAndGet();
  }

  public long count() {
    return statements.get();
  }
}
