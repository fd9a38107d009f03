package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Enums of every storage: names and mapped strings, integers, a PostgreSQL enum type, and lists of each. */
@Schema("value_tickets")
public interface Ticket {
  @Field String title();

  @Field TicketStatus status();

  @Field List<TicketStatus> statuses();

  @Field TicketLevel level();

  @Field List<TicketLevel> levels();

  @Field(defaultValue = "MID") TicketLevel priority();

  @Field(defaultValue = "IN_PROGRESS") TicketStatus stage();

  @Field(type = "ticket_feeling") TicketFeeling feeling();

  @Field(type = "ticket_feeling[]") List<TicketFeeling> feelings();

  @Field Mood mood();

  @Field(virtual = true) TicketStatus draftStatus();
}
