package io.ecto4j.it.schemas;

import io.ecto4j.schema.EnumValue;

/** Stored in the PostgreSQL enum type {@code ticket_feeling} ({@code CREATE TYPE … AS ENUM}). */
public enum TicketFeeling {
  @EnumValue("happy") HAPPY,
  @EnumValue("sad") SAD
}
