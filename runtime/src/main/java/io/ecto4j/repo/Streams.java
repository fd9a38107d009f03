package io.ecto4j.repo;

import io.ecto4j.query.RowReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A result set as a lazy, sequential {@link Stream}: each row is read when the stream asks for it,
 * so with a fetch size the driver holds one batch of rows at a time, whatever the total.
 */
final class Streams {
  private Streams() {}

  /** Applies {@code work} to the rows of {@code rows}; the stream must not escape {@code work}. */
  static <T, R> R over(ResultSet rows, RowReader<T> reader, String sql, Function<Stream<T>, R> work) {
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
        Spliterator.ORDERED) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        try {
          if (!rows.next()) {
            return false;
          }
          action.accept(reader.read(rows));
          return true;
        } catch (SQLException e) {
          throw Failures.of(sql, e);
        }
      }
    };
    try (Stream<T> stream = StreamSupport.stream(spliterator, false)) {
      return work.apply(stream);
    }
  }

  /**
   * {@code rows} in batches of {@code size}, each passed through {@code load} (say, its preloads)
   * when the first of its rows is asked for, then given out one by one in order: lazy as
   * {@code rows}, and never more than one batch held.
   */
  static <T> Stream<T> batched(Stream<T> rows, int size, UnaryOperator<List<T>> load) {
    Iterator<T> source = rows.iterator();
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
      private Iterator<T> batch = Collections.emptyIterator();

      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        if (!batch.hasNext()) {
          List<T> next = new ArrayList<>(size);
          while (next.size() < size && source.hasNext()) {
            next.add(source.next());
          }
          if (next.isEmpty()) {
            return false;
          }
          batch = load.apply(next).iterator();
        }
        action.accept(batch.next());
        return true;
      }
    };
    return StreamSupport.stream(spliterator, false).onClose(rows::close);
  }
}
