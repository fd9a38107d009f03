package io.ecto4j.it.schemas;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.Types;

/** A count wrapped in a type of its own (Ecto's integration {@code WrappedInteger}), stored as {@code integer}. */
public record CtVisits(int count) {

  /** Stores {@link CtVisits} as its count. */
  public static final class Type extends CustomType<CtVisits, Integer> {
    public Type() {
      super(CtVisits.class, Types.INTEGER);
    }

    @Override
    protected CastResult<CtVisits> castInput(Object input) {
      CastResult<Integer> count = Types.INTEGER.cast(input);
      if (count.isOk() && count.value() < 0) {
        return CastResult.invalid(java.util.Map.of("reason", "negative"));
      }
      return count.isOk() ? CastResult.ok(new CtVisits(count.value())) : CastResult.invalid();
    }

    @Override
    protected CtVisits load(Integer stored) {
      return new CtVisits(stored);
    }

    @Override
    protected Integer dump(CtVisits value) {
      return value.count();
    }

    @Override
    public String name() {
      return "visits";
    }
  }
}
