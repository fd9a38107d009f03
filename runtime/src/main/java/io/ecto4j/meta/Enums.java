package io.ecto4j.meta;

import io.ecto4j.type.EnumType;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.List;

/**
 * The enum mapping of a schema field, Ecto.Enum's {@code values/2}, {@code dump_values/2},
 * {@code mappings/2} and {@code cast_value/3}, reached through the field constant:
 *
 * <pre>{@code
 * Enums.of(Posts.STATUS).dumpValues();        // ["draft", "in_progress"]
 * Enums.ofList(Posts.LABELS).values();         // a List<Status> field: [DRAFT, IN_PROGRESS]
 * Enums.of(Posts.STATUS).castValue("draft");   // Optional[DRAFT]
 * }</pre>
 *
 * <p>Two entry points rather than one because Java cannot overload on {@code Field<?, E>} and
 * {@code Field<?, List<E>>}; both are typed, so the constants come back as {@code Status}.
 */
public final class Enums {
  private Enums() {}

  /**
   * The mapping of an enum field.
   *
   * @throws IllegalArgumentException when {@code field} does not hold an enum (Ecto raises too)
   */
  @SuppressWarnings("unchecked")
  public static <E extends Enum<E>> EnumType<E> of(Field<?, E> field) {
    return (EnumType<E>) enumType(field, field.type());
  }

  /**
   * The mapping of the elements of a {@code List<E>} enum field ({@code {:array, Ecto.Enum}}).
   *
   * @throws IllegalArgumentException when {@code field} is not a list of an enum
   */
  @SuppressWarnings("unchecked")
  public static <E extends Enum<E>> EnumType<E> ofList(Field<?, List<E>> field) {
    return (EnumType<E>) enumType(field, Types.elementOf(field.type()).orElse(null));
  }

  private static EnumType<?> enumType(Field<?, ?> field, FieldType<?> type) {
    if (type instanceof EnumType<?> enumType) {
      return enumType;
    }
    throw new IllegalArgumentException(field + " is not an enum field (it holds " + field.type().name()
        + "); Enums.of takes an enum field, Enums.ofList a List of an enum");
  }
}
