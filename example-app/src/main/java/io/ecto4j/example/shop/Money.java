package io.ecto4j.example.shop;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.TypeParams;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An amount of money in one currency, stored as {@code {"amount": "12.50", "currency": "EUR"}} in
 * {@code jsonb}: the amount as text, so that no digit is lost to a JSON number.
 *
 * <pre>{@code
 * @Field(using = Money.Type.class, params = "currency=EUR") Money unitPrice();
 * }</pre>
 */
public record Money(BigDecimal amount, String currency) {

  /** {@code amount × quantity}, in the same currency. */
  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /**
   * The custom type, parameterized by the field's currency: a bare amount ({@code "12.50"}, {@code 12.5})
   * casts to that currency; {@code {"amount": …, "currency": …}} must name it. Two amounts that differ
   * only in scale ({@code 12.5}, {@code 12.50}) are the same, so re-submitting a form is no change.
   */
  public static final class Type extends CustomType<Money, Map<String, Object>> {
    private final String currency;

    public Type(TypeParams params) {
      super(Money.class, Types.JSON_MAP, params);
      this.currency = params.require("currency");
    }

    @Override
    protected CastResult<Money> castInput(Object input) {
      if (input instanceof Money money) {
        return inCurrency(money.currency(), money.amount());
      }
      if (input instanceof Map<?, ?> map) {
        return inCurrency(map.get("currency"), map.get("amount"));
      }
      return inCurrency(currency, input);
    }

    private CastResult<Money> inCurrency(Object given, Object amount) {
      if (!currency.equals(given)) {
        return CastResult.invalid("must be in %{currency}", Map.of("currency", currency));
      }
      CastResult<BigDecimal> decimal = Types.DECIMAL.cast(amount);
      return decimal.isOk() && decimal.value() != null ? CastResult.ok(new Money(decimal.value(), currency))
          : CastResult.invalid();
    }

    @Override
    protected Money load(Map<String, Object> stored) {
      return new Money(new BigDecimal(String.valueOf(stored.get("amount"))), String.valueOf(stored.get("currency")));
    }

    @Override
    protected Map<String, Object> dump(Money value) {
      Map<String, Object> stored = new LinkedHashMap<>();
      stored.put("amount", value.amount().toPlainString());
      stored.put("currency", value.currency());
      return stored;
    }

    @Override
    protected boolean equal(Money left, Money right) {
      return left.amount().compareTo(right.amount()) == 0 && left.currency().equals(right.currency());
    }
  }
}
