package io.ecto4j.processor.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The naming conventions of ecto4j, in one place because reading (default column names) and
 * writing (constants, generated types) must agree: {@code viewCount} is column {@code view_count}
 * and constant {@code VIEW_COUNT}; {@code Category} has the companion {@code Categories}.
 */
public final class Names {
  private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int MAX_SQL_IDENTIFIER = 63;

  /** Plurals no rule makes, lower case. */
  private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
      Map.entry("person", "people"), Map.entry("man", "men"), Map.entry("woman", "women"),
      Map.entry("child", "children"), Map.entry("mouse", "mice"), Map.entry("goose", "geese"),
      Map.entry("tooth", "teeth"), Map.entry("foot", "feet"), Map.entry("ox", "oxen"),
      Map.entry("criterion", "criteria"), Map.entry("phenomenon", "phenomena"), Map.entry("matrix", "matrices"),
      Map.entry("vertex", "vertices"), Map.entry("appendix", "appendices"), Map.entry("quiz", "quizzes"));

  /** Words ending in f or fe whose plural ends in ves (others, like roof or chief, take s). */
  private static final Set<String> F_TO_VES = Set.of("shelf", "half", "leaf", "loaf", "thief", "wolf", "calf",
      "elf", "self", "knife", "wife", "life", "scarf", "wharf", "hoof");

  /** Words ending in o whose plural adds es (others, like photo or video, add s). */
  private static final Set<String> O_TO_OES = Set.of("hero", "potato", "tomato", "echo", "veto", "torpedo");

  private Names() {}

  /** {@code viewCount} → {@code view_count}; {@code htmlURL} → {@code html_url}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && startsWord(name, i)) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static boolean startsWord(String name, int i) {
    char previous = name.charAt(i - 1);
    boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
    return Character.isLowerCase(previous) || Character.isDigit(previous)
        || (Character.isUpperCase(previous) && nextIsLower);
  }

  /** {@code viewCount} → {@code VIEW_COUNT}. */
  public static String constantCase(String name) {
    return snakeCase(name).toUpperCase(Locale.ROOT);
  }

  /** {@code author_id} → {@code authorId}. */
  public static String camelCase(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code title} → {@code Title}. */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code Post} → {@code post}; {@code URLMapping} → {@code urlMapping}. */
  public static String decapitalize(String name) {
    int upper = 0;
    while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
      upper++;
    }
    int cut = upper > 1 && upper < name.length() ? upper - 1 : upper;
    return name.substring(0, cut).toLowerCase(Locale.ROOT) + name.substring(cut);
  }

  /** {@code BlogPost} → {@code blog post}, for documentation. */
  public static String words(String name) {
    return snakeCase(name).replace('_', ' ');
  }

  /**
   * The English plural of a type name's last word: {@code Post} → {@code Posts}, {@code Category}
   * → {@code Categories} (y after a consonant), {@code Address}/{@code Box}/{@code Quiz}/
   * {@code Match}/{@code Wish}/{@code Hero} → {@code …es}, {@code BookShelf} → {@code BookShelves},
   * {@code Person} → {@code People}, {@code Child} → {@code Children}, {@code Analysis} →
   * {@code Analyses}. A word the rules get wrong takes {@code @Schema(companion = "…")}.
   */
  public static String plural(String name) {
    int lastWord = lastWordStart(name);
    String head = name.substring(0, lastWord);
    String word = name.substring(lastWord);
    String lower = word.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR_PLURALS.get(lower);
    if (irregular != null) {
      return head + word.charAt(0) + irregular.substring(1);
    }
    if (F_TO_VES.contains(lower)) {
      return head + word.substring(0, word.length() - (lower.endsWith("fe") ? 2 : 1)) + "ves";
    }
    if (lower.endsWith("sis")) {
      return head + word.substring(0, word.length() - 2) + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && !isVowel(lower.charAt(lower.length() - 2))) {
      return head + word.substring(0, word.length() - 1) + "ies";
    }
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh") || O_TO_OES.contains(lower)) {
      return head + word + "es";
    }
    return head + word + "s";
  }

  /** Where the last word of a camel-case name starts: {@code BookShelf} → 4. */
  private static int lastWordStart(String name) {
    for (int i = name.length() - 1; i > 0; i--) {
      if (Character.isUpperCase(name.charAt(i)) && !Character.isUpperCase(name.charAt(i - 1))) {
        return i;
      }
    }
    return 0;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** The table name ecto4j suggests for a schema: {@code BlogPost} → {@code blog_posts}. */
  public static String suggestedTable(String schemaName) {
    return snakeCase(plural(schemaName));
  }

  /** Whether {@code name} can name a PostgreSQL table or column without surprises. */
  public static boolean isSqlIdentifier(String name) {
    return name.length() <= MAX_SQL_IDENTIFIER && SQL_IDENTIFIER.matcher(name).matches();
  }

  /** Whether {@code name} can name a Java type, method or variable. */
  public static boolean isJavaIdentifier(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  /** A type as messages show it, without packages: {@code java.util.List<blog.Tag>} → {@code List<Tag>}. */
  public static String display(String type) {
    return type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }

  /** {@code name}, changed if needed so that it can name a local variable. */
  public static String localName(String name) {
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }
}
