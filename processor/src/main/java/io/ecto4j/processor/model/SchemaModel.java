package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Everything the generators need to know of one {@code @Schema} interface.
 *
 * @param ref the schema as other schemas see it: names, table, key, columns
 * @param columns the value components in struct order: primary key, fields (virtual ones too) in
 *     declaration order, foreign keys in declaration order, timestamps
 * @param associations the association slots in declaration order
 * @param exposures abstract methods without annotation, which must expose a generated component
 * @param otherMethods default and static methods, left alone but checked for name clashes
 * @param embeds the {@code @EmbedsOne}/{@code @EmbedsMany}, whose columns are among {@code columns}
 */
public record SchemaModel(
    TypeElement element,
    Origin origin,
    SchemaRef ref,
    List<ColumnModel> columns,
    List<AssociationModel> associations,
    List<MethodRef> exposures,
    List<MethodRef> otherMethods,
    List<EmbedModel> embeds) {

  /** A schema without embeds. */
  public SchemaModel(TypeElement element, Origin origin, SchemaRef ref, List<ColumnModel> columns,
      List<AssociationModel> associations, List<MethodRef> exposures, List<MethodRef> otherMethods) {
    this(element, origin, ref, columns, associations, exposures, otherMethods, List.of());
  }

  public SchemaModel {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(ref, "ref");
    columns = List.copyOf(columns);
    associations = List.copyOf(associations);
    exposures = List.copyOf(exposures);
    otherMethods = List.copyOf(otherMethods);
    embeds = List.copyOf(embeds);
  }

  /** Whether this is an {@code @Embedded} interface: a struct stored in its parents' columns, with no table. */
  public boolean isEmbedded() {
    return ref.table().isEmpty();
  }

  /** The embed whose column is {@code column}, if {@code column} holds one. */
  public Optional<EmbedModel> embed(ColumnModel column) {
    return embeds.stream().filter(e -> e.name().equals(column.name())).findFirst();
  }

  /**
   * This schema with the other's columns after its own, those it lacks by column name: the table
   * two schemas map together, for the DDL that creates it once.
   */
  public SchemaModel withColumnsOf(SchemaModel other) {
    List<ColumnModel> union = new java.util.ArrayList<>(columns);
    for (ColumnModel column : other.persistedColumns()) {
      if (column(column.column()).isEmpty()) {
        union.add(column);
      }
    }
    return new SchemaModel(element, origin, ref, union, associations, exposures, otherMethods);
  }

  public ClassName schema() {
    return ref.schema();
  }

  public ClassName struct() {
    return ref.struct();
  }

  public ClassName companion() {
    return ref.companion();
  }

  public String table() {
    return ref.table();
  }

  /** The schema-wide prefix, Ecto's {@code @schema_prefix}; empty for none. */
  public Optional<String> prefix() {
    return ref.prefix();
  }

  public PrimaryKeyType primaryKeyType() {
    return ref.primaryKeyType();
  }

  /**
   * The primary key when it is one column: the generated key, or the one column declared
   * {@code primaryKey = true}; empty without a key or with a composite one ({@link #keyColumns()}).
   */
  public Optional<ColumnModel> primaryKey() {
    List<ColumnModel> key = keyColumns();
    return key.size() == 1 ? Optional.of(key.get(0)) : Optional.empty();
  }

  /**
   * Every column of the primary key, in column order (fields, then foreign keys): the generated key, or the persisted
   * columns declared {@code primaryKey = true} (Ecto's {@code @primary_key false} and
   * {@code primary_key: true} fields); empty for none.
   */
  public List<ColumnModel> keyColumns() {
    Optional<ColumnModel> generated = first(ColumnKind.PRIMARY_KEY);
    return generated.map(List::of)
        .orElseGet(() -> persistedColumns().stream().filter(ColumnModel::keyPart).toList());
  }

  /** Whether the key is declared on fields ({@code primaryKey = true}) rather than generated. */
  public boolean hasDeclaredKey() {
    return first(ColumnKind.PRIMARY_KEY).isEmpty() && !keyColumns().isEmpty();
  }

  public Optional<ColumnModel> insertedAt() {
    return first(ColumnKind.INSERTED_AT);
  }

  public Optional<ColumnModel> updatedAt() {
    return first(ColumnKind.UPDATED_AT);
  }

  /** What makes the timestamps instead of the repo's clock ({@code @Timestamps(autogenerate = …)}), if anything. */
  public Optional<ClassName> timestampsGenerator() {
    return insertedAt().flatMap(column -> column.options().autogenerate());
  }

  /** The column named {@code column}, the key, a field or a foreign key. */
  public Optional<ColumnModel> column(String column) {
    return columns.stream().filter(c -> c.column().equals(column)).findFirst();
  }

  public List<ColumnModel> persistedColumns() {
    return columns.stream().filter(ColumnModel::isPersisted).toList();
  }

  public List<ColumnModel> virtualColumns() {
    return columns.stream().filter(c -> !c.isPersisted()).toList();
  }

  /** The columns an insert writes: all but a key the database assigns and {@code writable = NEVER} fields. */
  public List<ColumnModel> insertColumns() {
    return persistedColumns().stream()
        .filter(c -> c.kind() != ColumnKind.PRIMARY_KEY || !primaryKeyType().generatedByDatabase())
        .filter(c -> c.options().insertable())
        .toList();
  }

  /**
   * The columns an insert reads back ({@code RETURNING}) onto the struct it wrote, in column order:
   * the primary key (a table without one returns its first column, so that the insert still returns
   * a row), the columns the insert leaves to the database ({@code writable = NEVER}), the
   * {@code readAfterWrites} ones and the embeds (their structs' keys are generated as they are
   * written); every other column is what the struct held. This is the rule's one home: the
   * companion declares these columns ({@code Table.insertReturning()}) beside {@code INSERT_SQL},
   * and the runtime reads them from there, for the prefix-rendered insert too.
   */
  public List<ColumnModel> insertReturningColumns() {
    List<ColumnModel> persisted = persistedColumns();
    List<ColumnModel> key = keyColumns().isEmpty() && !persisted.isEmpty() ? List.of(persisted.get(0)) : keyColumns();
    return persisted.stream()
        .filter(c -> key.contains(c) || !c.options().insertable() || c.options().readAfterWrites()
            || c.mapping().columnType().isEmbed())
        .toList();
  }

  /** The persisted columns a query loading whole structs leaves out ({@code @Field(loadInQuery = false)}). */
  public List<ColumnModel> notLoadedInQuery() {
    return persistedColumns().stream().filter(c -> !c.options().loadInQuery()).toList();
  }

  /** Every component name of the struct in order: columns, then association slots. */
  public List<String> componentNames() {
    return java.util.stream.Stream.concat(
            columns.stream().map(ColumnModel::name), associations.stream().map(AssociationModel::name))
        .toList();
  }

  private Optional<ColumnModel> first(ColumnKind kind) {
    return columns.stream().filter(c -> c.kind() == kind).findFirst();
  }
}
