package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A type you write, Ecto's {@code use Ecto.Type}: values of {@code V} stored as a built-in type's
 * {@code D}. You say how input is cast, how a value is dumped for the database and loaded back;
 * binding, reading, the column type and change tracking follow from the stored type.
 *
 * <pre>{@code
 * public record Email(String address) {
 *   public static final class Type extends CustomType<Email, String> {
 *     public Type() { super(Email.class, Types.STRING); }
 *     protected CastResult<Email> castInput(Object input) {
 *       return input instanceof String s && s.contains("@") ? CastResult.ok(new Email(s.strip()))
 *           : CastResult.invalid("is not an email address", Map.of("reason", "no_at_sign"));
 *     }
 *     protected Email load(String stored) { return new Email(stored); }
 *     protected String dump(Email value) { return value.address(); }
 *     protected boolean equal(Email a, Email b) { return a.address().equalsIgnoreCase(b.address()); }
 *   }
 * }
 *
 * @Field(using = Email.Type.class) Email email();
 * }</pre>
 *
 * <p>The generated companion constructs one instance per field (with a no-argument constructor,
 * or, for a parameterized type, Ecto's {@code Ecto.ParameterizedType}, with a constructor taking
 * the field's {@link TypeParams}), so an instance may hold configuration but must be safe to share
 * between threads. {@code null} never reaches your methods: it casts, loads and dumps to
 * {@code null}, and equals only {@code null}.
 *
 * <p>A value your {@link #dump} or {@link #load} cannot convert is a bug, not user input: throw,
 * and the repo reports a {@link CustomTypeException} naming the type, the field and the value's
 * class. Input from users is judged by {@link #castInput}, which refuses with a
 * {@link CastResult} and never throws.
 *
 * @param <V> the Java type of the field
 * @param <D> the Java type of the stored type, e.g. {@code String} for {@link Types#STRING}
 */
public abstract class CustomType<V, D> implements FieldType<V> {

  /** How a value is written inside JSON (a typed map's values), Ecto's {@code embed_as/1}. */
  public enum EmbedAs {
    /** As its dump (then read back with {@link CustomType#load}); the default, since any dump is a JSON value. */
    DUMP,
    /** As the value itself, which must then be a JSON value (read back with {@link CustomType#castInput}). */
    SELF
  }

  private final Class<V> javaType;
  private final FieldType<D> stored;
  private final TypeParams params;

  /** A plain type: values of {@code javaType} stored as {@code stored}. */
  protected CustomType(Class<V> javaType, FieldType<D> stored) {
    this(javaType, stored, TypeParams.none());
  }

  /** A parameterized type; {@code params} are shown in {@link #name()}, as Ecto formats a parameterized type. */
  protected CustomType(Class<V> javaType, FieldType<D> stored, TypeParams params) {
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.stored = Objects.requireNonNull(stored, "stored");
    this.params = Objects.requireNonNull(params, "params");
  }

  /**
   * The class of a generic value type, which Java names only by its erasure: a type of
   * {@code List<String>} values passes {@code super(valueClass(List.class), Types.list(Types.STRING))}.
   * The class is what {@link #javaType()} reports; the elements are the type's own business.
   */
  @SuppressWarnings("unchecked")
  protected static <T> Class<T> valueClass(Class<?> erasure) {
    return (Class<T>) Objects.requireNonNull(erasure, "erasure");
  }

  /** Turns external input, never null, into a value or a refusal (Ecto's {@code cast/1}); never throws. */
  protected abstract CastResult<V> castInput(Object input);

  /** The value of a stored one, never null (Ecto's {@code load/1}); throws when it cannot be one. */
  protected abstract V load(D stored);

  /** The stored form of a value, never null (Ecto's {@code dump/1}); throws when it has none. */
  protected abstract D dump(V value);

  /**
   * Whether two non-null values are the same, so that casting one over the other is no change
   * (Ecto's {@code equal?/2}); {@code equals} unless you say otherwise.
   */
  protected boolean equal(V left, V right) {
    return left.equals(right);
  }

  /** How a value is written inside JSON; see {@link EmbedAs}. */
  public EmbedAs embedAs() {
    return EmbedAs.DUMP;
  }

  /**
   * The type's name in messages and in the {@code type} of a cast error: the class's name within
   * its package ({@code Money.Type}), followed by the parameters of a parameterized type
   * ({@code Money.Type<currency=EUR>}). Override for a shorter one, as Ecto's {@code format/1}.
   */
  @Override
  public String name() {
    String className = getClass().getName();
    String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    return params.isEmpty() ? simple : simple + "<" + params + ">";
  }

  /** The built-in type that stores the values. */
  public final FieldType<D> storedType() {
    return stored;
  }

  @Override
  public final Class<V> javaType() {
    return javaType;
  }

  @Override
  public final String sqlType() {
    return stored.sqlType();
  }

  @Override
  public final CastResult<V> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    // A cast that breaks its contract is a bug in the type, not bad input: say so, naming the type.
    CastResult<V> result;
    try {
      result = castInput(external);
    } catch (RuntimeException e) {
      throw CustomTypeException.of(CustomTypeException.Direction.CAST, name(), external, e);
    }
    if (result == null) {
      throw CustomTypeException.of(CustomTypeException.Direction.CAST, name(), external, new IllegalStateException(
          "expected castInput to return CastResult.ok(value) or CastResult.invalid(…), got null"));
    }
    return result;
  }

  @Override
  public final boolean same(V left, V right) {
    return left == null || right == null ? left == right : equal(left, right);
  }

  @Override
  public final void bind(PreparedStatement statement, int index, V value) throws SQLException {
    stored.bind(statement, index, toStored(value));
  }

  @Override
  public final V read(ResultSet row, int index) throws SQLException {
    return fromStored(stored.read(row, index));
  }

  @Override
  public final String sqlLiteral(V value) {
    return stored.sqlLiteral(toStored(value));
  }

  /**
   * {@code value} dumped, null for null.
   *
   * @throws CustomTypeException when {@link #dump} fails
   */
  public final D toStored(V value) {
    return convert(CustomTypeException.Direction.DUMP, value, this::dump);
  }

  /**
   * {@code value}, of the stored type, loaded; null for null.
   *
   * @throws CustomTypeException when {@link #load} fails
   */
  public final V fromStored(D value) {
    return convert(CustomTypeException.Direction.LOAD, value, this::load);
  }

  /** {@code conversion} of a non-null value; any failure, a null result included, as a {@link CustomTypeException}. */
  private <A, B> B convert(CustomTypeException.Direction direction, A value, java.util.function.Function<A, B> conversion) {
    if (value == null) {
      return null;
    }
    try {
      return Objects.requireNonNull(conversion.apply(value),
          () -> direction.name().toLowerCase(java.util.Locale.ROOT) + " returned null");
    } catch (RuntimeException e) {
      throw CustomTypeException.of(direction, name(), value, e);
    }
  }

  /**
   * {@code value} given in another form than {@code V}, e.g. by {@code Repo.load} from a map of
   * database values: a value of the stored type's Java class is loaded, anything else cast.
   */
  public final CastResult<V> fromExternal(Object value) {
    if (value == null || javaType.isInstance(value)) {
      return CastResult.ok(javaType.cast(value));
    }
    if (stored.javaType().isInstance(value)) {
      return CastResult.ok(fromStored(stored.javaType().cast(value)));
    }
    return cast(value);
  }

  /** {@code value} as it is written inside JSON, by {@link #embedAs()}. */
  public final Object toEmbedded(V value) {
    return embedAs() == EmbedAs.SELF ? value : toStored(value);
  }

  /** A JSON value written by {@link #toEmbedded} back as a value; a refusal when it is not one. */
  public final CastResult<V> fromEmbedded(Object json) {
    if (json == null || embedAs() == EmbedAs.SELF) {
      return cast(json);
    }
    CastResult<D> storedValue = stored.cast(json);
    return storedValue.isOk() ? CastResult.ok(fromStored(storedValue.value())) : CastResult.invalid();
  }

  @Override
  public String toString() {
    return name();
  }
}
