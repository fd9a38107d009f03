package io.ecto4j.meta;

import java.util.AbstractList;
import java.util.List;

/**
 * Marks a to-many association slot that was not preloaded, Ecto's {@code %Ecto.Association.NotLoaded{}}.
 * Generated accessors compare against it by identity and throw {@link AssociationNotLoadedException}.
 * (To-one slots use their struct's {@code NOT_LOADED} constant the same way.)
 */
public final class NotLoaded {
  private static final List<?> LIST = new NotLoadedList();

  private NotLoaded() {}

  /** The not-loaded marker for a list slot. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> list() {
    return (List<T>) LIST;
  }

  /** Whether {@code value} is the not-loaded marker of a list slot. */
  public static boolean isNotLoaded(List<?> value) {
    return value == LIST;
  }

  private static final class NotLoadedList extends AbstractList<Object> {
    @Override
    public Object get(int index) {
      throw new IndexOutOfBoundsException("association not loaded");
    }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public boolean equals(Object other) {
      return other == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return "#NotLoaded";
    }
  }
}
