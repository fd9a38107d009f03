package io.ecto4j.it.schemas;

import io.ecto4j.schema.EnumValue;

/** Stored as integers, Ecto's {@code values: [low: 1, mid: 2, high: 5]}. */
public enum TicketLevel {
  @EnumValue(number = 1) LOW,
  @EnumValue(number = 2) MID,
  @EnumValue(number = 5) HIGH
}
