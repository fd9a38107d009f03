package io.ecto4j.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.bench.impl.Ecto;
import io.ecto4j.bench.impl.Hibernate;
import io.ecto4j.bench.impl.Jdbc;
import io.ecto4j.bench.impl.Jooq;
import io.ecto4j.bench.impl.Workloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Before anything is timed: on the full seed, every implementation's reads (W1, W2, W5, W6) return
 * the same data as hand-written JDBC, or the run stops naming the one that differs. The writes are
 * checked by the smoke test ({@code BlogTest}), which may change its own small database.
 */
final class SameData {
  private SameData() {}

  static void check(String url) {
    try (HikariDataSource pool = BenchDb.pool(url)) {
      Map<String, Workloads> all = new LinkedHashMap<>();
      all.put("ecto4j", new Ecto(pool));
      all.put("jOOQ", new Jooq(pool));
      all.put("Hibernate", new Hibernate(pool));
      Jdbc jdbc = new Jdbc(pool);
      try {
        same("W1", all, jdbc, w -> w.getPost(7));
        same("W2", all, jdbc, Workloads::popularPosts);
        same("W5", all, jdbc, Workloads::postsWithAuthorsAndComments);
        same("W6", all, jdbc, Workloads::topPosts);
      } finally {
        all.values().forEach(Workloads::close);
      }
    }
    System.out.println("same data: ecto4j, jOOQ and Hibernate read what JDBC reads (W1, W2, W5, W6)");
  }

  private static <T> void same(String workload, Map<String, Workloads> all, Jdbc jdbc, Function<Workloads, T> read) {
    T expected = read.apply(jdbc);
    all.forEach((name, impl) -> {
      if (!Objects.equals(read.apply(impl), expected)) {
        throw new IllegalStateException(workload + ": " + name + " does not return what hand-written JDBC returns "
            + "on the full seed; fix it before timing anything");
      }
    });
  }
}
