package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** What happened, to whom: the lesson's audit log. */
@Schema("audit_logs")
@Timestamps(updatedAt = "")
public interface AuditLog {
  Long id();

  @Field(nullable = false) String action();

  @Field Map<String, Object> metadata();

  @BelongsTo User user();
}
