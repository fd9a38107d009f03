package io.ecto4j.processor;

/**
 * The messages of embedded schemas and embeds, in the format of {@link Messages}
 * ({@code [Tag] what is wrong; how to fix it}); listed in docs/errors.md.
 */
public final class EmbedMessages {
  private EmbedMessages() {}

  /** {@code @EmbedsOne Address address()} where {@code Address} is no {@code @Embedded} interface. */
  public static String target(String annotation, String type) {
    return "[EmbedTarget] @" + annotation + " type " + type + " is not an @Embedded interface; annotate "
        + type + " with @Embedded (a @Schema has a table of its own: use @HasOne/@HasMany for it)";
  }

  /** {@code @EmbedsMany Address address()}, or {@code @EmbedsOne List<Address> addresses()}. */
  public static String shape(String annotation, String method, String found) {
    return "[EmbedType] @" + annotation + " " + method + "() returns " + found + "; "
        + (annotation.equals("EmbedsMany") ? "declare it as List<X> of an @Embedded interface X"
            : "return the @Embedded interface itself, or use @EmbedsMany for a list");
  }

  /** An {@code onReplace} Ecto does not take for embeds. */
  public static String onReplace(String annotation, String method, String onReplace) {
    String valid = annotation.equals("EmbedsMany") ? "RAISE, MARK_AS_INVALID or DELETE (UPDATE is for @EmbedsOne only)"
        : "RAISE, MARK_AS_INVALID, DELETE or UPDATE";
    return "[EmbedOnReplace] @" + annotation + "(onReplace = " + onReplace + ") on " + method + "(): an embed has "
        + "no row or foreign key of its own; use " + valid;
  }

  /** {@code @Embedded(primaryKey = @PrimaryKey(type = BIGSERIAL))}. */
  public static String bigserialKey(String name) {
    return "[EmbeddedKey] @Embedded " + name + " has a BIGSERIAL primary key, which only a table's sequence can "
        + "assign; use type = UUID (the default, generated when the embed is first written) or NONE";
  }

  /** {@code @Timestamps} on an {@code @Embedded} interface. */
  public static String embeddedMember(String name, String what) {
    return "[EmbeddedMember] @Embedded " + name + " declares " + what + ", but an embedded schema has no table to "
        + "stamp; use @EmbedsOne/@EmbedsMany for nested structs, or make " + name + " a @Schema";
  }

  /** A {@code @HasOne}, {@code @HasMany} or {@code @ManyToMany} on an {@code @Embedded} interface. */
  public static String embeddedAssociation(String name, String annotation, String method) {
    return "[EmbeddedAssociation] @Embedded " + name + " declares @" + annotation + " " + method + "(), but an"
        + " embedded schema can only declare @BelongsTo, whose foreign key is a field of its JSON: no row of another"
        + " table can hold a key into a jsonb column; declare the association on the @Schema that holds the embed,"
        + " or make " + name + " a @Schema";
  }

  /**
   * A {@code @BelongsTo} attribute of an {@code @Embedded} interface that only a table uses: the
   * foreign key constraint's {@code onDelete}, or what {@code castAssoc}/{@code putAssoc} read.
   */
  public static String embeddedBelongsToOption(String name, String method, String attribute) {
    String why = attribute.equals("onDelete")
        ? "it declares the foreign key constraint of a table, and an embedded schema has none"
        : "only castAssoc/putAssoc read it, and an embedded schema's association is read-only (preload it; set its"
            + " foreign key field to change it)";
    return "[EmbeddedBelongsTo] @BelongsTo(" + attribute + " = …) " + method + "() in @Embedded " + name + ": "
        + why + "; remove " + attribute;
  }
}
