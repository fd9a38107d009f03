package io.ecto4j.jackson;

import io.ecto4j.changeset.ChangesetError;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.Version;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 support for ecto4j: structs as JSON objects, changesets as Phoenix's error JSON,
 * request bodies as {@link Params}, and a clear refusal to read a struct from JSON (read params and
 * cast them with a changeset).
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new EctoJacksonModule()).build();
 * mapper.writeValueAsString(post);       // {"id":1,"title":"Hello",…,"comments":[…]}
 * mapper.writeValueAsString(changeset);  // {"errors":{"title":["can't be blank"]}}
 * }</pre>
 *
 * <p>A struct is written from its schema ({@code Posts.SCHEMA}), not by reflecting on the record:
 * every field by its Java name, in column order, then the virtual fields; redacted fields never;
 * loaded associations nested, unloaded ones as {@link Builder#unloadedAssociations} says. Values go
 * through the mapper's own serializers, so dates are ISO-8601 strings and decimals exact numbers
 * under Jackson 3's defaults, and the mapper's settings apply to them, its property inclusion
 * ({@code NON_NULL}, {@code NON_EMPTY}) too.
 *
 * <p>The default module is listed for Jackson's discovery, so a mapper built with
 * {@code findAndAddModules()} has it. A mapper holds one module per type: a later
 * {@code EctoJacksonModule} replaces an earlier one, so add a configured one ({@link #builder()})
 * after discovery.
 */
public final class EctoJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The defaults: unloaded associations left out, messages interpolated as Ecto's {@code traverse_errors}. */
  public EctoJacksonModule() {
    this(builder());
  }

  private EctoJacksonModule(Builder builder) {
    super("ecto4j", Version.unknownVersion());
    addSerializer(new StructSerializer(builder.unloaded));
    addSerializer(new ChangesetSerializer(builder.messages));
    addDeserializer(Params.class, new ParamsDeserializer());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    // SimpleModule matches deserializers by exact class; every generated struct is refused alike.
    context.addDeserializers(new StructRefusal.Finder());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The module's options; redacted fields have none: they are never written. */
  public static final class Builder {
    private UnloadedAssociations unloaded = UnloadedAssociations.OMIT;
    private Function<ChangesetError, String> messages = ChangesetError::interpolated;

    private Builder() {}

    /** What an association that was not preloaded becomes; {@link UnloadedAssociations#OMIT} unless set. */
    public Builder unloadedAssociations(UnloadedAssociations unloaded) {
      this.unloaded = Objects.requireNonNull(unloaded, "unloaded");
      return this;
    }

    /**
     * How an error becomes its message, Phoenix's {@code translate_error/1}: e.g. a lookup of
     * {@code error.message()} in a bundle, then {@code %{count}} filled from {@code error.keys()}.
     * {@link ChangesetError#interpolated()} unless set.
     */
    public Builder errorMessages(Function<ChangesetError, String> messages) {
      this.messages = Objects.requireNonNull(messages, "messages");
      return this;
    }

    public EctoJacksonModule build() {
      return new EctoJacksonModule(this);
    }
  }
}
