package io.ecto4j.changeset;

import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.type.FieldType;
import java.util.List;
import java.util.Map;

/**
 * A schemaless data shape over a map, Ecto's {@code {data, types}}: the fields and their types
 * declared at run time, the data a {@link FormData} holding a map. For a sign-up form, a search
 * form or an API payload that is cast and validated but is no table.
 *
 * <pre>{@code
 * static final Form SIGNUP = Form.named("Signup");
 * static final Field<FormData, String> EMAIL = SIGNUP.field("email", Types.STRING);
 * static final Field<FormData, Integer> AGE = SIGNUP.field("age", Types.INTEGER);
 * static final Field<FormData, List<String>> TOPICS = SIGNUP.field("topics", Types.list(Types.STRING));
 *
 * Result<FormData, Changeset<FormData>> signup =
 *     Changeset.cast(SIGNUP.empty(), params, EMAIL, AGE, TOPICS)
 *         .validateRequired(EMAIL)
 *         .validateNumber(AGE, Numbers.greaterThanOrEqualTo(18))
 *         .applyAction(Changeset.Action.INSERT);
 * signup.orElseThrow(...).toMap();   // {email=ada@example.com, age=36, topics=[java]}
 * }</pre>
 *
 * <p>Each field is a typed {@link Field}, so a validation that does not fit its type does not
 * compile, as with a schema's fields. The trade-off against a record with {@link Schemaless#of}: a
 * form needs no class of its own, but its values are read through the fields
 * ({@code data.get(EMAIL)}) rather than accessors.
 */
public final class Form extends Schemaless<FormData> {

  private Form(String name) {
    super(name, shape -> new FormData((Form) shape, Map.of()));
  }

  /** A form named {@code name}, as messages and {@code toString} name it ({@code Signup.email}). */
  public static Form named(String name) {
    return new Form(name);
  }

  /**
   * Declares the field {@code name} of {@code type} ({@code Types.STRING}, {@code Types.list(Types.INTEGER)},
   * any {@link FieldType}).
   *
   * @throws IllegalArgumentException when the form already has a field of that name
   */
  public <V> Field<FormData, V> field(String name, FieldType<V> type) {
    return declare(mapField(name, type));
  }

  /**
   * Declares a field whose value is never shown: {@code **redacted**} in {@code toString()} of the
   * data and of changesets, as Ecto's {@code redact: true}. For passwords and tokens.
   */
  public <V> Field<FormData, V> redactedField(String name, FieldType<V> type) {
    return declare(mapField(name, type).redacted());
  }

  /**
   * Declares an embeds_one: the value under {@code name} is a struct of the embedded schema
   * {@code related}, cast from a nested map by {@link Changeset#castEmbed}, as Ecto's
   * {@code %{source: {:embed, %Ecto.Embedded{cardinality: :one, related: SocialSource}}}}.
   *
   * <pre>{@code
   * static final Embed<FormData, AddressStruct, AddressStruct> SHIP_TO =
   *     CHECKOUT.embedOne("shipTo", Addresses.SCHEMA, OnReplace.RAISE);
   * Changeset.cast(CHECKOUT.empty(), params).castEmbed(SHIP_TO, Address::changeset);
   * }</pre>
   */
  public <E extends Struct<E>> Embed<FormData, E, E> embedOne(String name, EmbeddedTable<E> related,
      OnReplace onReplace) {
    return embedOne(name, related, data -> data.<E>value(name), (data, value) -> data.with(name, value), onReplace);
  }

  /** Declares an embeds_many: the value under {@code name} is a list of structs of {@code related}. */
  public <E extends Struct<E>> Embed<FormData, List<E>, E> embedMany(String name, EmbeddedTable<E> related,
      OnReplace onReplace) {
    return embedMany(name, related, data -> data.<List<E>>value(name), (data, value) -> data.with(name, value),
        onReplace);
  }

  private <V> Field<FormData, V> mapField(String name, FieldType<V> type) {
    return fieldOf(name, type, data -> data.<V>value(name), (data, value) -> data.with(name, value));
  }

  /** The data with no values: every field reads null, as Ecto's {@code {%{}, types}}. */
  public FormData empty() {
    return newStruct();
  }

  /**
   * The data holding {@code values}, keyed by field name; Ecto's {@code {%{title: "hello"}, types}}.
   * A value of a declared field must be of its type; keys that name no field are kept, as in Ecto's
   * map, and given back by {@link FormData#toMap()}.
   *
   * @throws IllegalArgumentException naming the field, for a value not of its type
   */
  public FormData data(Map<String, ?> values) {
    return FormData.of(this, values);
  }
}
