package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Migration} subclass the index lists: its class and the version its name gives
 * ({@code V20260301120000__CreatePosts}, {@code V1_1__AddIndex} → {@code 1.1}), by the rule
 * {@code io.ecto4j.migration.MigrationName} applies at run time.
 */
public record MigrationModel(ClassName type, String version) {
  private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)");

  /** Orders by version, numerically part by part, as Flyway does. */
  public static final Comparator<MigrationModel> BY_VERSION = (a, b) -> compareVersions(a.version, b.version);

  public MigrationModel {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
  }

  /** The version of a class named {@code simpleName}, or null when the name does not follow the convention. */
  public static String versionOf(String simpleName) {
    Matcher matcher = NAME.matcher(simpleName);
    return matcher.matches() ? matcher.group(1).replace('_', '.') : null;
  }

  /** Whether two versions are the same: {@code 1.0} is {@code 1}, as for Flyway. */
  public static boolean sameVersion(String a, String b) {
    return compareVersions(a, b) == 0;
  }

  private static int compareVersions(String a, String b) {
    List<BigInteger> left = parts(a);
    List<BigInteger> right = parts(b);
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      BigInteger l = i < left.size() ? left.get(i) : BigInteger.ZERO;
      BigInteger r = i < right.size() ? right.get(i) : BigInteger.ZERO;
      int compared = l.compareTo(r);
      if (compared != 0) {
        return compared;
      }
    }
    return 0;
  }

  private static List<BigInteger> parts(String version) {
    return java.util.Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
  }
}
