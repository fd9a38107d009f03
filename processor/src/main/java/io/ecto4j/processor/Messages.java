package io.ecto4j.processor;

import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.Names;

/**
 * Every message the processor shows a user, each as {@code [Tag] what is wrong; how to fix it}. The
 * tags are stable: tests, docs and searches rely on them.
 *
 * <p>Tags: SchemaKind, SchemaTableName, SchemaGeneric, SchemaVisibility, SchemaSuperinterface,
 * SchemaEmpty, GeneratedName, GeneratedNameClash, TableColumnConflict, JavaIdentifier, SqlIdentifier,
 * SqlType, MethodNotAbstract, MethodParameters, MethodGeneric, MethodVoid, ConflictingAnnotations,
 * UnsupportedType, AnyNotVirtual, CustomTypeClass, CustomTypeInstantiable, CustomTypeConstructor,
 * CustomTypeParams, CustomTypeStored, CustomTypeValue, CustomTypeArray, DefaultValue, DefaultNotSupported,
 * UniqueVirtual, AutogenerateType, AutogenerateClass, AutogenerateOption, AssocDefaults, WritableViolation,
 * TimestampsWritable, VirtualOption, BelongsToField, UnmappedMethod, ExposureType, NameClash,
 * DuplicateColumn, BelongsToType, HasOneType, HasManyType, ManyToManyType, BelongsToTarget,
 * HasOneTarget, HasManyTarget, ManyToManyTarget, BelongsToReferences, HasReferences, AssociationPrimaryKey,
 * KeyPartWithGeneratedKey, KeyPartVirtual, KeyPartEmbedded, KeyPartUndefinedField,
 * MissingInverse, JoinThroughMissing, JoinKeys, AssociationWhere, AssociationWhereColumn, AssociationWhereValue,
 * AssociationWhereTest, AssociationWhereList, AssociationWhereFragment, JoinWhereSchema, UnresolvedType,
 * Unexpected, WriteFailed;
 * for migrations: MigrationName, MigrationClass, MigrationVersionClash, MigrationIndexClash.
 */
public final class Messages {
  /** The Java types a field can have, for {@code [UnsupportedType]}. */
  public static final String SUPPORTED_TYPES = "String, boolean/Boolean, short/Short, int/Integer, "
      + "long/Long, double/Double, BigDecimal, UUID, Instant, OffsetDateTime, LocalDateTime, LocalDate, "
      + "LocalTime, Duration, byte[], an enum, List<E> of any of these but byte[], Map<String, Object>, "
      + "Map<String, V> of any of these but byte[] and maps, a type of @Field(using = …), "
      + "or Object on a virtual field";

  private static final String SQL_IDENTIFIER_RULE = "use lowercase letters, digits and underscores, "
      + "starting with a letter or an underscore, at most 63 characters";

  private Messages() {}

  // The schema interface

  public static String schemaKind(String name, String kind) {
    return "[SchemaKind] @Schema " + name + " is " + kind + ", not an interface; declare it as "
        + "`public interface " + name + "` with abstract accessors";
  }

  public static String schemaTableName(String name) {
    return "[SchemaTableName] @Schema on " + name + " names no table; write @Schema(\""
        + Names.suggestedTable(name) + "\")";
  }

  public static String schemaGeneric(String name) {
    return "[SchemaGeneric] @Schema interface " + name + " declares type parameters; a schema maps one "
        + "table, remove them";
  }

  public static String schemaVisibility(String name) {
    return "[SchemaVisibility] @Schema interface " + name + " is private or nested in a private type, "
        + "so the generated struct cannot implement it; make it package-private or public";
  }

  public static String schemaSuperinterface(String name, String method, String owner) {
    return "[SchemaSuperinterface] " + name + " inherits the abstract method " + method + " from " + owner
        + ", which the generated struct cannot implement; make it a default method, or redeclare it in "
        + name + " with @Field";
  }

  public static String schemaEmpty(String name) {
    return "[SchemaEmpty] @Schema " + name + " has no column; add a @Field or keep the primary key";
  }

  public static String generatedName(String attribute, String value) {
    return "[GeneratedName] @Schema(" + attribute + " = \"" + value + "\") is not a valid Java type name; "
        + "use a name like \"PostRecord\"";
  }

  public static String generatedNameExists(String schema, String what, String type, String attribute) {
    return "[GeneratedNameClash] " + schema + " would generate the " + what + " " + type
        + ", but that type already exists; rename the existing type or set @Schema(" + attribute
        + " = \"…\")";
  }

  public static String generatedNameTwice(String schema, String type, String other) {
    return "[GeneratedNameClash] " + schema + " and " + other + " would both generate " + type
        + "; set @Schema(struct = \"…\") or @Schema(companion = \"…\") on one of them";
  }

  public static String tableColumnConflict(String schema, String table, String column, String definition,
      String other, String otherDefinition) {
    return "[TableColumnConflict] column \"" + column + "\" of table \"" + table + "\" is " + definition + " in "
        + schema + " but " + otherDefinition + " in " + other + ", which maps the same table; define the column "
        + "alike in both schemas (type, nullable, defaultValue), or give one of them its own table";
  }

  // Names

  public static String javaIdentifier(String what, String value) {
    return "[JavaIdentifier] " + what + " \"" + value + "\" is not a valid Java identifier; use a name "
        + "like \"insertedAt\"";
  }

  public static String sqlIdentifier(String what, String value, String fix) {
    return "[SqlIdentifier] " + what + " \"" + value + "\" is not a valid SQL identifier; "
        + SQL_IDENTIFIER_RULE + fix;
  }

  public static String sqlType(String method, String value) {
    return "[SqlType] @Field(type = \"" + value + "\") of " + method + "() is not a column type ecto4j "
        + "accepts; write a plain type such as \"text\", \"numeric(10, 2)\" or \"integer[]\"";
  }

  // Methods

  public static String methodNotAbstract(String annotation, String method) {
    return "[MethodNotAbstract] @" + annotation + " " + method + "() has a body or is static; the "
        + "generated struct implements annotated methods, so declare it abstract: `" + method + "();`";
  }

  public static String methodParameters(String annotation, String method) {
    return "[MethodParameters] @" + annotation + " " + method + "() takes parameters; an accessor takes "
        + "none, remove them";
  }

  public static String methodGeneric(String annotation, String method) {
    return "[MethodGeneric] @" + annotation + " " + method + "() declares type parameters; an accessor "
        + "has one fixed type, remove them";
  }

  public static String methodVoid(String annotation, String method) {
    return "[MethodVoid] @" + annotation + " " + method + "() returns void; return the value's type, "
        + "e.g. `String " + method + "();`";
  }

  public static String conflictingAnnotations(String method, String first, String second) {
    return "[ConflictingAnnotations] " + method + "() has both @" + first + " and @" + second
        + "; keep one of them";
  }

  public static String unsupportedType(String method, String type) {
    return "[UnsupportedType] @Field " + method + "() has the type " + type + ", which ecto4j cannot "
        + "store; use one of " + SUPPORTED_TYPES;
  }

  public static String anyNotVirtual(String method) {
    return "[AnyNotVirtual] @Field " + method + "() has the type Object, Ecto's :any, which has no column type; "
        + "mark it @Field(virtual = true) to keep any value in structs and changesets, or give it a storable type";
  }

  // Custom types: @Field(using = …, params = …)

  public static String customTypeClass(String method, String type) {
    return "[CustomTypeClass] @Field(using = " + type + ".class) of " + method + "() does not extend "
        + "io.ecto4j.type.CustomType<V, D>; name a class that extends it with both type arguments, "
        + "or remove `using` for a built-in type";
  }

  public static String customTypeInstantiable(String method, String type) {
    return "[CustomTypeInstantiable] " + type + ", the custom type of " + method + "(), cannot be constructed "
        + "by the generated companion; make it a public, non-abstract class (static if it is nested)";
  }

  public static String customTypeConstructor(String method, String type) {
    return "[CustomTypeConstructor] " + type + ", the custom type of " + method + "(), has no public "
        + "constructor the companion can call; add a public no-argument constructor, or a public one "
        + "taking io.ecto4j.type.TypeParams for a parameterized type";
  }

  public static String customTypeParamsNotTaken(String method, String type) {
    return "[CustomTypeParams] " + method + "() gives params to " + type + ", which has no public constructor "
        + "taking io.ecto4j.type.TypeParams; add one, or remove params";
  }

  public static String customTypeParam(String method, String param) {
    return "[CustomTypeParams] param \"" + param + "\" of " + method + "() is not key=value or repeats a key; "
        + "write each as \"key=value\", e.g. \"currency=EUR\", each key once";
  }

  public static String customTypeParamsWithoutType(String method) {
    return "[CustomTypeParams] " + method + "() has params but no custom type to take them; add "
        + "using = YourType.class, or remove params";
  }

  public static String customTypeStored(String method, String type, String stored) {
    return "[CustomTypeStored] " + type + ", the custom type of " + method + "(), stores " + stored
        + ", which ecto4j cannot store; extend CustomType<V, D> with D one of " + SUPPORTED_TYPES;
  }

  public static String customTypeArray(String method, String type, String stored, String value) {
    return "[CustomTypeArray] " + method + "() is a list of " + type + ", which stores " + stored
        + ", and a PostgreSQL array cannot hold that; declare the field as " + value + " or Map<String, " + value
        + ">, or store the type as a scalar";
  }

  public static String customTypeValue(String method, String type, String value, String field) {
    return "[CustomTypeValue] " + type + " holds " + value + " values, but " + method + "() is " + field
        + "; declare the field as " + value + ", List<" + value + "> or Map<String, " + value
        + ">, or use a custom type of " + field;
  }

  public static String defaultValue(String method, String value, String type, String example) {
    return "[DefaultValue] defaultValue \"" + value + "\" of " + method + "() is not a valid " + type
        + "; write a literal of the field's type, e.g. \"" + example + "\"";
  }

  public static String uniqueVirtual(String method) {
    return "[UniqueVirtual] @Field(virtual = true, unique = true) " + method + "() asks for a unique index on a "
        + "column that does not exist; remove unique, or make the field persisted";
  }

  public static String autogeneratePrimitive(String owner, String type) {
    return "[AutogenerateType] " + owner + " of the primitive type " + type + " cannot be autogenerated: a primitive is"
        + " never unset, so the generator would never run; use the boxed type, or remove autogenerate";
  }

  public static String autogenerateClass(String owner, String generator) {
    return "[AutogenerateClass] autogenerate = " + generator + ".class of " + owner + " is not a public concrete class"
        + " with a public no-argument constructor, which the generated companion needs to make it; make it one";
  }

  public static String assocDefaultsClass(String annotation, String method, String defaults) {
    return "[AssocDefaults] @" + annotation + "(defaults = " + defaults + ".class) on " + method + "() is not a public"
        + " concrete class with a public no-argument constructor implementing AssocDefaults<ChildStruct, OwnerStruct>,"
        + " which the generated companion needs to make it and hand it each new child; make it one";
  }

  public static String autogenerateType(String owner, String generator, String made, String type) {
    return "[AutogenerateType] autogenerate = " + generator + ".class of " + owner + " "
        + (made == null ? "does not implement io.ecto4j.schema.Autogenerate<" + type + ">"
            : "makes " + made + ", but the field holds " + type)
        + "; name a class implementing Autogenerate<" + type + ">";
  }

  public static String autogenerateOption(String method, String problem) {
    return "[AutogenerateOption] @Field " + method + "() " + problem;
  }

  public static String foreignKeyFieldMissing(String method, String column, String type) {
    return "[BelongsToField] @BelongsTo(defineField = false) " + method + "() adds no foreign key field, and the schema"
        + " declares none in column " + column + "; declare `@Field " + type + " " + Names.camelCase(column)
        + "()`, or remove defineField = false";
  }

  public static String foreignKeyFieldType(String method, String field, String type, String keyType) {
    return "[BelongsToField] " + field + "() is the foreign key of @BelongsTo(defineField = false) " + method
        + "() but holds " + type + ", not " + keyType + " like the key it references; declare it " + keyType;
  }

  public static String writableViolationInherit() {
    return "[WritableViolation] @Schema(onWritableViolation = INHERIT) has nothing to inherit from; use NOTHING (the"
        + " default), WARN or RAISE";
  }

  public static String timestampsNeverWritable() {
    return "[TimestampsWritable] @Timestamps(insertedAtWritable = NEVER) would never be set, as the repo could not"
        + " write it on insert; use ALWAYS (the default) or INSERT";
  }

  public static String virtualOption(String method, String attribute) {
    return "[VirtualOption] @Field(virtual = true) " + method + "() has no column, so " + attribute + " has nothing to"
        + " act on; remove " + attribute + ", or make the field persisted";
  }

  public static String defaultNotSupported(String method, String type) {
    return "[DefaultNotSupported] " + method + "() of type " + type + " cannot have a defaultValue; "
        + "remove it (defaults are for scalar types)";
  }

  public static String unmappedMethod(String method, String schema, String exposable) {
    return "[UnmappedMethod] abstract method " + method + " of " + schema + " is neither annotated nor "
        + "a generated accessor (" + exposable + "); annotate it with @Field, give it a body, or remove it";
  }

  public static String exposureType(String method, String what, String expected, String actual) {
    return "[ExposureType] " + method + "() exposes " + what + ", which is " + expected + ", but returns "
        + actual + "; declare `" + expected + " " + method + "();`";
  }

  public static String reservedName(String what, String member) {
    return "[NameClash] " + what + " would clash with the generated " + member + "; rename it";
  }

  public static String nameClash(String what, String other, String name) {
    return "[NameClash] " + what + " and " + other + " would both be the struct component " + name
        + "; rename one of them, or give the foreign key another column with @BelongsTo(foreignKey = …)";
  }

  public static String generatedMemberClash(String what, String member, String other) {
    return "[NameClash] " + what + " would generate " + member + ", as " + other + " does; rename one of them";
  }

  public static String duplicateColumn(String column, String what, String other) {
    return "[DuplicateColumn] column \"" + column + "\" of " + what + " is also the column of " + other
        + "; set a different column with @Field(column = …) or @BelongsTo(foreignKey = …)";
  }

  // Associations

  public static String toOneReturnsList(AssociationKind kind, String method) {
    return "[" + kind.annotation() + "Type] @" + kind.annotation() + " " + method + "() returns a "
        + "List, but it holds one struct; return the @Schema interface itself, or use @HasMany";
  }

  public static String toManyNotList(AssociationKind kind, String method, String found) {
    return "[" + kind.annotation() + "Type] @" + kind.annotation() + " " + method + "() returns "
        + found + "; declare it as List<X> of a @Schema interface X";
  }

  public static String associationTarget(AssociationKind kind, String type, boolean annotatable) {
    String fix = annotatable
        ? "annotate " + type + " with @Schema(\"" + Names.suggestedTable(simpleName(type)) + "\")"
        : "use the @Schema interface of the associated table";
    return "[" + kind.annotation() + "Target] @" + kind.annotation() + " type " + type
        + " is not a @Schema interface; " + fix;
  }

  public static String belongsToReferences(String method, String column, String target) {
    return "[BelongsToReferences] @BelongsTo " + method + "() references column \"" + column + "\", "
        + "which " + target + " does not have; name its primary key or a persisted @Field column";
  }

  public static String hasReferences(AssociationKind kind, String method, String column, String owner) {
    return "[HasReferences] @" + kind.annotation() + " " + method + "() references column \"" + column + "\", which "
        + owner + " does not have; name " + owner + "'s primary key or a persisted @Field column, the one the "
        + "children's foreign key holds";
  }

  public static String associationPrimaryKey(AssociationKind kind, String method, String schema) {
    return "[AssociationPrimaryKey] @" + kind.annotation() + " " + method + "() needs a generated primary key"
        + " (BIGSERIAL or UUID) on " + schema + ", which has PrimaryKey.Type.NONE (a key declared with"
        + " primaryKey = true cannot be referenced by one column); give " + schema + " a generated primary key"
        + (kind == AssociationKind.MANY_TO_MANY ? "" : " or set references = \"…\" to a unique column");
  }

  /** {@code primaryKey = true} on a member of a schema that has its generated key. */
  public static String keyPartWithGeneratedKey(String annotation, String method, String schema, String key) {
    return "[KeyPartWithGeneratedKey] @" + annotation + "(primaryKey = true) " + method + "() is part of a declared"
        + " primary key, but " + schema + " already has the generated key " + key + "; declare"
        + " @Schema(…, primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE)) (Ecto's @primary_key false) so the"
        + " primaryKey = true members are the whole key, or remove primaryKey = true";
  }

  /** {@code @Field(virtual = true, primaryKey = true)}. */
  public static String keyPartVirtual(String method) {
    return "[KeyPartVirtual] @Field(primaryKey = true) " + method + "() is virtual, so it has no column to be part"
        + " of the primary key; remove virtual = true or primaryKey = true";
  }

  /** {@code primaryKey = true} in an {@code @Embedded} interface. */
  public static String keyPartEmbedded(String method) {
    return "[KeyPartEmbedded] " + method + "() declares primaryKey = true in an @Embedded interface, which is stored"
        + " inside its owner's row and has no table key; use @Embedded(primaryKey = @PrimaryKey(…)) instead";
  }

  /** {@code @BelongsTo(primaryKey = true, defineField = false)}. */
  public static String keyPartUndefinedField(String method) {
    return "[KeyPartUndefinedField] @BelongsTo(primaryKey = true, defineField = false) " + method + "() defines no"
        + " foreign key field to be part of the key; put primaryKey = true on the @Field that declares the column";
  }

  public static String missingInverse(AssociationKind kind, String method, String owner, String child,
      String foreignKey) {
    return "[MissingInverse] @" + kind.annotation() + " " + method + "(): " + child + " has no @BelongsTo "
        + owner + " with the foreign key " + foreignKey + "; add `" + belongsToFor(owner, foreignKey) + "` to "
        + child + ", or set foreignKey = \"…\" to the one it has";
  }

  public static String inverseOnAnotherKey(AssociationKind kind, String method, String owner, String child,
      String foreignKey, String inverse, String inverseKey) {
    return "[MissingInverse] @" + kind.annotation() + " " + method + "(): " + child + "'s @BelongsTo " + owner + " "
        + inverse + "() has the foreign key " + inverseKey + ", not " + foreignKey + "; set foreignKey = \""
        + inverseKey + "\" here, or foreignKey = \"" + foreignKey + "\" on " + child + "." + inverse + "()";
  }

  /**
   * The {@code @BelongsTo} whose foreign key is {@code foreignKey}: its method named after the key
   * ({@code writer_id} → {@code @BelongsTo User writer();}), or the key given where it has no {@code _id}.
   */
  private static String belongsToFor(String owner, String foreignKey) {
    if (foreignKey.endsWith("_id") && foreignKey.length() > 3) {
      return "@BelongsTo " + owner + " " + Names.camelCase(foreignKey.substring(0, foreignKey.length() - 3)) + "();";
    }
    return "@BelongsTo(foreignKey = \"" + foreignKey + "\") " + owner + " " + Names.decapitalize(owner) + "();";
  }

  public static String joinThroughMissing(String method, String owner, String target) {
    return "[JoinThroughMissing] @ManyToMany " + method + "() names no join table; write "
        + "@ManyToMany(joinThrough = \"" + Names.snakeCase(Names.plural(owner)) + "_"
        + Names.snakeCase(Names.plural(target)) + "\"), or joinSchema = " + owner + target
        + ".class for a join schema with both keys";
  }

  public static String joinThroughTwice(String method, String joinSchema) {
    return "[JoinThroughTwice] @ManyToMany " + method + "() sets both joinThrough and joinSchema; the join schema "
        + "names its table, so keep joinSchema = " + joinSchema + ".class alone, or joinThrough alone";
  }

  public static String joinSchemaNotSchema(String method, String joinSchema) {
    return "[JoinSchema] @ManyToMany " + method + "(): joinSchema = " + joinSchema + ".class is not a @Schema "
        + "interface; annotate " + joinSchema + " with @Schema(\"…\") and give it both keys, or name the table "
        + "with joinThrough = \"…\"";
  }

  public static String joinSchemaColumn(String method, String joinSchema, String column, String side,
      String attribute) {
    return "[JoinSchemaColumn] @ManyToMany " + method + "() joins through " + joinSchema + ", which has no column "
        + column + "; add `@BelongsTo " + side + " " + Names.decapitalize(side) + "();` to " + joinSchema
        + ", or set " + attribute + " = \"…\" to the column it has";
  }

  public static String joinSchemaColumnType(String method, String joinSchema, String column, String columnType,
      String side, String keyType) {
    return "[JoinSchemaColumn] @ManyToMany " + method + "() joins through " + joinSchema + ", whose column "
        + column + " is " + columnType + ", but " + side + "'s key is " + keyType
        + "; give the column the key's type, or declare it as `@BelongsTo " + side + "`";
  }

  public static String joinTableConflict(String method, String table, String ownerColumn, String relatedColumn,
      String other, String otherOwner, String otherRelated) {
    return "[JoinTableConflict] @ManyToMany " + method + "() uses \"" + table + "\" with (" + ownerColumn + ", "
        + relatedColumn + "), but " + other + " declares the same table with (" + otherOwner + ", " + otherRelated
        + "); one join table has one pair of columns: make the two sides' joinKey and inverseJoinKey mirror each other";
  }

  public static String throughOption(AssociationKind kind, String method, String attribute) {
    return "[ThroughOption] @" + kind.annotation() + "(through = …) " + method + "() cannot take " + attribute
        + ": it follows its links' keys, filters and order; declare " + attribute + " on a link of the path, or "
        + "preload it with a custom query";
  }

  public static String throughLink(AssociationKind kind, String method, String link, String schema) {
    return "[ThroughPath] @" + kind.annotation() + "(through = …) " + method + "() goes through \"" + link
        + "\", which is not an association of " + schema + "; name an association " + schema + " declares";
  }

  public static String onReplaceUpdateOnHasMany(String method) {
    return "[OnReplaceUpdate] @HasMany " + method + "() has onReplace = UPDATE, which is only for @HasOne and "
        + "@BelongsTo (one child to update in place); choose RAISE, MARK_AS_INVALID, NILIFY, DELETE or DELETE_IF_EXISTS";
  }

  public static String throughTarget(AssociationKind kind, String method, String reached, String declared) {
    return "[ThroughTarget] @" + kind.annotation() + "(through = …) " + method + "() ends at " + reached
        + ", but the method returns " + declared + "; end the path at " + declared + " or change the return type";
  }

  public static String preloadOrderSyntax(AssociationKind kind, String method, String text) {
    return "[PreloadOrder] @" + kind.annotation() + " " + method + "() has preloadOrder = \"" + text + "\", which is"
        + " not a list of columns with an optional direction; write e.g. preloadOrder = \"inserted_at DESC, id\"";
  }

  public static String preloadOrderColumn(AssociationKind kind, String method, String column, String target) {
    return "[PreloadOrderColumn] @" + kind.annotation() + " " + method + "() orders by \"" + column + "\", which "
        + target + " does not have; name a persisted column of " + target + " in preloadOrder";
  }

  public static String associationWhereHalf(AssociationKind kind, String method, String columnAttribute,
      String valueAttribute) {
    return "[AssociationWhere] @" + kind.annotation() + " " + method + "() sets only one of " + columnAttribute + " and "
        + valueAttribute + "; set both, e.g. " + columnAttribute + " = \"published\", " + valueAttribute + " = \"true\"";
  }

  public static String associationWhereColumn(AssociationKind kind, String method, String attribute, String column,
      String target) {
    return "[AssociationWhereColumn] @" + kind.annotation() + " " + method + "() filters on " + attribute + " = \""
        + column + "\", which " + target + " does not have; name a persisted column of " + target;
  }

  public static String associationWhereValue(AssociationKind kind, String method, String attribute, String value,
      String column, String type, String example) {
    return "[AssociationWhereValue] @" + kind.annotation() + " " + method + "() has " + attribute + " = \"" + value
        + "\", which is not a valid " + type + " for column " + column + "; write a literal of its type, e.g. \""
        + example + "\"";
  }

  public static String associationWhereTest(AssociationKind kind, String method, String column) {
    return "[AssociationWhereTest] @" + kind.annotation() + " " + method + "() has @Where(column = \"" + column
        + "\") without a test; set one of equal = \"…\", notEqual = \"…\", in = {…}, notIn = {…}, isNil = true,"
        + " notNil = true or fragment = \"…(?)…\"";
  }

  public static String associationWhereTests(AssociationKind kind, String method, String column, String first,
      String second) {
    return "[AssociationWhereTest] @" + kind.annotation() + " " + method + "() has @Where(column = \"" + column
        + "\") with both " + first + " and " + second + "; a @Where tests one thing, so write one @Where per test,"
        + " e.g. where = {@Where(column = \"" + column + "\", " + first + " = …), @Where(column = \"" + column
        + "\", " + second + " = …)}";
  }

  public static String associationWhereEmptyList(AssociationKind kind, String method, String attribute,
      String column) {
    return "[AssociationWhereList] @" + kind.annotation() + " " + method + "() has @Where(column = \"" + column
        + "\", " + attribute + " = {}), which lists no value; list at least one, e.g. " + attribute
        + " = {\"draft\", \"review\"}";
  }

  public static String associationWhereFragment(AssociationKind kind, String method, String fragment,
      String problem) {
    return "[AssociationWhereFragment] @" + kind.annotation() + " " + method + "() has fragment = \"" + fragment
        + "\", which " + problem + "; write one SQL condition whose one ? is the column, e.g. fragment ="
        + " \"length(?) > 100\" (?? for a literal question mark)";
  }

  public static String joinWhereWithoutSchema(String method, String attribute, String column) {
    return "[JoinWhereSchema] @ManyToMany " + method + "() filters its join rows on " + attribute + " = \"" + column
        + "\" of a join table named by joinThrough, whose columns and their types are not known; declare the join"
        + " table as a schema with that field and name it with joinSchema = …class";
  }

  public static String joinKeys(String method, String column) {
    return "[JoinKeys] @ManyToMany " + method + "() uses the column \"" + column + "\" of its join table "
        + "for both sides; set joinKey = \"…\" and inverseJoinKey = \"…\" to two different columns";
  }

  // Processing

  public static String unresolvedType(String schema, String what) {
    return "[UnresolvedType] ecto4j did not process " + schema + " because " + what
        + " could not be resolved; fix the error javac reports for it";
  }

  public static String unexpected(String schema, Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    String where = trace.length == 0 ? "" : " at " + trace[0];
    return "[Unexpected] ecto4j failed on " + schema + ": " + failure + where
        + "; this is a bug in ecto4j, please report it with the schema";
  }

  public static String writeFailed(String type, String problem) {
    return "[WriteFailed] could not write " + type + ": " + problem + "; check the generated-sources "
        + "directory and that no other processor writes this type";
  }

  public static String staleRecordClass(String schema, String struct) {
    return "[StaleRecordClass] " + simpleName(struct) + ".class, left in the output directory by an earlier build, "
        + "was read by javac before the new " + simpleName(struct) + " of " + simpleName(schema)
        + " could be written; javac before 23 crashes compiling a record over its own stale class file "
        + "(JDK-8332297), so it was not generated. The stale file is deleted now: compile again, or clean the "
        + "output directory first (mvn clean, Rebuild Project)";
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  // Migrations

  public static String migrationName(String name) {
    return "[MigrationName] migration class " + name + " is not named V<version>__<Name>, which orders the "
        + "migrations; rename it, e.g. V20260301120000__CreatePosts";
  }

  public static String migrationClass(String name, String problem) {
    return "[MigrationClass] migration " + name + " " + problem + ", so the generated Migrations index cannot "
        + "create it; make it a public or package-private top-level (or static nested) class with a constructor "
        + "taking no arguments";
  }

  public static String migrationVersionClash(String name, String version, String other) {
    return "[MigrationVersionClash] migrations " + other + " and " + name + " both have version " + version
        + "; give " + name + " the next free version";
  }

  public static String migrationIndexClash(String index) {
    return "[MigrationIndexClash] the processor generates " + index + " to list the migrations of its package, "
        + "but that type already exists; rename it";
  }

  // Integrity cross-check (IntegrityCheck, run by the schema processor)

  public static String uniqueWithoutIndex(String field, String schema, String table, String column) {
    return "[UniqueWithoutIndex] uniqueConstraint(" + field + ") expects a unique index on " + table + "." + column
        + ", but " + schema + " declares none, so duplicates reach the table; mark the field @Field(unique = true) "
        + "or create the index in a migration and name it with Constraint.name(\"…\")";
  }

  public static String foreignKeyWithoutReference(String field, String schema, String table, String column) {
    return "[ForeignKeyWithoutReference] foreignKeyConstraint(" + field + ") expects a foreign key on " + table + "."
        + column + ", but " + schema + " declares it with @Field, not @BelongsTo, so nothing references the parent; "
        + "declare the association with @BelongsTo, or name a constraint a migration creates with Constraint.name(\"…\")";
  }

  public static String checkWithoutConstraint(String field, String schema, String table, String column) {
    return "[CheckWithoutConstraint] checkConstraint(" + field + ") expects a CHECK constraint on " + table + "."
        + column + ", but the DDL generated for " + schema + " has none; create it in a migration "
        + "(createConstraint(check(\"" + table + "\", name, condition))) and name it with Constraint.name(name)";
  }

  public static String integrityWithoutTrees() {
    return "[IntegrityWithoutTrees] the changeset constraint cross-check needs javac's Tree API "
        + "(com.sun.source.util.Trees), which this compiler does not provide; the check is skipped";
  }

  public static String enumValueMixed(String enumType, String constant, String numbered) {
    return "[EnumValueMixed] constant " + constant + " of " + enumType + " has no @EnumValue(number = …) while "
        + numbered + " has one; an enum is stored as strings or as integers, not both: give every constant "
        + "of " + enumType + " a number (Ecto's values: [foo: 1, bar: 2]), or none";
  }

  public static String enumValueBoth(String enumType, String constant) {
    return "[EnumValueMixed] @EnumValue of " + enumType + "." + constant + " gives both a string and a number; "
        + "keep one: the string for a varchar column, the number for an integer column";
  }

  public static String enumValueRepeated(String enumType, String constant, String other, String stored) {
    return "[EnumValueRepeated] " + enumType + "." + constant + " is stored as " + stored + ", as " + other
        + " is; Ecto.Enum values must be unique: give " + constant + " another @EnumValue";
  }

  public static String enumValueColumnType(String method, String sqlType) {
    return "[EnumValueType] " + method + "() holds an enum stored as integers (@EnumValue(number = …)) but "
        + "@Field(type = \"" + sqlType + "\") is not an integer type; remove type, or use \"smallint\", "
        + "\"integer\" or \"bigint\"";
  }

  public static String timePrecision(String method, String javaType) {
    return "[TimePrecision] @Field(precision = SECONDS) of " + method + "() applies to Instant, OffsetDateTime, "
        + "LocalDateTime and LocalTime (or lists of them), not " + javaType + "; remove precision";
  }
}
