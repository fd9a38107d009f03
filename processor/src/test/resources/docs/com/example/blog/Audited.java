package com.example.blog;

import io.ecto4j.telemetry.QueryEvent;

/** An application's own use of query events (production.md). */
public abstract class Audited {
  protected abstract void audit(QueryEvent event);
}
