package com.example.blog;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.TypeParams;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The parameterized custom type schemas.md's {@code Account} names but does not show
 * ({@code @Field(using = Money.Type.class, params = "currency=EUR")}): an amount in the field's
 * currency, stored in {@code jsonb} as {@code {"amount": "12.50", "currency": "EUR"}}.
 */
public record Money(BigDecimal amount, String currency) {
  public static final class Type extends CustomType<Money, Map<String, Object>> {
    private final String currency;

    public Type(TypeParams params) {
      super(Money.class, Types.JSON_MAP, params);
      this.currency = params.require("currency");
    }

    @Override protected CastResult<Money> castInput(Object input) {
      CastResult<BigDecimal> amount = Types.DECIMAL.cast(input);
      return amount.isOk() && amount.value() != null ? CastResult.ok(new Money(amount.value(), currency))
          : CastResult.invalid();
    }

    @Override protected Money load(Map<String, Object> stored) {
      return new Money(new BigDecimal(String.valueOf(stored.get("amount"))), String.valueOf(stored.get("currency")));
    }

    @Override protected Map<String, Object> dump(Money value) {
      return Map.of("amount", value.amount().toPlainString(), "currency", value.currency());
    }
  }
}
