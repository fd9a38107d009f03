package io.ecto4j.example.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's own WebSocket
 * client: no Selenium, no driver download, no network. Only what the dashboard's test needs:
 * navigate, evaluate, screenshot.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Starts Chromium on a blank page of {@code width}×{@code height} and connects to that page. */
  static Chromium start(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("ecto4j-chromium");
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-extensions",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
        "--remote-allow-origins=*", "--window-size=" + width + "," + height, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String browserUrl = devToolsUrl(process);
      URI browser = URI.create(browserUrl);
      HttpClient http = HttpClient.newHttpClient();
      String pageUrl;
      try {
        pageUrl = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> pageTarget(http, browser), found -> found != null);
      } catch (ConditionTimeoutException e) {
        throw new IllegalStateException("Chromium opened no page target at " + browserUrl, e);
      }
      Chromium[] self = new Chromium[1];
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
          message.append(data);
          if (last) {
            self[0].receive(message.toString());
            message.setLength(0);
          }
          webSocket.request(1);
          return null;
        }
      }).get(30, TimeUnit.SECONDS);
      Chromium chromium = new Chromium(process, profile, socket);
      self[0] = chromium;
      return chromium;
    } catch (Exception | Error e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  private static String devToolsUrl(Process process) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (err.readLine() != null) {
              // keep Chromium's stderr from filling its pipe
            }
          } catch (IOException ignored) {
            // Chromium ended
          }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("Chromium ended without a DevTools URL; it said:\n" + seen);
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
        if (future != null) {
          if (message.has("error")) {
            future.completeExceptionally(new IllegalStateException("DevTools error: " + message.get("error")));
          } else {
            future.complete(message.get("result"));
          }
        }
      }
    } catch (IOException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  /** Sends one DevTools command and waits for its result. */
  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params == null ? JSON.createObjectNode() : params);
    socket.sendText(JSON.writeValueAsString(command), true).get(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
    return result.get(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  void navigate(String url) throws Exception {
    send("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** The value of a JavaScript expression in the page, as JSON; null for undefined. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw on " + expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").get("value");
  }

  /** The DevTools socket of the browser's page, or null while it has none yet. */
  private static String pageTarget(HttpClient http, URI browser) throws Exception {
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
        URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page")) {
        return target.get("webSocketDebuggerUrl").asText();
      }
    }
    return null;
  }

  /** Waits until {@code condition} (JavaScript) is true in the page, at most {@code limit}. */
  void await(String condition, Duration limit) throws Exception {
    BooleanSupplier holds = () -> {
      try {
        JsonNode value = evaluate("Boolean(" + condition + ")");
        return value != null && value.asBoolean();
      } catch (Exception e) {
        return false;   // the page is between documents
      }
    };
    try {
      Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(holds::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the page never satisfied " + condition + "; its text:\n"
          + evaluate("document.body ? document.body.innerText.slice(0, 2000) : '(no body)'"));
    }
  }

  /** A PNG of the whole page, {@code width} wide. */
  void screenshot(Path file, int width) throws Exception {
    int height = Math.min(6000, evaluate("document.documentElement.scrollHeight").asInt());
    send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
        .put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    send("Emulation.clearDeviceMetricsOverride", null);
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
