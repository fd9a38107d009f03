package io.ecto4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What the numbers were measured on: the machine, the JVM, PostgreSQL and the library versions. */
final class Machine {
  private Machine() {}

  static Map<String, String> describe(String url) throws IOException, SQLException {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cores (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
    facts.put("memory", memory());
    facts.put("CPU", cpu());
    facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    facts.put("PostgreSQL", postgres(url));
    Properties versions = new Properties();
    try (InputStream in = Machine.class.getResourceAsStream("versions.properties")) {
      versions.load(in);
    }
    versions.stringPropertyNames().stream().sorted().forEach(k -> facts.put(k, versions.getProperty(k)));
    return facts;
  }

  private static String memory() throws IOException {
    return grep("/proc/meminfo", "MemTotal:").replace("MemTotal:", "").trim();
  }

  private static String cpu() throws IOException {
    return grep("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
  }

  private static String grep(String file, String prefix) throws IOException {
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      return "?";
    }
    return Files.readAllLines(path).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?");
  }

  private static String postgres(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
