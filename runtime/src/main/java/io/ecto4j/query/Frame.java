package io.ecto4j.query;

import io.ecto4j.type.Types;
import java.util.Objects;

/**
 * The frame of a window, Ecto's {@code frame: fragment("ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING")},
 * written with types: which rows around the current one a window function sees. Immutable.
 *
 * <pre>{@code
 * // sum(views) OVER (ORDER BY id ROWS BETWEEN ? PRECEDING AND ? FOLLOWING)   -- a moving sum
 * Window moving = Window.orderedBy(Posts.ID.asc())
 *     .frame(Frame.rowsBetween(Frame.preceding(2), Frame.following(2)));
 * Window upToHere = Window.orderedBy(Posts.ID.asc())
 *     .frame(Frame.rows(Frame.unboundedPreceding()).exclude(Frame.Exclusion.CURRENT_ROW));
 * }</pre>
 *
 * <p>The rules PostgreSQL checks when it plans the statement are checked here when the frame is
 * built, with the bounds named: a frame cannot start at {@code UNBOUNDED FOLLOWING} nor end at
 * {@code UNBOUNDED PRECEDING}, nor end before it starts; an offset is not negative. The rules that
 * need the window's order ({@code RANGE} with an offset takes one ordering term, {@code GROUPS} one
 * or more) are checked when the window is rendered. Offsets are bound parameters. Frames the
 * builder does not cover can still be written as text: {@link Window#frame(String, Expression[])}.
 */
public final class Frame {
  /** How the frame counts: by rows, by the order's value, or by groups of peers. */
  private enum Unit { ROWS, RANGE, GROUPS }

  /** The rows taken out of the frame again, PostgreSQL's {@code EXCLUDE} option. */
  public enum Exclusion {
    CURRENT_ROW("CURRENT ROW"), GROUP("GROUP"), TIES("TIES"), NO_OTHERS("NO OTHERS");

    private final String sql;

    Exclusion(String sql) {
      this.sql = sql;
    }
  }

  /** One end of a frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}… */
  public static final class Bound {
    /** In the order PostgreSQL requires of a frame's start and end. */
    private enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    private final Kind kind;
    private final Expression<?> offset;

    private Bound(Kind kind, Expression<?> offset) {
      this.kind = kind;
      this.offset = offset;
    }

    void render(SqlWriter w) {
      switch (kind) {
        case UNBOUNDED_PRECEDING -> w.append("UNBOUNDED PRECEDING");
        case CURRENT_ROW -> w.append("CURRENT ROW");
        case UNBOUNDED_FOLLOWING -> w.append("UNBOUNDED FOLLOWING");
        case PRECEDING, FOLLOWING -> w.operand(offset, Precedence.ATOM, false)
            .append(kind == Kind.PRECEDING ? " PRECEDING" : " FOLLOWING");
      }
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this::render);
    }
  }

  private final Unit unit;
  private final Bound start;
  private final Bound end;
  private final Exclusion exclusion;

  private Frame(Unit unit, Bound start, Bound end, Exclusion exclusion) {
    this.unit = unit;
    this.start = start;
    this.end = end;
    this.exclusion = exclusion;
  }

  /** {@code UNBOUNDED PRECEDING}: from the partition's first row. */
  public static Bound unboundedPreceding() {
    return new Bound(Bound.Kind.UNBOUNDED_PRECEDING, null);
  }

  /** {@code ? PRECEDING}: {@code offset} rows (groups, or values for {@code RANGE}) before the current row. */
  public static Bound preceding(long offset) {
    return new Bound(Bound.Kind.PRECEDING, offset("preceding", offset));
  }

  /**
   * {@code offset PRECEDING} with the offset an expression, for a {@code RANGE} over dates or
   * numbers: {@code Frame.preceding(Functions.value(new BigDecimal("0.5")))}.
   */
  public static Bound preceding(Expression<?> offset) {
    return new Bound(Bound.Kind.PRECEDING, Objects.requireNonNull(offset, "offset"));
  }

  /** {@code CURRENT ROW} (for {@code RANGE} and {@code GROUPS}: the current row's first or last peer). */
  public static Bound currentRow() {
    return new Bound(Bound.Kind.CURRENT_ROW, null);
  }

  /** {@code ? FOLLOWING}: {@code offset} rows (groups, or values for {@code RANGE}) after the current row. */
  public static Bound following(long offset) {
    return new Bound(Bound.Kind.FOLLOWING, offset("following", offset));
  }

  /** {@code offset FOLLOWING} with the offset an expression. */
  public static Bound following(Expression<?> offset) {
    return new Bound(Bound.Kind.FOLLOWING, Objects.requireNonNull(offset, "offset"));
  }

  /** {@code UNBOUNDED FOLLOWING}: to the partition's last row. */
  public static Bound unboundedFollowing() {
    return new Bound(Bound.Kind.UNBOUNDED_FOLLOWING, null);
  }

  private static Expression<Long> offset(String bound, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("Frame." + bound + "(" + offset + "): a frame offset must not be negative");
    }
    return new Param<>(Types.LONG, offset);
  }

  /** {@code ROWS start}: from {@code start} to the current row. */
  public static Frame rows(Bound start) {
    return of(Unit.ROWS, start, null);
  }

  /** {@code ROWS BETWEEN start AND end}. */
  public static Frame rowsBetween(Bound start, Bound end) {
    return of(Unit.ROWS, start, Objects.requireNonNull(end, "end"));
  }

  /** {@code RANGE start}: by the value of the window's one ordering term. */
  public static Frame range(Bound start) {
    return of(Unit.RANGE, start, null);
  }

  /** {@code RANGE BETWEEN start AND end}. */
  public static Frame rangeBetween(Bound start, Bound end) {
    return of(Unit.RANGE, start, Objects.requireNonNull(end, "end"));
  }

  /** {@code GROUPS start}: by groups of rows equal in the window's order (peers). */
  public static Frame groups(Bound start) {
    return of(Unit.GROUPS, start, null);
  }

  /** {@code GROUPS BETWEEN start AND end}. */
  public static Frame groupsBetween(Bound start, Bound end) {
    return of(Unit.GROUPS, start, Objects.requireNonNull(end, "end"));
  }

  /** PostgreSQL's checks of the bounds; a frame given one bound ends at the current row. */
  private static Frame of(Unit unit, Bound start, Bound end) {
    Objects.requireNonNull(start, "start");
    Bound last = end == null ? currentRow() : end;
    String frame = unit + (end == null ? " " + start : " BETWEEN " + start + " AND " + end);
    if (start.kind == Bound.Kind.UNBOUNDED_FOLLOWING) {
      throw new IllegalArgumentException("frame " + frame + ": a frame cannot start at UNBOUNDED FOLLOWING");
    }
    if (last.kind == Bound.Kind.UNBOUNDED_PRECEDING) {
      throw new IllegalArgumentException("frame " + frame + ": a frame cannot end at UNBOUNDED PRECEDING");
    }
    if (start.kind.compareTo(last.kind) > 0) {
      throw new IllegalArgumentException("frame " + frame + ": a frame cannot end before it starts"
          + (end == null ? " (given one bound, it ends at CURRENT ROW; use " + unit.name().toLowerCase() + "Between)" : ""));
    }
    return new Frame(unit, start, end, null);
  }

  /** This frame with {@code EXCLUDE …}; replaces an earlier exclusion. */
  public Frame exclude(Exclusion excluded) {
    return new Frame(unit, start, end, Objects.requireNonNull(excluded, "excluded"));
  }

  /**
   * PostgreSQL's checks that need the window's order: a {@code RANGE} frame with an offset takes
   * exactly one ordering term, a {@code GROUPS} frame at least one.
   */
  void requireOrder(int orderingTerms) {
    boolean offset = start.offset != null || (end != null && end.offset != null);
    if (unit == Unit.RANGE && offset && orderingTerms != 1) {
      throw new IllegalArgumentException("frame " + this + ": a RANGE frame with an offset needs a window ordered by"
          + " exactly one term, but the window has " + orderingTerms + "; order it with Window.orderedBy(one term)");
    }
    if (unit == Unit.GROUPS && orderingTerms == 0) {
      throw new IllegalArgumentException("frame " + this + ": a GROUPS frame needs an ordered window;"
          + " add orderBy(…) to the window");
    }
  }

  void render(SqlWriter w) {
    w.append(unit.name()).append(end == null ? " " : " BETWEEN ");
    start.render(w);
    if (end != null) {
      w.append(" AND ");
      end.render(w);
    }
    if (exclusion != null) {
      w.append(" EXCLUDE ").append(exclusion.sql);
    }
  }

  @Override
  public String toString() {
    return SqlWriter.inspect(this::render);
  }
}
