package io.ecto4j.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types the processor reads and the generated code uses, named without loading them:
 * the processor does not depend on the runtime (and so cannot drift into reflection on it).
 */
public final class RuntimeNames {
  static final String SCHEMA_PACKAGE = "io.ecto4j.schema";
  private static final String META_PACKAGE = "io.ecto4j.meta";

  public static final ClassName SCHEMA = ClassName.get(SCHEMA_PACKAGE, "Schema");
  public static final ClassName FIELD_ANNOTATION = ClassName.get(SCHEMA_PACKAGE, "Field");
  public static final ClassName BELONGS_TO = ClassName.get(SCHEMA_PACKAGE, "BelongsTo");
  public static final ClassName HAS_ONE = ClassName.get(SCHEMA_PACKAGE, "HasOne");
  public static final ClassName HAS_MANY = ClassName.get(SCHEMA_PACKAGE, "HasMany");
  public static final ClassName MANY_TO_MANY = ClassName.get(SCHEMA_PACKAGE, "ManyToMany");
  public static final ClassName TIMESTAMPS_ANNOTATION = ClassName.get(SCHEMA_PACKAGE, "Timestamps");
  public static final ClassName ENUM_VALUE_ANNOTATION = ClassName.get(SCHEMA_PACKAGE, "EnumValue");
  public static final ClassName REFERENCE_ACTION = ClassName.get(SCHEMA_PACKAGE, "ReferenceAction");
  public static final ClassName ON_REPLACE = ClassName.get(SCHEMA_PACKAGE, "OnReplace");
  public static final ClassName WRITABLE = ClassName.get(SCHEMA_PACKAGE, "Writable");
  public static final ClassName WRITABLE_VIOLATION = ClassName.get(SCHEMA_PACKAGE, "WritableViolation");
  public static final ClassName AUTOGENERATE = ClassName.get(SCHEMA_PACKAGE, "Autogenerate");
  public static final ClassName ASSOC_DEFAULTS = ClassName.get(SCHEMA_PACKAGE, "AssocDefaults");
  public static final ClassName EMBEDDED = ClassName.get(SCHEMA_PACKAGE, "Embedded");
  public static final ClassName EMBEDS_ONE = ClassName.get(SCHEMA_PACKAGE, "EmbedsOne");
  public static final ClassName EMBEDS_MANY = ClassName.get(SCHEMA_PACKAGE, "EmbedsMany");

  public static final ClassName FIELD = ClassName.get(META_PACKAGE, "Field");
  public static final ClassName FIELD_KIND = FIELD.nestedClass("Kind");
  public static final ClassName FIELD_ACCESS = ClassName.get(META_PACKAGE, "FieldAccess");
  public static final ClassName NUMBER_FIELD = ClassName.get(META_PACKAGE, "NumberField");
  public static final ClassName TABLE = ClassName.get(META_PACKAGE, "Table");
  public static final ClassName SCHEMA_TABLE = ClassName.get(META_PACKAGE, "SchemaTable");
  public static final ClassName TABLE_DEFINITION = ClassName.get(META_PACKAGE, "TableDefinition");
  public static final ClassName PRIMARY_KEY_VALUE = ClassName.get(META_PACKAGE, "PrimaryKeyValue");
  public static final ClassName EMBED = ClassName.get(META_PACKAGE, "Embed");
  public static final ClassName EMBEDDED_TABLE = ClassName.get(META_PACKAGE, "EmbeddedTable");
  public static final ClassName ASSOCIATION = ClassName.get(META_PACKAGE, "Association");
  public static final ClassName ASSOCIATION_FILTER = ClassName.get(META_PACKAGE, "AssociationFilter");
  public static final ClassName BELONGS_TO_ASSOCIATION = ClassName.get(META_PACKAGE, "BelongsToAssociation");
  public static final ClassName HAS_ASSOCIATION = ClassName.get(META_PACKAGE, "HasAssociation");
  public static final ClassName MANY_TO_MANY_ASSOCIATION = ClassName.get(META_PACKAGE, "ManyToManyAssociation");
  public static final ClassName THROUGH_ASSOCIATION = ClassName.get(META_PACKAGE, "ThroughAssociation");
  public static final ClassName TIMESTAMPS = ClassName.get(META_PACKAGE, "Timestamps");
  public static final ClassName STRUCT = ClassName.get(META_PACKAGE, "Struct");
  public static final ClassName META = ClassName.get(META_PACKAGE, "Meta");
  public static final ClassName NOT_LOADED = ClassName.get(META_PACKAGE, "NotLoaded");
  public static final ClassName ASSOCIATION_NOT_LOADED =
      ClassName.get(META_PACKAGE, "AssociationNotLoadedException");
  public static final ClassName TYPES = ClassName.get("io.ecto4j.type", "Types");
  public static final ClassName TYPE_PARAMS = ClassName.get("io.ecto4j.type", "TypeParams");
  public static final ClassName READS = ClassName.get("io.ecto4j.type", "Reads");
  public static final ClassName BINDS = ClassName.get("io.ecto4j.type", "Binds");
  public static final ClassName QUERY = ClassName.get("io.ecto4j.query", "Query");
  public static final ClassName MIGRATION = ClassName.get("io.ecto4j.migration", "Migration");
  public static final ClassName MIGRATION_INDEXED = ClassName.get("io.ecto4j.migration", "Indexed");
  public static final ClassName MIGRATION_INDEX = ClassName.get("io.ecto4j.migration", "MigrationIndex");

  private RuntimeNames() {}
}
