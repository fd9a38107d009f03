package io.ecto4j.bench;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Which trials a run makes, and in what order. JMH runs the benchmarks it is given sorted by name,
 * which made ecto4j's trial ({@code w7_ecto4j} before {@code w7_hibernate}, {@code w7_jdbc},
 * {@code w7_jooq}) the first of its workload in every round, and in round 1 the first of that
 * workload on the database at all; three full runs showed ecto4j's round-1 W7 trial stepping up
 * and no other (docs/benchmarks.md, "Eleventh pass"). So a run first settles the server with one
 * discarded trial of each workload, and each round rotates the order of a workload's
 * implementations, so that each takes its turn first.
 */
final class TrialOrder {
  private TrialOrder() {}

  /** JMH's include pattern for the {@link Blog} benchmarks whose names {@code names} (a regex) finds. */
  static String include(String names) {
    return Blog.class.getName() + "\\." + names;
  }

  /** The names of {@link Blog}'s benchmarks that {@code names} (a regex) picks, as JMH's include picks them. */
  static List<String> benchmarks(String names) {
    Pattern pattern = Pattern.compile(include(names));
    return Arrays.stream(Blog.class.getMethods())
        .filter(method -> method.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .filter(name -> pattern.matcher(Blog.class.getName() + "." + name).find())
        .sorted()
        .toList();
  }

  /**
   * Round {@code round}'s trials (from 1): the workloads in order, each workload's implementations
   * in name order rotated by {@code round - 1}.
   */
  static List<String> round(Collection<String> benchmarks, int round) {
    List<String> order = new ArrayList<>();
    for (List<String> trials : byWorkload(benchmarks).values()) {
      List<String> rotated = new ArrayList<>(trials);
      Collections.rotate(rotated, -((round - 1) % rotated.size()));
      order.addAll(rotated);
    }
    return order;
  }

  /** One trial of each workload before the measured ones, discarded: the hand-written JDBC one where picked. */
  static List<String> settling(Collection<String> benchmarks) {
    List<String> order = new ArrayList<>();
    for (List<String> trials : byWorkload(benchmarks).values()) {
      order.add(trials.stream().filter(name -> name.endsWith("_jdbc")).findFirst().orElse(trials.get(0)));
    }
    return order;
  }

  /** A {@link Paired} trial: ecto4j and {@code rival} ({@code jdbc}, {@code jooq} or {@code hibernate}) on {@code workload}. */
  record Pairing(String workload, String rival) {
    /** JMH's include pattern for this trial's benchmark method. */
    String include() {
      return Paired.class.getName() + "\\." + workload + "$";
    }
  }

  /**
   * Round {@code round}'s paired trials (from 1): each workload of which {@code benchmarks} picks
   * {@code subject}'s (ecto4j's, or a rival's for a control), paired with each rival it picks too,
   * the rivals rotated by {@code round - 1}.
   */
  static List<Pairing> pairs(Collection<String> benchmarks, int round, String subject) {
    List<Pairing> order = new ArrayList<>();
    byWorkload(benchmarks).forEach((workload, trials) -> {
      if (!trials.contains(workload + "_" + subject)) {
        return;
      }
      List<String> rivals = new ArrayList<>(Paired.RIVALS);
      rivals.removeIf(rival -> !trials.contains(workload + "_" + rival));
      if (!rivals.isEmpty()) {
        Collections.rotate(rivals, -((round - 1) % rivals.size()));
      }
      rivals.forEach(rival -> order.add(new Pairing(workload, rival)));
    });
    return order;
  }

  /** The benchmarks by workload ({@code w7} of {@code w7_ecto4j}), both in name order. */
  private static Map<String, List<String>> byWorkload(Collection<String> benchmarks) {
    Map<String, List<String>> byWorkload = new TreeMap<>();
    for (String name : new TreeSet<>(benchmarks)) {
      byWorkload.computeIfAbsent(name.substring(0, name.indexOf('_')), workload -> new ArrayList<>()).add(name);
    }
    return byWorkload;
  }
}
