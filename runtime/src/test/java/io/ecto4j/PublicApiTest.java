package io.ecto4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's public surface, written out in {@code runtime/api.txt}: every public type outside
 * {@code io.ecto4j.internal} with its public and protected members. A change to what users can call
 * shows up as a diff of that file in review, so that nothing becomes API by accident. After an
 * intended change, run {@code mvn -pl runtime test -Dtest=PublicApiTest -Decto4j.updateApi=true}.
 */
class PublicApiTest {
  private static final Path CLASSES = Path.of("target/classes");
  private static final Path API = Path.of("api.txt");
  private static final boolean UPDATE = Boolean.getBoolean("ecto4j.updateApi");
  private static final String INTERNAL = "io.ecto4j.internal.";
  private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

  @Test
  void thePublicSurfaceIsTheReviewedOne() throws IOException {
    String api = String.join("\n", surface(false)) + "\n";
    if (UPDATE) {
      Files.writeString(API, api, StandardCharsets.UTF_8);
    }
    assertThat(api).as("the public API changed: review it and rerun with -Decto4j.updateApi=true")
        .isEqualTo(Files.readString(API, StandardCharsets.UTF_8));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws IOException {
    assertThat(surface(true)).noneMatch(line -> line.contains(INTERNAL));
  }

  /**
   * A {@code package} line per package, then one line per public type and one indented line per
   * member, sorted; names are unqualified unless asked for.
   */
  private static List<String> surface(boolean qualified) throws IOException {
    List<String> lines = new ArrayList<>();
    String currentPackage = "";
    for (Class<?> type : publicTypes()) {
      if (!type.getPackageName().equals(currentPackage)) {
        currentPackage = type.getPackageName();
        lines.add("package " + currentPackage);
      }
      lines.add(render(type.toGenericString(), type, qualified));
      List<String> members = new ArrayList<>();
      Stream.of(type.getDeclaredConstructors(), type.getDeclaredMethods(), type.getDeclaredFields())
          .flatMap(Arrays::stream)
          .filter(PublicApiTest::isApi)
          .forEach(member -> members.add("  " + render(signature(member), type, qualified)));
      members.sort(null);
      lines.addAll(members);
    }
    return lines;
  }

  private static List<Class<?>> publicTypes() throws IOException {
    try (Stream<Path> files = Files.walk(CLASSES)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "").replace('$', '.'))
          .filter(name -> name.startsWith("io.ecto4j.") && !name.startsWith(INTERNAL))
          .sorted()
          .map(PublicApiTest::load)
          .filter(type -> type != null && isVisible(type))
          .toList();
    }
  }

  private static Class<?> load(String dottedName) {
    String binary = dottedName;
    while (true) {
      try {
        return Class.forName(binary, false, PublicApiTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        int dot = binary.lastIndexOf('.');
        if (dot < 0 || !Character.isUpperCase(binary.charAt(binary.lastIndexOf('.', dot - 1) + 1))) {
          return null;
        }
        binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
      }
    }
  }

  /** Public, and so are the types it is nested in; anonymous and local classes are not API. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(Member member) {
    int modifiers = member.getModifiers();
    boolean bridge = member instanceof java.lang.reflect.Method method && method.isBridge();
    return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && !member.isSynthetic() && !bridge;
  }

  private static String signature(Member member) {
    return member instanceof Executable executable ? executable.toGenericString()
        : ((java.lang.reflect.Field) member).toGenericString();
  }

  /** {@code signature} without package names, and with members named without their type's name. */
  private static String render(String signature, Class<?> type, boolean qualified) {
    if (qualified) {
      return signature;
    }
    String binary = type.getName().substring(type.getPackageName().length() + 1);
    String text = QUALIFIED.matcher(signature).replaceAll("");
    text = text.replace(binary + ".", "").replace(binary + "(", type.getSimpleName() + "(");
    return text.replace('$', '.');
  }
}
