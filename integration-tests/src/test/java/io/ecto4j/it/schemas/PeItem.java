package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import java.util.UUID;

/**
 * An embedded item that belongs to a user, as Ecto's {@code Ecto.Integration.Item}
 * ({@code belongs_to :user}): its {@code user_id} is stored in the order's JSON; its colour is an
 * embed of its own with an association below it.
 */
@Embedded
public interface PeItem {
  UUID id();

  @Field int price();

  @BelongsTo User user();

  @EmbedsOne PeColor color();
}
