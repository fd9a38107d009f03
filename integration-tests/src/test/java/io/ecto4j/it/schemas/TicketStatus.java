package io.ecto4j.it.schemas;

import io.ecto4j.schema.EnumValue;

/** Stored as strings, two of them remapped (Ecto's {@code values: [draft: "draft", ...]}). */
public enum TicketStatus {
  @EnumValue("draft") DRAFT,
  @EnumValue("in_progress") IN_PROGRESS,
  DONE
}
