package io.ecto4j.processor.model;

import java.util.Locale;
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
   * The English plural by the simple rules: {@code Post} → {@code Posts}, {@code Category} →
   * {@code Categories} (y after a consonant), {@code Address}/{@code Box}/{@code Quiz}/{@code Match}/
   * {@code Wish} → {@code …es}.
   */
  public static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y") && lower.length() > 1 && !isVowel(lower.charAt(lower.length() - 2))) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh")) {
      return name + "es";
    }
    return name + "s";
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
