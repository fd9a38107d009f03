package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ecto's {@code select} clause: what each row becomes, and the columns it takes. Rows are read by
 * column position: each selection knows how many columns it spans and reads them from an offset.
 */
sealed interface SelectClause<T> {

  /**
   * Reads the selection from the current row, starting after column {@code offset}; as a
   * {@link RowReader}, from the first column, so the repo reads a statement's rows with the
   * selection's own reader, not one made for each statement run.
   */
  @FunctionalInterface
  interface Reader<T> extends RowReader<T> {
    T read(ResultSet row, int offset) throws SQLException;

    @Override
    default T read(ResultSet row) throws SQLException {
      return read(row, 0);
    }
  }

  Reader<T> reader();

  /** How many columns the selection spans. */
  int width();

  /** The select list, in the scope of the query whose first source is the current root. */
  void render(SqlWriter writer);

  /** How {@code toString()} shows it; null for the default. */
  String inspect();

  /**
   * The whole row of the query's first source: every column of a schema's struct (with
   * {@code selectMerge} replacements), or every column of a subquery, CTE or combination.
   */
  record WholeRow<T>(Source source, List<Merge<?, ?>> merges, Reader<T> reader, int width)
      implements SelectClause<T> {

    /** The names {@code selectedAs} gives merged values of this row. */
    List<String> aliases() {
      return merges.stream().map(Merge::name).filter(Objects::nonNull).toList();
    }

    static <S> WholeRow<S> ofTable(Source source, Table<S> table) {
      return new WholeRow<>(source, List.of(), (row, offset) -> table.fromQueryRow(row, offset),
          table.fields().size());
    }

    /** A map per row of {@code columns}, keyed by column name: a values list, a fragment with columns. */
    @SuppressWarnings("unchecked")
    static <T> WholeRow<T> ofColumns(Source source, Map<String, FieldType<?>> columns) {
      List<Map.Entry<String, FieldType<?>>> entries = List.copyOf(columns.entrySet());
      Reader<Map<String, Object>> reader = (row, offset) -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
          map.put(entries.get(i).getKey(), entries.get(i).getValue().read(row, offset + i + 1));
        }
        return Collections.unmodifiableMap(map);
      };
      return new WholeRow<>(source, List.of(), (Reader<T>) reader, entries.size());
    }

    static <T> WholeRow<T> ofDerived(Source source, SelectClause<T> inner) {
      if (inner == null) {
        throw new IllegalArgumentException(source.label() + " selects nothing: give it a select(…)");
      }
      return new WholeRow<>(source, List.of(), inner.reader(), inner.width());
    }

    /**
     * This row with {@code field} taken from {@code value}, selected under {@code name} when not null
     * (Ecto's {@code selected_as} in a {@code select_merge}); only for a schema's struct.
     */
    <S, V> WholeRow<S> merge(Field<S, V> field, Expression<V> value, String name) {
      if (!(source instanceof Source.OfTable t) || t.table() != field.table()) {
        throw new IllegalArgumentException("selectMerge(" + field + ", …) needs a query selecting whole "
            + field.table().schemaName() + " structs, but it selects " + source.label());
      }
      @SuppressWarnings("unchecked")
      Table<S> table = (Table<S>) t.table();
      List<Merge<?, ?>> all = Merge.replacing(table, merges, new Merge<>(field, value, name));
      return new WholeRow<>(source, all, Merge.structReader(table, all), Merge.width(table, all));
    }

    @Override
    public void render(SqlWriter writer) {
      Rows.whole(writer, writer.root().alias(), source, merges);
    }

    @Override
    public String inspect() {
      return merges.isEmpty() ? null : "merge(" + merges + ")";
    }
  }

  /**
   * Whole structs of the first source with associations filled from joined aliases in the same
   * row; {@link #fold} then merges the rows of one parent, keeping the order of first appearance.
   */
  record JoinPreloaded<T>(SelectClause<T> base, Table<T> table, List<JoinPreload<T, ?>> joins, Reader<T> reader,
      int width) implements SelectClause<T> {

    /**
     * {@code selection} with one more join-preload; it must select whole structs of the association's
     * owner, read from its table or from a subquery, CTE or combination of them.
     */
    @SuppressWarnings("unchecked")
    static <T> JoinPreloaded<T> add(SelectClause<T> selection, JoinPreload<T, ?> join) {
      if (selection instanceof JoinPreloaded<T> preloaded) {
        List<JoinPreload<T, ?>> all = new ArrayList<>(preloaded.joins());
        all.add(join);
        return of(preloaded.base(), preloaded.table(), all);
      }
      Association<T, ?> association = join.association();
      // A table, or a subquery, CTE or combination whose rows are the owner's structs (Ecto's
      // preload into a subquery source): the query's type says its rows are the owner's structs.
      if (selection instanceof WholeRow<T> row && row.source().table() == association.owner()
          && !association.owner().primaryKeys().isEmpty()) {
        return of(row, (Table<T>) association.owner(), List.of(join));
      }
      if (selection instanceof Partial<T> partial && partial.table() == association.owner()) {
        return of(partial.requireKey("preload(" + join + ")"), partial.table(), List.of(join));
      }
      throw new IllegalArgumentException("preload(" + join + ") needs a query selecting whole "
          + association.owner().schemaName() + " structs with a primary key; it selects " + selection.inspect());
    }

    /** These join-preloads over the parents' {@code fields} only, Ecto's {@code struct(p, [:id, :title])} with them. */
    JoinPreloaded<T> withFields(List<Field<T, ?>> fields) {
      if (!(base instanceof WholeRow<T>)) {
        throw new IllegalArgumentException("selecting some fields of a struct needs a query of whole structs of"
            + " a schema; this query selects " + inspect());
      }
      Partial<T> partial = Partial.of(base, fields);
      return of(partial.requireKey("selectFields(…) on a query that join-preloads " + Rows.joined(joins)), table, joins);
    }

    private static <T> JoinPreloaded<T> of(SelectClause<T> base, Table<T> table, List<JoinPreload<T, ?>> joins) {
      List<JoinPreload<T, ?>> copy = List.copyOf(joins);
      int width = base.width() + copy.stream().mapToInt(JoinPreload::width).sum();
      Reader<T> reader = (row, offset) -> {
        T parent = base.reader().read(row, offset);
        int at = offset + base.width();
        for (JoinPreload<T, ?> join : copy) {
          parent = join.readInto(parent, row, at);
          at += join.width();
        }
        return parent;
      };
      return new JoinPreloaded<>(base, table, copy, reader, width);
    }

    /** One struct per parent, in the order parents first appear, with their children gathered. */
    List<T> fold(List<T> rows) {
      Map<PrimaryKeyValue<T>, T> parents = new LinkedHashMap<>();
      for (T row : rows) {
        parents.merge(PrimaryKeyValue.from(table, row), row, (kept, again) -> {
          T merged = kept;
          for (JoinPreload<T, ?> join : joins) {
            merged = join.merge(merged, again);
          }
          return merged;
        });
      }
      return List.copyOf(parents.values());
    }

    @Override
    public void render(SqlWriter writer) {
      base.render(writer);
      joins.forEach(join -> join.render(writer));
    }

    @Override
    public String inspect() {
      String fields = base instanceof Partial<T> partial ? partial.inspect() + ", " : "";
      return fields + "preload(" + Rows.joined(joins) + ")";
    }
  }

  /**
   * Structs of the first source with only some fields read, Ecto's {@code struct(p, fields)}; the
   * others keep a new struct's values.
   */
  record Partial<T>(Source source, Table<T> table, List<Field<T, ?>> fields, Reader<T> reader, int width)
      implements SelectClause<T> {

    /**
     * {@code fields} of the structs {@code selection} reads whole, checked: persisted, distinct, of
     * its schema, and columns of its source.
     */
    static <T> Partial<T> of(SelectClause<T> selection, List<Field<T, ?>> fields) {
      if (!(selection instanceof WholeRow<T> row)) {
        throw new IllegalArgumentException("selecting some fields of a struct needs a query of whole structs of"
            + " a schema; this query selects " + selection.inspect());
      }
      return of(row.source(), fields);
    }

    /** {@code fields} of the structs whose rows {@code source} gives, checked as {@link #of(SelectClause, List)}. */
    @SuppressWarnings("unchecked")
    private static <T> Partial<T> of(Source source, List<Field<T, ?>> fields) {
      StructRows rows = StructRows.of(source);
      Table<T> table = (Table<T>) rows.table();
      checkFields(table, fields);
      rows.requireColumns(source, fields);
      List<Field<T, ?>> chosen = List.copyOf(fields);
      Reader<T> reader = (result, offset) -> read(table, chosen, result, offset);
      return new Partial<>(source, table, chosen, reader, chosen.size());
    }

    /**
     * {@code selection}, of which this is the own part, reading {@code fields} instead: this part
     * alone, or under the same join-preloads.
     */
    SelectClause<T> withFields(SelectClause<T> selection, List<Field<T, ?>> fields) {
      Partial<T> wider = of(source, fields);
      return selection instanceof JoinPreloaded<T> preloaded
          ? JoinPreloaded.of(wider.requireKey("selectMergeFields(…) on a query that join-preloads "
              + Rows.joined(preloaded.joins())), table, preloaded.joins())
          : wider;
    }

    /** Ecto's checks of {@code struct(p, fields)}: at least one, each stored, of {@code table}, once. */
    static <T> void checkFields(Table<?> table, List<Field<T, ?>> fields) {
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("select at least one field of " + table.schemaName());
      }
      for (Field<T, ?> field : fields) {
        SqlWriter.requirePersisted(field);
        if (field.table() != table) {
          throw new IllegalArgumentException(field + " is not a field of " + table.schemaName()
              + ", which this query selects");
        }
        if (fields.indexOf(field) != fields.lastIndexOf(field)) {
          throw new IllegalArgumentException(field + " is selected twice in " + fields);
        }
      }
    }

    private static <T> T read(Table<T> table, List<Field<T, ?>> fields, ResultSet row, int offset)
        throws SQLException {
      T struct = table.newStruct();
      for (int i = 0; i < fields.size(); i++) {
        struct = readInto(fields.get(i), struct, row, offset + i + 1);
      }
      return struct;
    }

    /**
     * The struct of {@code fields} read from a joined source, or null when a left join found no row
     * for it: its primary key, which {@code fields} holds, is NULL.
     */
    static <T> T readPresent(Table<T> table, List<Field<T, ?>> fields, ResultSet row, int offset)
        throws SQLException {
      int key = fields.indexOf(table.primaryKeys().get(0));
      return row.getObject(offset + key + 1) == null ? null : read(table, fields, row, offset);
    }

    private static <T, V> T readInto(Field<T, V> field, T struct, ResultSet row, int index) throws SQLException {
      return field.set(struct, field.type().read(row, index));
    }

    /**
     * This selection, checked to read the primary key: rows that join-preload are gathered into one
     * struct per parent by it, so a selection without it cannot tell parents apart.
     */
    Partial<T> requireKey(String call) {
      if (table.primaryKeys().isEmpty()) {
        throw new IllegalArgumentException(call + " needs " + table.schemaName() + " to have a primary key, to gather"
            + " each struct's rows");
      }
      for (Field<T, ?> key : table.primaryKeys()) {
        if (!fields.contains(key)) {
          throw new IllegalArgumentException(call + " gathers the rows of each " + table.schemaName() + " by its"
              + " primary key, which " + inspect() + " does not read: add " + key + " to the fields");
        }
      }
      return this;
    }

    @Override
    public void render(SqlWriter writer) {
      String alias = writer.root().alias();
      writer.list(fields, (w, field) -> w.column(alias, writer.root().columnOf(field)));
    }

    @Override
    public String inspect() {
      List<String> names = new ArrayList<>();
      fields.forEach(field -> names.add(field.name()));
      return "struct(" + table.schemaName() + ", " + names + ")";
    }
  }

  /** A {@code selectMerge} of one field: a computed value in place of a column, or a virtual field. */
  record Merge<S, V>(Field<S, V> field, Expression<V> value, String name) {
    /** The column name the value is selected under: the field's, or its {@code selectedAs} name. */
    String label() {
      return name == null ? field.column() : name;
    }

    S readInto(S struct, ResultSet row, int index) throws SQLException {
      return field.set(struct, value.type().read(row, index));
    }

    /**
     * {@code merges} with {@code merge} in place of any merge of the same field, in the struct's
     * order whatever the order of the calls: the virtual fields' columns follow the table's in this
     * order, and the operands of a union are paired by column position.
     */
    static List<Merge<?, ?>> replacing(Table<?> table, List<Merge<?, ?>> merges, Merge<?, ?> merge) {
      List<Merge<?, ?>> all = new ArrayList<>(merges);
      all.removeIf(m -> m.field() == merge.field());
      all.add(merge);
      all.sort(Comparator.comparingInt((Merge<?, ?> m) -> positionIn(table, m.field())));
      return List.copyOf(all);
    }

    /** Where {@code field} is in a struct of {@code table}: its columns first, then its virtual fields. */
    private static int positionIn(Table<?> table, Field<?, ?> field) {
      return field.isPersisted() ? table.fields().indexOf(field)
          : table.fields().size() + table.virtualFields().indexOf(field);
    }

    /** Columns of a whole struct of {@code table} with {@code merges}: its own, then each merged virtual field. */
    static int width(Table<?> table, List<Merge<?, ?>> merges) {
      return table.fields().size() + (int) merges.stream().filter(m -> !m.field().isPersisted()).count();
    }

    /**
     * Reads a whole struct of {@code table} as {@link Rows#whole} selects it with {@code merges}: the
     * merged values in their fields' columns, then the merged virtual fields after the table's columns.
     */
    @SuppressWarnings("unchecked")
    static <S> Reader<S> structReader(Table<S> table, List<Merge<?, ?>> merges) {
      List<Merge<S, ?>> virtual = new ArrayList<>();
      for (Merge<?, ?> m : merges) {
        if (!m.field().isPersisted()) {
          virtual.add((Merge<S, ?>) m);
        }
      }
      int columns = table.fields().size();
      List<Field<?, ?>> merged = merges.stream().<Field<?, ?>>map(Merge::field).toList();
      return (row, offset) -> {
        S struct = table.withQueryDefaults(table.fromRow(row, offset), merged);
        for (int i = 0; i < virtual.size(); i++) {
          struct = virtual.get(i).readInto(struct, row, offset + columns + i + 1);
        }
        return struct;
      };
    }

    @Override
    public String toString() {
      return field.name() + ": " + value;
    }
  }

  /**
   * What a row of {@link Items} becomes, from the values {@link Items#value} reads of it: a record's
   * constructor, a tuple, a map. It asks each value once, in any order, straight from the row.
   */
  @FunctionalInterface
  interface Assembler<T> {
    T assemble(Items<?> items, ResultSet row, int offset) throws SQLException;
  }

  /**
   * Expressions and aliased structs, assembled into one value per row; named for a map.
   *
   * <p>A row's values go from the row straight into what it becomes ({@link Assembler}), and the
   * selection is its own reader: no array of values per row and no reader object per query built
   * (W6, five rows into a record: about 200 bytes a call less; docs/benchmarks.md, "Thirteenth pass").
   */
  static final class Items<T> implements SelectClause<T>, Reader<T> {
    private final List<Selectable<?>> items;
    private final List<String> names;
    /** Each item's reader and first column after the offset, for items spanning columns of their own; else null. */
    private final Reader<?>[] readers;
    private final int[] starts;
    private final int width;
    /** The assembler, or null for one item read as it is by {@link #single}'s reader. */
    private final Assembler<T> assembler;
    private final Reader<T> single;

    private Items(List<Selectable<?>> items, List<String> names, Assembler<T> assembler, Reader<?>[] readers,
        int[] starts, int width) {
      this.items = items;
      this.names = names;
      this.readers = readers;
      this.starts = starts;
      this.width = width;
      this.assembler = assembler;
      this.single = null;
    }

    /** One item read by {@code reader} as it is, nothing to assemble. */
    private Items(Selectable<T> item, Reader<T> reader) {
      this.items = List.of(item);
      this.names = null;
      this.readers = null;
      this.starts = null;
      this.width = Rows.width(item);
      this.assembler = null;
      this.single = reader;
    }

    static <T> Items<T> of(List<Selectable<?>> items, List<String> names, Assembler<T> assembler) {
      requireDistinctAliases(items);
      List<Selectable<?>> kept = List.copyOf(items);
      List<String> keys = names == null ? null : List.copyOf(names);
      if (Rows.oneColumnEach(kept)) {
        // The common selection, values each in one column: read by their types as the rows come,
        // rather than through a reader made per item whenever a query is built.
        return new Items<>(kept, keys, assembler, null, null, kept.size());
      }
      Reader<?>[] readers = new Reader<?>[kept.size()];
      int[] starts = new int[kept.size()];
      int width = 0;
      for (int i = 0; i < readers.length; i++) {
        readers[i] = Rows.reader(kept.get(i));
        starts[i] = width;
        width += Rows.width(kept.get(i));
      }
      return new Items<>(kept, keys, assembler, readers, starts, width);
    }

    /**
     * The value of item {@code item} in the current row, whose columns start after {@code offset}; for
     * an {@link Assembler} (a {@link #single} item has none: its reader reads it).
     */
    @SuppressWarnings("unchecked")
    <V> V value(int item, ResultSet row, int offset) throws SQLException {
      return (V) (readers == null ? Rows.expression(items.get(item)).type().read(row, offset + item + 1)
          : readers[item].read(row, offset + starts[item]));
    }

    List<Selectable<?>> items() {
      return items;
    }

    /** The map keys of the items, in order; null unless the selection is a map. */
    List<String> names() {
      return names;
    }

    /** Itself: a query built per call makes no reader object besides. */
    @Override
    public Reader<T> reader() {
      return single != null ? single : this;
    }

    @Override
    public T read(ResultSet row, int offset) throws SQLException {
      return assembler != null ? assembler.assemble(this, row, offset) : single.read(row, offset);
    }

    @Override
    public int width() {
      return width;
    }

    /** Ecto's check: a name given by {@code selectedAs} names one value of the select. */
    private static void requireDistinctAliases(List<Selectable<?>> items) {
      List<String> seen = null; // most selections name nothing: no list for them
      for (int i = 0; i < items.size(); i++) { // by index: no iterator per query built
        if (items.get(i) instanceof SelectedAs<?> selected) {
          seen = seen == null ? new ArrayList<>() : seen;
          if (seen.contains(selected.name())) {
            throw new IllegalArgumentException("the alias `" + selected.name() + "` has already been specified as"
                + " part of this select: " + items);
          }
          seen.add(selected.name());
        }
      }
    }

    /**
     * Ecto's check when a selection becomes the columns of a subquery or a CTE, which are read by
     * name: a name {@code selectedAs} gives must not be a map key of the same selection too.
     */
    void requireDistinctColumns(String what) {
      if (names == null) {
        return;
      }
      for (String alias : aliases()) {
        int keyed = names.indexOf(alias);
        if (keyed >= 0 && !(items.get(keyed) instanceof SelectedAs<?>)) {
          throw new IllegalArgumentException("the alias, " + alias + ", provided to selectedAs conflicts with the key "
              + alias + " of the select of " + what + ": " + inspect() + "; a column of it has one name, so rename"
              + " the alias or the key");
        }
      }
    }

    /** The names {@code selectedAs} gives values of this selection. */
    List<String> aliases() {
      List<String> aliases = new ArrayList<>();
      for (Selectable<?> item : items) {
        if (item instanceof SelectedAs<?> selected) {
          aliases.add(selected.name());
        }
      }
      return aliases;
    }

    /**
     * A map per row of {@code entries}, in their iteration order, each key also naming its column;
     * {@code call} names the caller in the errors about a null or empty map.
     */
    static Items<Map<String, Object>> ofMap(Map<String, ? extends Selectable<?>> entries, String call) {
      if (entries == null) {
        throw new IllegalArgumentException(call + " was given null instead of a map of fields");
      }
      if (entries.isEmpty()) {
        throw new IllegalArgumentException(call + " needs at least one entry");
      }
      List<String> names = new ArrayList<>(entries.keySet());
      names.forEach(SqlWriter::quote);
      return map(Arguments.list(entries.values(), call, "fields"), names);
    }

    /** A map per row of {@code fields}, keyed by their names, Ecto's {@code map(p, fields)}. */
    static Items<Map<String, Object>> ofFields(List<? extends Field<?, ?>> fields) {
      List<String> names = new ArrayList<>();
      fields.forEach(field -> names.add(field.name()));
      return map(List.<Selectable<?>>copyOf(fields), names);
    }

    /** A map per row, keyed by {@code names}. */
    static Items<Map<String, Object>> map(List<Selectable<?>> items, List<String> names) {
      List<String> keys = List.copyOf(names);
      return of(items, keys, (values, row, offset) -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          map.put(keys.get(i), values.value(i, row, offset));
        }
        return Collections.unmodifiableMap(map);
      });
    }

    /** One expression or alias, read directly without assembling. */
    @SuppressWarnings("unchecked")
    static <V> Items<V> single(Selectable<V> item) {
      return new Items<>(item, (Reader<V>) Rows.reader(item));
    }

    /**
     * This map selection with its entries in the order of {@code keys}, when it has exactly those
     * keys: an operand of a union takes the first operand's order, since PostgreSQL matches the
     * columns of a combination by position, not by name. Otherwise this selection as it is.
     */
    @SuppressWarnings("unchecked")
    Items<T> inOrderOf(List<String> keys) {
      if (names == null || keys == null || names.equals(keys) || names.size() != keys.size()
          || !names.containsAll(keys)) {
        return this;
      }
      List<Selectable<?>> ordered = new ArrayList<>(items.size());
      keys.forEach(key -> ordered.add(items.get(names.indexOf(key))));
      return (Items<T>) map(ordered, keys);
    }

    /** These items with one more named item, or {@code name}'s value replaced. */
    @SuppressWarnings("unchecked")
    Items<T> put(String name, Selectable<?> item) {
      if (names == null) {
        throw new IllegalArgumentException("selectMerge(\"" + name + "\", …) merges into a map selection,"
            + " select(Map.of(…)); this query selects " + inspect());
      }
      List<Selectable<?>> newItems = new ArrayList<>(items);
      List<String> newNames = new ArrayList<>(names);
      int at = newNames.indexOf(name);
      if (at >= 0) {
        newItems.set(at, item);
      } else {
        newItems.add(item);
        newNames.add(name);
      }
      return (Items<T>) map(newItems, newNames);
    }

    @Override
    public void render(SqlWriter writer) {
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          writer.append(", ");
        }
        Selectable<?> item = items.get(i);
        if (item instanceof SelectedAs<?> selected) {
          writer.expression(selected.expression()).append(" AS ").identifier(selected.name());
        } else if (item instanceof Expression<?> expression) {
          writer.expression(expression);
          if (names != null) {
            writer.append(" AS ").identifier(names.get(i));
          }
        } else {
          Rows.columns(writer, item); // a struct or a nested map: its columns, each named by itself
        }
      }
    }

    @Override
    public String inspect() {
      if (names != null) {
        StringBuilder text = new StringBuilder("%{");
        for (int i = 0; i < items.size(); i++) {
          text.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ").append(items.get(i));
        }
        return text.append('}').toString();
      }
      return items.size() == 1 ? String.valueOf(items.get(0)) : "{" + Rows.joined(items) + "}";
    }
  }
}
