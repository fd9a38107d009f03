package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports the custom-type tests of Ecto's type_test.exs to {@link CustomType}, {@link Types#list} and {@link Types#map}. */
class CustomTypeTest {
  /** Ecto's {@code Custom}: loads, dumps and casts to fixed values; {@code equal?} true when the left is true. */
  static final class Custom extends CustomType<Object, String> {
    Custom() {
      super(Object.class, Types.STRING);
    }

    @Override
    protected CastResult<Object> castInput(Object input) {
      return CastResult.ok("cast");
    }

    @Override
    protected Object load(String stored) {
      return "load";
    }

    @Override
    protected String dump(Object value) {
      return "dump";
    }

    @Override
    protected boolean equal(Object left, Object right) {
      return Boolean.TRUE.equals(left);
    }
  }

  /** A string type stored as itself; the tests' types differ only in how they cast. */
  abstract static class StoredAsItself extends CustomType<String, String> {
    StoredAsItself(TypeParams params) {
      super(String.class, Types.STRING, params);
    }

    @Override
    protected String load(String stored) {
      return stored;
    }

    @Override
    protected String dump(String value) {
      return value;
    }
  }

  /** Ecto's {@code CustomWithCastError}. */
  static final class WithCastError extends StoredAsItself {
    WithCastError() {
      super(TypeParams.none());
    }

    @Override
    protected CastResult<String> castInput(Object input) {
      return switch (String.valueOf(input)) {
        case "a" -> CastResult.ok("a");
        case "b" -> CastResult.invalid(Map.of("foo", "bar", "value", "b"));
        case "c" -> CastResult.invalid(Map.of("foo", "bar", "source", List.of("email"), "value", "c"));
        default -> CastResult.invalid("custom message", Map.of());
      };
    }
  }

  /** A parameterized type (Ecto's {@code CustomParameterizedTypeWithoutFormat}), named with its params. */
  static final class Parameterized extends StoredAsItself {
    Parameterized(TypeParams params) {
      super(params);
    }

    @Override
    protected CastResult<String> castInput(Object input) {
      return CastResult.ok("cast");
    }
  }

  private final Custom custom = new Custom();
  private final WithCastError withCastError = new WithCastError();

  /** Ports type_test.exs "custom types". */
  @Test
  void customTypes() {
    assertThat(custom.fromStored("foo")).isEqualTo("load");
    assertThat(custom.toStored("foo")).isEqualTo("dump");
    assertThat(custom.cast("foo")).isEqualTo(CastResult.ok("cast"));
    assertThat(withCastError.cast("a")).isEqualTo(CastResult.ok("a"));
    assertThat(withCastError.cast("b").keys()).containsEntry("foo", "bar").containsEntry("value", "b");
    assertThat(withCastError.cast("c").keys()).containsEntry("source", List.of("email"));
    assertThat(withCastError.cast("d").message()).contains("custom message");
    assertThat(custom.fromStored(null)).isNull();
    assertThat(custom.toStored(null)).isNull();
    assertThat(custom.cast(null)).isEqualTo(CastResult.ok(null));
    assertThat(withCastError.cast(null)).isEqualTo(CastResult.ok(null));
    assertThat(custom.sqlType()).isEqualTo("varchar(255)");
  }

  /** Ports type_test.exs "embed_as": the default is the dump (see docs/ecto-differences.md), SELF on request. */
  @Test
  void embedAs() {
    assertThat(custom.embedAs()).isEqualTo(CustomType.EmbedAs.DUMP);
    assertThat(custom.toEmbedded("x")).isEqualTo("dump");
  }

  /** Ports type_test.exs "embedded_load" and "embedded_dump" for a custom type inside a typed map. */
  @Test
  void embeddedLoadAndDump() {
    assertThat(custom.fromEmbedded("value")).isEqualTo(CastResult.ok("load"));
    assertThat(custom.toEmbedded("value")).isEqualTo("dump");
  }

  /** Ports type_test.exs "custom types with array": elements cast, with the failing index prepended to source. */
  @Test
  void customTypesWithArray() {
    FieldType<List<String>> list = Types.list(withCastError);
    assertThat(Types.list(custom).cast(List.of("foo"))).isEqualTo(CastResult.ok(List.of("cast")));
    assertThat(list.cast(List.of("b")).keys()).containsEntry("source", List.of(0)).containsEntry("foo", "bar");
    assertThat(list.cast(List.of("a", "a", "a", "b")).keys()).containsEntry("source", List.of(3));
    assertThat(list.cast(List.of("a", "a", "c", "a")).keys()).containsEntry("source", List.of(2, "email"));
    assertThat(list.cast(java.util.Arrays.asList((String) null))).isEqualTo(CastResult.ok(java.util.Arrays.asList((String) null)));
    assertThat(list.cast(null)).isEqualTo(CastResult.ok(null));
    assertThat(list.cast(1)).isEqualTo(CastResult.invalid());
    assertThat(list.sqlType()).isEqualTo("varchar(255)[]");
  }

  /** Ports type_test.exs "custom types with map": values cast, with the failing key prepended to source. */
  @Test
  void customTypesWithMap() {
    FieldType<Map<String, String>> map = Types.map(withCastError);
    assertThat(Types.map(custom).cast(Map.of("x", "foo"))).isEqualTo(CastResult.ok(Map.of("x", "cast")));
    assertThat(map.cast(Map.of("x", "b")).keys()).containsEntry("source", List.of("x"));
    assertThat(map.cast(Map.of("x", "c")).keys()).containsEntry("source", List.of("x", "email"));
    assertThat(map.cast(null)).isEqualTo(CastResult.ok(null));
    assertThat(map.cast(1)).isEqualTo(CastResult.invalid());
  }

  /** Ports type_test.exs "typed maps". */
  @Test
  void typedMaps() {
    FieldType<Map<String, Long>> integers = Types.map(Types.LONG);
    assertThat(integers.cast(Map.of("a", "1", "b", "2"))).isEqualTo(CastResult.ok(Map.of("a", 1L, "b", 2L)));
    Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("a", "1");
    withNull.put("b", null);
    assertThat(integers.cast(withNull).value()).containsEntry("a", 1L).containsEntry("b", null);
    assertThat(Types.map(Types.list(Types.LONG)).cast(Map.of("a", List.of(0, 0))))
        .isEqualTo(CastResult.ok(Map.of("a", List.of(0L, 0L))));
    assertThat(integers.cast(Map.of("a", ""))).isEqualTo(CastResult.invalid());
    assertThat(integers.cast(1)).isEqualTo(CastResult.invalid());
    assertThat(integers.sqlType()).isEqualTo("jsonb");
  }

  /** Ports type_test.exs "equal?/3" "custom semantical comparison" and "nil values" (Custom). */
  @Test
  void customEquality() {
    assertThat(custom.same(true, false)).isTrue();
    assertThat(custom.same(false, false)).isFalse();
    assertThat(custom.same(null, null)).isTrue();
    assertThat(custom.same("x", null)).isFalse();
    assertThat(Types.map(Types.DECIMAL).same(Map.of("x", new java.math.BigDecimal("1")),
        Map.of("x", new java.math.BigDecimal("1.0")))).isTrue();
  }

  /** Ports type_test.exs "format/1": a parameterized type is named with its params, a plain one by its class. */
  @Test
  void format() {
    assertThat(new Parameterized(TypeParams.of("key", "value")).name())
        .isEqualTo("CustomTypeTest.Parameterized<key=value>");
    assertThat(new Parameterized(TypeParams.none()).name()).isEqualTo("CustomTypeTest.Parameterized");
    assertThat(Types.list(new Parameterized(TypeParams.of("k", "v"))).name())
        .isEqualTo("list<CustomTypeTest.Parameterized<k=v>>");
    assertThat(Types.LONG.name()).isEqualTo("long");
    assertThat(Types.list(Types.LONG).name()).isEqualTo("list<long>");
    assertThat(Types.map(Types.LONG).name()).isEqualTo("map<long>");
  }

  /**
   * Ports type_test.exs "equal?/3" "primitive", "composite primitive", the decimal part of "semantical
   * comparison", "composite semantical comparison", "custom structural comparison" and "nil values".
   */
  @Test
  void builtInEquality() {
    assertThat(Types.INTEGER.same(1, 1)).isTrue();
    assertThat(Types.INTEGER.same(1, 2)).isFalse();
    assertThat(Types.INTEGER.same(1, null)).isFalse();
    assertThat(Types.list(Types.INTEGER).same(List.of(1), List.of(1))).isTrue();
    assertThat(Types.list(Types.INTEGER).same(List.of(1, 1), List.of(1))).isFalse();
    assertThat(Types.list(Types.INTEGER).same(List.of(1), List.of(1, 1))).isFalse();
    java.math.BigDecimal one = new java.math.BigDecimal("1");
    assertThat(Types.DECIMAL.same(one, new java.math.BigDecimal("1.0"))).isTrue();
    assertThat(Types.DECIMAL.same(one, new java.math.BigDecimal("1.1"))).isFalse();
    assertThat(Types.list(Types.DECIMAL).same(List.of(one), List.of(new java.math.BigDecimal("1.0")))).isTrue();
    assertThat(Types.list(Types.DECIMAL).same(List.of(one, one), List.of(one))).isFalse();
    java.util.UUID uuid = java.util.UUID.fromString("00000000-0000-0000-0000-000000000000");
    assertThat(Types.UUID_TYPE.same(uuid, uuid)).isTrue();
    assertThat(Types.UUID_TYPE.same(uuid, null)).isFalse();
    for (FieldType<?> type : List.of(Types.ANY, Types.BOOLEAN, Types.BYTES, Types.UUID_TYPE, Types.LOCAL_DATE,
        Types.DECIMAL, Types.DOUBLE, Types.LONG, Types.INTEGER, Types.JSON_MAP, Types.STRING, Types.INSTANT)) {
      assertThat(sameNulls(type)).as(type.name()).isTrue();
    }
    List<java.time.LocalTime> times = java.util.Arrays.asList(java.time.LocalTime.of(10, 10, 10), null);
    assertThat(Types.list(Types.LOCAL_TIME).same(times, times)).isTrue();
    Map<String, java.time.LocalTime> timeMap = new java.util.HashMap<>();
    timeMap.put("one", null);
    timeMap.put("two", java.time.LocalTime.of(10, 10, 10));
    assertThat(Types.map(Types.LOCAL_TIME).same(timeMap, timeMap)).isTrue();
  }

  private static <V> boolean sameNulls(FieldType<V> type) {
    return type.same(null, null);
  }

  /** A dump that fails is an exception naming the type and the value's class. */
  @Test
  void dumpFailureNamesTheType() {
    assertThat(withCastError.toStored(null)).isNull();
    CustomType<String, Integer> failing = new CustomType<>(String.class, Types.INTEGER) {
      @Override
      protected CastResult<String> castInput(Object input) {
        return CastResult.invalid();
      }

      @Override
      protected String load(Integer stored) {
        throw new IllegalStateException("never");
      }

      @Override
      protected Integer dump(String value) {
        return Integer.parseInt(value);
      }

      @Override
      public String name() {
        return "digits";
      }
    };
    assertThatThrownBy(() -> failing.toStored("x1")).isInstanceOf(CustomTypeException.class)
        .hasMessageStartingWith("[CustomTypeDump] digits cannot dump a java.lang.String: For input string");
    assertThatThrownBy(() -> failing.fromStored(1)).isInstanceOf(CustomTypeException.class)
        .hasMessage("[CustomTypeLoad] digits cannot load a java.lang.Integer: never");
  }
}
