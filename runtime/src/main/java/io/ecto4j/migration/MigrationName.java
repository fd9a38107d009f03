package io.ecto4j.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java migration's version and description, read from its class name by Flyway's convention:
 * {@code V20260301120000__CreatePosts} is version {@code 20260301120000}, "create posts";
 * {@code V1_1__Add_index} is version {@code 1.1}, "add index".
 */
record MigrationName(String version, String description) {
  static final Pattern PATTERN = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)");

  static MigrationName of(String simpleName) {
    Matcher matcher = PATTERN.matcher(simpleName);
    if (!matcher.matches()) {
      throw new MigrationException("migration class " + simpleName + " is not named V<version>__<Name>; rename it, "
          + "e.g. V20260301120000__CreatePosts (the version orders the migrations)");
    }
    return new MigrationName(matcher.group(1).replace('_', '.'), words(matcher.group(2)));
  }

  /** {@code CreatePosts} → {@code create posts}; {@code add_URLs} → {@code add urls}. */
  static String words(String name) {
    String spaced = name.replace('_', ' ')
        .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replaceAll("([A-Z]+)([A-Z][a-z]{2,})", "$1 $2");
    return spaced.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
