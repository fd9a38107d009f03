package io.ecto4j.query;

import java.util.Map;

/**
 * A map of selected values inside a selection, Ecto's {@code select: %{fields: %{title: p.title}}}:
 * its values are columns of the one select list, read back into a map of their own.
 */
final class NestedMap implements Selectable<Map<String, Object>> {
  private final SelectClause.Items<Map<String, Object>> entries;

  private NestedMap(SelectClause.Items<Map<String, Object>> entries) {
    this.entries = entries;
  }

  /** See {@link Selectable#map}. */
  static NestedMap of(Map<String, ? extends Selectable<?>> entries) {
    SelectClause.Items<Map<String, Object>> items = SelectClause.Items.ofMap(entries, "Selectable.map");
    for (Selectable<?> item : items.items()) {
      if (item instanceof SelectedAs<?> selected) {
        // Ecto's rule: the name is the column's, so only a value of the select's root may carry one
        throw new IllegalArgumentException("selectedAs can only be used at the root of a select, not in a nested"
            + " map: " + selected + " in " + items.inspect() + "; select it as a value of the outer map instead");
      }
    }
    return new NestedMap(items);
  }

  SelectClause.Items<Map<String, Object>> entries() {
    return entries;
  }

  @Override
  public String toString() {
    return entries.inspect();
  }
}
