package io.ecto4j.example.migrations;

import io.ecto4j.migration.Migration;

/** The unit price of a line item, a {@code Money} stored as {@code jsonb}. */
public final class V20261203000004__AddLineItemPrices extends Migration {
  @Override
  protected void change() {
    alterTable("line_items", t -> t.add("unit_price", "jsonb"));
  }
}
