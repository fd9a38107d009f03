package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Java enum in a column, {@code Ecto.Enum}: each constant is stored as a string (its name unless
 * {@code @EnumValue("in_progress")} says otherwise) or, for an enum whose constants all carry
 * {@code @EnumValue(number = 1)}, as an integer. With {@code @Field(type = "mood")} naming a
 * PostgreSQL enum type, the strings are sent so that PostgreSQL reads them as that type.
 *
 * <p>Ask a field for its mapping with {@link io.ecto4j.meta.Enums#of}, Ecto's {@code values/2},
 * {@code dump_values/2} and {@code mappings/2}:
 *
 * <pre>{@code
 * Enums.of(Posts.STATUS).values();       // [DRAFT, IN_PROGRESS]
 * Enums.of(Posts.STATUS).dumpValues();   // ["draft", "in_progress"]
 * Enums.of(Posts.STATUS).mappings();     // {DRAFT=draft, IN_PROGRESS=in_progress}
 * }</pre>
 *
 * <p>Casting accepts a constant, its name and its stored value (a string, or an {@code Integer} for
 * an integer enum); anything else is the error {@code is invalid} with {@code validation: inclusion}
 * and the allowed names under {@code enum}. Reading a stored value no constant maps to throws, naming
 * the column and the stored values known.
 *
 * @param <E> the enum
 */
public final class EnumType<E extends Enum<E>> implements FieldType<E> {
  private final Class<E> type;
  private final Map<E, Object> mappings;
  private final Map<Object, E> byStored = new HashMap<>();
  private final Map<String, E> byName = new HashMap<>();
  private final boolean integer;
  /** The PostgreSQL enum type named by {@code @Field(type = …)}, or null for varchar/integer. */
  private final String databaseType;

  private EnumType(Class<E> type, Map<E, Object> mappings, boolean integer, String databaseType) {
    this.type = type;
    this.mappings = Collections.unmodifiableMap(mappings);
    this.integer = integer;
    this.databaseType = databaseType;
    mappings.forEach((constant, stored) -> {
      byStored.put(stored, constant);
      byName.put(constant.name(), constant);
    });
  }

  /** Constants stored by name, or by the strings {@code stored} (one per constant, in order) when given. */
  static <E extends Enum<E>> EnumType<E> strings(Class<E> type, E[] values, String... stored) {
    Map<E, Object> mappings = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      mappings.put(values[i], stored.length == 0 ? values[i].name() : stored[i]);
    }
    return checked(new EnumType<>(type, mappings, false, null), values.length);
  }

  /** Constants stored as the integers {@code stored}, one per constant, in order. */
  static <E extends Enum<E>> EnumType<E> integers(Class<E> type, E[] values, int... stored) {
    if (stored.length != values.length) {
      throw new IllegalArgumentException(type.getName() + " has " + values.length + " constants but "
          + stored.length + " stored numbers were given");
    }
    Map<E, Object> mappings = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      mappings.put(values[i], stored[i]);
    }
    return checked(new EnumType<>(type, mappings, true, null), values.length);
  }

  // The processor refuses repeated values at compile time; a hand-built type is checked here.
  private static <E extends Enum<E>> EnumType<E> checked(EnumType<E> built, int constants) {
    if (built.byStored.size() != constants) {
      throw new IllegalArgumentException(
          "Ecto.Enum values must be unique: " + built.type.getName() + " maps " + built.mappings);
    }
    return built;
  }

  /**
   * This enum in the PostgreSQL enum type {@code name} ({@code CREATE TYPE mood AS ENUM (…)}):
   * values are bound so that PostgreSQL reads them as that type, in inserts, updates and query
   * parameters alike, and lists of them as {@code name[]}.
   *
   * @throws IllegalStateException for an integer enum, which has no string to send
   */
  public EnumType<E> inDatabaseType(String name) {
    if (integer) {
      throw new IllegalStateException(type.getName() + " is stored as integers and cannot be a database enum type");
    }
    return new EnumType<>(type, new LinkedHashMap<>(mappings), false, name);
  }

  /** The constants, in declaration order: Ecto.Enum's {@code values/2}. */
  public List<E> values() {
    return List.copyOf(mappings.keySet());
  }

  /** The stored values ({@code String}s, or {@code Integer}s), in declaration order: {@code dump_values/2}. */
  public List<Object> dumpValues() {
    return List.copyOf(mappings.values());
  }

  /** Each constant with its stored value, in declaration order: {@code mappings/2}. */
  public Map<E, Object> mappings() {
    return mappings;
  }

  /** The stored value of {@code value}: a {@code String}, or an {@code Integer} for an integer enum. */
  public Object dump(E value) {
    return mappings.get(value);
  }

  /** {@code external} cast as a changeset would, or empty when it names no constant: {@code cast_value/3}. */
  public Optional<E> castValue(Object external) {
    CastResult<E> cast = cast(external);
    return cast.isOk() ? Optional.ofNullable(cast.value()) : Optional.empty();
  }

  /** Whether constants are stored as integers ({@code @EnumValue(number = …)}). */
  public boolean isInteger() {
    return integer;
  }

  @Override
  public String name() {
    return "enum<" + type.getSimpleName() + ">";
  }

  @Override
  public String sqlType() {
    return databaseType != null ? databaseType : integer ? "integer" : "varchar(255)";
  }

  /** The element type name for a PostgreSQL array of this enum, as {@code createArrayOf} wants it. */
  String arrayElementName() {
    return databaseType != null ? databaseType : integer ? "int4" : "varchar";
  }

  @Override
  public Class<E> javaType() {
    return type;
  }

  @Override
  public void bind(PreparedStatement statement, int index, E value) throws SQLException {
    if (integer) {
      Binds.integerOrNull(statement, index, value == null ? null : (Integer) dump(value));
    } else if (databaseType != null) {
      // Types.OTHER sends the text untyped, so PostgreSQL takes it as the column's enum type.
      statement.setObject(index, value == null ? null : dump(value), java.sql.Types.OTHER);
    } else {
      Binds.string(statement, index, value == null ? null : (String) dump(value));
    }
  }

  @Override
  public E read(ResultSet row, int index) throws SQLException {
    Object stored = integer ? Reads.integerOrNull(row, index) : row.getString(index);
    if (stored == null) {
      return null;
    }
    E value = byStored.get(stored);
    if (value == null) {
      throw new SQLException(column(row, index) + " holds " + quoted(stored) + ", which " + type.getName()
          + " does not map to any constant; known stored values: " + dumpValues()
          + " (add the constant, or its @EnumValue, or fix the row)");
    }
    return value;
  }

  private static String column(ResultSet row, int index) throws SQLException {
    java.sql.ResultSetMetaData meta = row.getMetaData();
    String table = meta.getTableName(index);
    String column = meta.getColumnName(index);
    return "column " + (table == null || table.isEmpty() ? "" : table + ".") + column + " (position " + index + ")";
  }

  private static String quoted(Object stored) {
    return stored instanceof String ? "'" + stored + "'" : String.valueOf(stored);
  }

  @Override
  public CastResult<E> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    if (type.isInstance(external)) {
      return CastResult.ok(type.cast(external));
    }
    E value = byStored.get(integer ? asInteger(external) : external);
    if (value == null && external instanceof String name) {
      value = byName.get(name);
    }
    return value != null ? CastResult.ok(value) : notIncluded();
  }

  /** A {@code Long} or {@code Short} from JSON as the {@code Integer} key it would equal. */
  private static Object asInteger(Object external) {
    if (external instanceof Long || external instanceof Short || external instanceof Byte) {
      long number = ((Number) external).longValue();
      return number == (int) number ? Integer.valueOf((int) number) : null;
    }
    return external;
  }

  /** Ecto.Enum's refusal: {@code validation: inclusion}, with the names it casts from under {@code enum}. */
  private CastResult<E> notIncluded() {
    List<String> names = new ArrayList<>();
    mappings.keySet().forEach(constant -> names.add(constant.name()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("validation", "inclusion");
    details.put("enum", List.copyOf(names));
    return CastResult.invalid(details);
  }

  @Override
  public String sqlLiteral(E value) {
    Object stored = dump(value);
    return integer ? String.valueOf(stored) : SqlLiterals.quote((String) stored);
  }

  @Override
  public String toString() {
    return name();
  }
}
