package app.reglament;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server jar, run as operators run it: a separate process with its own environment.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
  private static final String END = "\u0000end";

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> output = new CopyOnWriteArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
              }
              lines.add(END);
            },
            "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -jar reglament-server.jar args} in {@code workDir} with exactly {@code env}.
   */
  static ServerProcess start(Path workDir, Map<String, String> env, String... args) {
    String jar = System.getProperty("reglament.serverJar");
    if (jar == null) {
      throw new IllegalStateException("reglament.serverJar is not set: run through mvn verify");
    }
    var command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", jar));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      return new ServerProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Waits for the "listening" line and returns the port; fails with the output if it never comes.
   */
  int awaitListening(Duration timeout) throws InterruptedException {
    Matcher match = awaitLine(LISTENING, timeout);
    return Integer.parseInt(match.group(1));
  }

  /** Waits until a line of output matches; fails with everything printed so far if none does. */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null || line.equals(END)) {
        throw new AssertionError(
            "The server never printed /" + pattern + "/ within " + timeout + ":\n" + output());
      }
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
  }

  /** Waits for the process to end by itself and returns its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The server did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    return String.join("\n", output);
  }

  /** Stops it as Ctrl-C or a service manager would (SIGTERM), and waits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
