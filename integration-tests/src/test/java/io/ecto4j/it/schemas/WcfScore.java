package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A player's points per round: rows to compute windows, frames and CTEs over (issue #18). */
@Schema("wcf_scores")
public interface WcfScore {
  Long id();

  @Field(nullable = false) String player();

  @Field int round();

  @Field int points();

  @Field String note();
}
