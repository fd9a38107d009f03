package io.ecto4j.it.schemas;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.TypeParams;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An amount in a currency, stored as {@code {"amount": "12.50", "currency": "EUR"}} in {@code jsonb}. */
public record CtMoney(BigDecimal amount, String currency) {

  /** A parameterized type: the field's currency comes from {@code params = "currency=…"}. */
  public static final class Type extends CustomType<CtMoney, Map<String, Object>> {
    private final String currency;

    public Type(TypeParams params) {
      super(CtMoney.class, Types.JSON_MAP, params);
      this.currency = params.require("currency");
    }

    @Override
    protected CastResult<CtMoney> castInput(Object input) {
      if (input instanceof Map<?, ?> map) {
        Object given = map.get("currency");
        if (given != null && !currency.equals(given)) {
          return CastResult.invalid("must be in %{currency}", Map.of("currency", currency));
        }
        return amount(map.get("amount"));
      }
      return amount(input);
    }

    private CastResult<CtMoney> amount(Object input) {
      CastResult<BigDecimal> amount = Types.DECIMAL.cast(input);
      return amount.isOk() && amount.value() != null ? CastResult.ok(new CtMoney(amount.value(), currency))
          : CastResult.invalid();
    }

    @Override
    protected CtMoney load(Map<String, Object> stored) {
      return new CtMoney(new BigDecimal(String.valueOf(stored.get("amount"))), (String) stored.get("currency"));
    }

    @Override
    protected Map<String, Object> dump(CtMoney value) {
      Map<String, Object> stored = new LinkedHashMap<>();
      stored.put("amount", value.amount().toPlainString());
      stored.put("currency", value.currency());
      return stored;
    }

    @Override
    protected boolean equal(CtMoney left, CtMoney right) {
      return left.amount().compareTo(right.amount()) == 0 && left.currency().equals(right.currency());
    }
  }
}
