package io.ecto4j.example.accounts;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** What happened to whom, as the lesson's register_user records it. */
@Schema("audit_logs")
@Timestamps(updatedAt = "")
public interface AuditLog {
  Long id();

  @Field(nullable = false) String action();

  @Field Map<String, Object> metadata();

  @BelongsTo User user();

  static Changeset<AuditLogStruct> changeset(AuditLogStruct log, Map<String, ?> attrs) {
    return Changeset.cast(log, attrs, AuditLogs.ACTION, AuditLogs.USER_ID, AuditLogs.METADATA)
        .validateRequired(AuditLogs.ACTION);
  }
}
