package io.ecto4j.processor.writing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The class file an earlier build left for a record this build is about to generate again. javac
 * before 23 crashes compiling the new source of a record whose class it has read from such a
 * stale file ({@code NullPointerException} in {@code Lower.generateMandatedAccessors}, JDK-8332297),
 * and its {@code Filer.createSourceFile} reads it itself. That happens whenever a build compiles a
 * schema without cleaning the output directory first: an IDE, an incremental build, javac by hand.
 * So the stale file is deleted before the source is created (the new class file replaces it
 * anyway); if javac had read it already, because the code being compiled names the struct, the
 * crash cannot be avoided in this compilation and the caller reports it instead.
 */
final class StaleRecords {
  /** The first javac that compiles a record over its own stale class file. */
  private static final int FIXED_IN = 23;

  private StaleRecords() {}

  /**
   * Deletes the class file of {@code packageName.simpleName} from the class output, if one is on
   * disk; whether javac had read it already, so that generating the record now would crash it.
   */
  static boolean forgetAndCheck(Filer filer, Elements elements, String packageName, String simpleName) {
    if (!delete(filer, packageName, simpleName) || Runtime.version().feature() >= FIXED_IN) {
      return false;
    }
    // With the file gone, javac can only know the type if it had read the file before.
    return elements.getTypeElement(packageName.isEmpty() ? simpleName : packageName + "." + simpleName) != null;
  }

  private static boolean delete(Filer filer, String packageName, String simpleName) {
    try {
      FileObject classFile = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, simpleName + ".class");
      URI uri = classFile.toUri();
      return "file".equals(uri.getScheme()) && Files.deleteIfExists(Path.of(uri));
    } catch (IOException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException
        | SecurityException nothingToForget) {
      // No earlier class file (the usual case), or one this build cannot touch: javac decides.
      return false;
    }
  }
}
