package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** What happened, by whom: the registration Multi's last step. */
@Schema("audit_logs")
@Timestamps
public interface AuditLog {
  @Field String action();
  @Field(type = "jsonb") Map<String, Object> metadata();
  @BelongsTo User user();

  static Changeset<AuditLogStruct> changeset(AuditLogStruct log, Map<String, ?> params) {
    return Changeset.cast(log, params, AuditLogs.ACTION, AuditLogs.USER_ID, AuditLogs.METADATA);
  }
}
