package io.ecto4j.it.schemas;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.Types;
import java.util.Locale;
import java.util.Map;

/** An email address compared case-insensitively, stored as {@code varchar}: the custom type of the custom-type tests. */
public record CtEmail(String address) {

  /** Stores a {@link CtEmail} as its address. */
  public static final class Type extends CustomType<CtEmail, String> {
    public Type() {
      super(CtEmail.class, Types.STRING);
    }

    @Override
    protected CastResult<CtEmail> castInput(Object input) {
      if (input instanceof CtEmail email) {
        return CastResult.ok(email);
      }
      if (!(input instanceof String text)) {
        return CastResult.invalid();
      }
      return text.contains("@") ? CastResult.ok(new CtEmail(text.strip()))
          : CastResult.invalid("is not an email address", orderedKeys());
    }

    /** A {@code type} key of the type's own is ignored by changesets, as Ecto ignores it. */
    private static Map<String, Object> orderedKeys() {
      Map<String, Object> keys = new java.util.LinkedHashMap<>();
      keys.put("type", "ignored");
      keys.put("reason", "no_at_sign");
      return keys;
    }

    @Override
    protected CtEmail load(String stored) {
      if (!stored.contains("@")) {
        throw new IllegalArgumentException("the stored text has no @");
      }
      return new CtEmail(stored);
    }

    @Override
    protected String dump(CtEmail value) {
      if (!value.address().contains("@")) {
        throw new IllegalArgumentException("not an email address");
      }
      return value.address();
    }

    @Override
    protected boolean equal(CtEmail left, CtEmail right) {
      return left.address().toLowerCase(Locale.ROOT).equals(right.address().toLowerCase(Locale.ROOT));
    }
  }
}
