package io.ecto4j.processor;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.Arrays;

/** A {@link ResultSet} positioned on one row of the given column values (1-based), for row-mapping tests. */
public final class FakeRow {
  private FakeRow() {}

  public static ResultSet of(Object... values) {
    boolean[] lastWasNull = new boolean[1];
    return (ResultSet) Proxy.newProxyInstance(FakeRow.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (self, method, arguments) -> {
          if (method.getName().equals("wasNull")) {
            return lastWasNull[0];
          }
          if (!method.getName().startsWith("get") || arguments == null || !(arguments[0] instanceof Integer)) {
            throw new UnsupportedOperationException(method.getName() + Arrays.toString(arguments));
          }
          Object value = values[(Integer) arguments[0] - 1];
          lastWasNull[0] = value == null;
          return value == null ? zero(method.getReturnType()) : value;
        });
  }

  private static Object zero(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return type == double.class ? 0.0 : null;
  }
}
