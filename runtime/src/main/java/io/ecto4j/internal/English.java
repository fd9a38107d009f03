package io.ecto4j.internal;

import java.util.List;
import java.util.Locale;

/**
 * Messages that name a schema in a sentence: "a User", "an Order", "an Hour". The article goes by
 * the sound of the word, which its first letters mostly tell: a vowel letter sounding as a
 * consonant ("User", "Euro", "One") takes "a", a silent h ("Hour", "Honor") takes "an".
 */
public final class English {
  private static final List<String> VOWEL_LETTER_CONSONANT_SOUND =
      List.of("uni", "use", "usu", "uti", "ura", "uri", "ure", "eu", "one", "once", "ubi", "uga");
  private static final List<String> SILENT_H = List.of("hour", "honest", "honor", "honour", "heir");

  private English() {}

  /** {@code word} with its indefinite article: {@code "a User"}, {@code "an Author"}. */
  public static String withArticle(String word) {
    return (takesAn(word) ? "an " : "a ") + word;
  }

  private static boolean takesAn(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.isEmpty()) {
      return false;
    }
    if (SILENT_H.stream().anyMatch(lower::startsWith)) {
      return true;
    }
    return "aeiou".indexOf(lower.charAt(0)) >= 0 && VOWEL_LETTER_CONSONANT_SOUND.stream().noneMatch(lower::startsWith);
  }
}
