package io.ecto4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The installed PostgreSQL programs, and how to run them.
 *
 * <p>{@code initdb} and {@code postgres} refuse to run as root, so when the JVM is root (as in many
 * CI containers) every program runs as the OS user {@code postgres} through {@code runuser}, in a
 * directory that user owns.
 */
final class PostgresBinaries {
  static final String OS_USER = "postgres";

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final List<Path> RUNUSER =
      List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"), Path.of("/usr/bin/runuser"));
  private static final Duration LOOKUP_LIMIT = Duration.ofSeconds(10);

  private final Path bindir;
  /** Empty, or {@code runuser -u postgres --} when the JVM is root. */
  private final List<String> runAs;

  private PostgresBinaries(Path bindir, List<String> runAs) {
    this.bindir = bindir;
    this.runAs = runAs;
  }

  /** Finds {@code initdb} and {@code pg_ctl}, and checks the root setup when the JVM is root. */
  static PostgresBinaries find() {
    Path bindir = findBindir();
    return new PostgresBinaries(bindir, isRoot() ? runAsPostgres() : List.of());
  }

  Path bindir() {
    return bindir;
  }

  boolean runsAsPostgres() {
    return !runAs.isEmpty();
  }

  /** The command line running {@code program}, a path of its own (PgBouncer's), as the server's programs run. */
  List<String> commandAt(Path program, List<String> arguments) {
    List<String> command = new ArrayList<>(runAs);
    command.add(program.toString());
    command.addAll(arguments);
    return command;
  }

  /** The command line running {@code program} (e.g. {@code pg_ctl}) from the bindir. */
  List<String> command(String program, List<String> arguments) {
    List<String> command = new ArrayList<>(runAs);
    command.add(bindir.resolve(program).toString());
    command.addAll(arguments);
    return command;
  }

  /**
   * A fresh temporary directory the programs may write to: under {@code java.io.tmpdir}, or, as
   * root, under {@code /tmp} (which every user can traverse) and owned by {@code postgres}.
   */
  Path createDirectory() {
    try {
      if (!runsAsPostgres()) {
        return Files.createTempDirectory("ecto4j-postgres-");
      }
      Path directory = Files.createTempDirectory(Path.of("/tmp"), "ecto4j-postgres-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      giveToPostgres(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void giveToPostgres(Path directory) throws IOException {
    UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributeView attributes =
        Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    UserPrincipal user = users.lookupPrincipalByName(OS_USER);
    GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
    attributes.setOwner(user);
    attributes.setGroup(group);
  }

  private static Path findBindir() {
    String fromPgConfig = pgConfigBindir();
    if (fromPgConfig.startsWith("/") && hasServerPrograms(Path.of(fromPgConfig))) {
      return Path.of(fromPgConfig);
    }
    return newestDebianBindir().orElseThrow(() ->
        new IllegalStateException(PostgresProcessMessages.noBinaries(fromPgConfig, DEBIAN_ROOT)));
  }

  /** What {@code pg_config --bindir} printed, or why it printed nothing useful. */
  private static String pgConfigBindir() {
    try {
      BoundedCommand.Result result =
          BoundedCommand.run(List.of("pg_config", "--bindir"), Path.of("."), LOOKUP_LIMIT);
      return result.succeeded() ? result.output() : "exit code " + result.exitCode();
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  /** {@code /usr/lib/postgresql/<version>/bin}, as Debian and Ubuntu lay it out, newest first. */
  private static Optional<Path> newestDebianBindir() {
    if (!Files.isDirectory(DEBIAN_ROOT)) {
      return Optional.empty();
    }
    List<Path> versions = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(DEBIAN_ROOT)) {
      entries.forEach(versions::add);
    } catch (IOException e) {
      return Optional.empty();
    }
    return versions.stream()
        .sorted(Comparator.comparing(PostgresBinaries::version, Arrays::compare).reversed())
        .map(version -> version.resolve("bin"))
        .filter(PostgresBinaries::hasServerPrograms)
        .findFirst();
  }

  private static int[] version(Path directory) {
    try {
      return Arrays.stream(directory.getFileName().toString().split("\\."))
          .mapToInt(Integer::parseInt)
          .toArray();
    } catch (NumberFormatException e) {
      return new int[0];
    }
  }

  private static boolean hasServerPrograms(Path bindir) {
    return Stream.of("initdb", "pg_ctl", "postgres")
        .allMatch(program -> Files.isExecutable(bindir.resolve(program)));
  }

  private static boolean isRoot() {
    if ("root".equals(System.getProperty("user.name"))) {
      return true;
    }
    try {
      BoundedCommand.Result id =
          BoundedCommand.run(List.of("id", "-u"), Path.of("."), LOOKUP_LIMIT);
      return id.succeeded() && id.output().equals("0");
    } catch (IllegalStateException e) {
      return false;  // no id program: not a Unix we run servers on as root
    }
  }

  private static List<String> runAsPostgres() {
    Path runuser = RUNUSER.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
        new IllegalStateException(PostgresProcessMessages.rootWithoutRunuser(RUNUSER)));
    try {
      FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
    } catch (IOException e) {
      throw new IllegalStateException(PostgresProcessMessages.rootWithoutPostgresUser(), e);
    }
    return List.of(runuser.toString(), "-u", OS_USER, "--");
  }
}
