package io.ecto4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An operating-system command run to completion within a time limit, its output kept for messages.
 *
 * <p>The output goes to a file rather than a pipe: {@code pg_ctl start} leaves a server running
 * after it exits, and a pipe it handed down would never reach end-of-file.
 */
final class BoundedCommand {
  private BoundedCommand() {}

  /** What a finished command did; {@code output} holds its stdout and stderr, interleaved. */
  record Result(List<String> command, int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }

    String commandLine() {
      return BoundedCommand.commandLine(command);
    }
  }

  /** The command as one would type it in a shell, for messages. */
  static String commandLine(List<String> command) {
    return command.stream()
        .map(word -> word.isEmpty() || word.matches(".*[\\s'\"].*")
            ? "'" + word.replace("'", "'\\''") + "'"
            : word)
        .collect(Collectors.joining(" "));
  }

  /**
   * Runs {@code command} in {@code directory}; if it has not finished within {@code limit} it is
   * killed, with every process it started, and an {@link IllegalStateException} says so.
   */
  static Result run(List<String> command, Path directory, Duration limit) {
    Path output = createOutputFile();
    try {
      Process process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(
            PostgresProcessMessages.commandTimedOut(commandLine(command), limit, read(output)));
      }
      return new Result(List.copyOf(command), process.exitValue(), read(output));
    } catch (IOException e) {
      throw new IllegalStateException(
          PostgresProcessMessages.commandFailedToRun(commandLine(command), e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          PostgresProcessMessages.interrupted("`" + commandLine(command) + "`"), e);
    } finally {
      deleteQuietly(output);
    }
  }

  private static Path createOutputFile() {
    try {
      return Files.createTempFile("ecto4j-command-", ".out");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path output) throws IOException {
    return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip();
  }

  private static void deleteQuietly(Path output) {
    try {
      Files.deleteIfExists(output);
    } catch (IOException ignored) {
      // A leftover file in the temporary directory is no reason to fail the command.
    }
  }
}
