package io.ecto4j.type;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link PreparedStatement} that only records the calls made on it and on its connection, so
 * that bind tests can tell whether anything would have been sent. Results are null, false or zero.
 */
public final class RecordingStatement {
  private static final Map<Class<?>, Object> ZEROS = Map.of(boolean.class, false, int.class, 0, long.class, 0L,
      short.class, (short) 0, byte.class, (byte) 0, double.class, 0.0, float.class, 0f);

  private final List<String> calls = new ArrayList<>();
  private final Connection connection = recording(Connection.class, "connection.");
  private final PreparedStatement statement = recording(PreparedStatement.class, "");

  /** The statement to bind to. */
  public PreparedStatement statement() {
    return statement;
  }

  /** The calls so far, e.g. {@code setString(1)} or {@code connection.createArrayOf}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  private <T> T recording(Class<T> type, String prefix) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return connection;
      }
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("equals") ? self == args[0]
            : method.getName().equals("hashCode") ? System.identityHashCode(self) : "RecordingStatement";
      }
      boolean indexed = args != null && args.length > 0 && args[0] instanceof Integer;
      calls.add(prefix + method.getName() + (indexed ? "(" + args[0] + ")" : ""));
      return ZEROS.get(method.getReturnType());
    }));
  }
}
