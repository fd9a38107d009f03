package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an enum constant is stored as, Ecto.Enum's {@code values:} mapping. Without it a constant is
 * stored by its name in {@code varchar(255)}.
 *
 * <pre>{@code
 * public enum Status {
 *   @EnumValue("draft") DRAFT,
 *   @EnumValue("in_progress") IN_PROGRESS
 * }
 *
 * public enum Priority {          // stored in an integer column
 *   @EnumValue(number = 1) LOW,
 *   @EnumValue(number = 5) HIGH
 * }
 * }</pre>
 *
 * <p>An enum is either all strings or all numbers: a number on some constants needs one on every
 * constant, and two constants cannot share a stored value. Both are compile errors at the constant.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.CLASS)
public @interface EnumValue {
  /** Marks "no number" in {@link #number()}. */
  int NO_NUMBER = Integer.MIN_VALUE;

  /** The stored string; empty for the constant's name (or when {@link #number()} is given). */
  String value() default "";

  /** The stored integer, for an enum kept in an {@code integer} column. */
  int number() default NO_NUMBER;
}
