package io.ecto4j.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One term of an association's {@code preloadOrder}: a column of the related schema and its
 * direction, parsed from {@code "inserted_at DESC, id"}.
 */
public record PreloadOrder(String column, boolean descending) {

  /** The terms of {@code text}, or empty if a term is not {@code column [ASC|DESC]}. */
  public static Optional<List<PreloadOrder>> parse(String text) {
    List<PreloadOrder> terms = new ArrayList<>();
    for (String term : text.split(",", -1)) {
      String[] words = term.trim().split("\\s+");
      if (words.length == 0 || words.length > 2 || words[0].isEmpty()
          || !words[0].matches("[a-z_][a-z0-9_]*")) {
        return Optional.empty();
      }
      String direction = words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
      if (!direction.equals("ASC") && !direction.equals("DESC")) {
        return Optional.empty();
      }
      terms.add(new PreloadOrder(words[0], direction.equals("DESC")));
    }
    return Optional.of(List.copyOf(terms));
  }
}
