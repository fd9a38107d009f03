package io.ecto4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialOrderTest {
  private static final List<String> PICKED = List.of("w8_jooq", "w7_jdbc", "w7_ecto4j", "w8_jdbc", "w7_jooq",
      "w7_hibernate", "w8_ecto4j");

  @Test
  void roundOneRunsEachWorkloadInNameOrderAndLaterRoundsRotateItsImplementations() {
    assertThat(TrialOrder.round(PICKED, 1))
        .containsExactly("w7_ecto4j", "w7_hibernate", "w7_jdbc", "w7_jooq", "w8_ecto4j", "w8_jdbc", "w8_jooq");
    assertThat(TrialOrder.round(PICKED, 2))
        .containsExactly("w7_hibernate", "w7_jdbc", "w7_jooq", "w7_ecto4j", "w8_jdbc", "w8_jooq", "w8_ecto4j");
    assertThat(TrialOrder.round(PICKED, 4))
        .containsExactly("w7_jooq", "w7_ecto4j", "w7_hibernate", "w7_jdbc", "w8_ecto4j", "w8_jdbc", "w8_jooq");
  }

  @Test
  void settlingRunsTheJdbcTrialOfEachWorkloadOrItsFirstWithoutOne() {
    assertThat(TrialOrder.settling(PICKED)).containsExactly("w7_jdbc", "w8_jdbc");
    assertThat(TrialOrder.settling(List.of("w4_copy", "w4_ecto4j"))).containsExactly("w4_copy");
  }

  @Test
  void pairsTakeEachWorkloadWithEctoAndTheRivalsPickedRotatingTheRivalsByRound() {
    assertThat(TrialOrder.pairs(PICKED, 1, "ecto4j")).containsExactly(new TrialOrder.Pairing("w7", "jdbc"),
        new TrialOrder.Pairing("w7", "jooq"), new TrialOrder.Pairing("w7", "hibernate"),
        new TrialOrder.Pairing("w8", "jdbc"), new TrialOrder.Pairing("w8", "jooq"));
    assertThat(TrialOrder.pairs(PICKED, 2, "ecto4j")).containsExactly(new TrialOrder.Pairing("w7", "jooq"),
        new TrialOrder.Pairing("w7", "hibernate"), new TrialOrder.Pairing("w7", "jdbc"),
        new TrialOrder.Pairing("w8", "jooq"), new TrialOrder.Pairing("w8", "jdbc"));
    assertThat(TrialOrder.pairs(List.of("w4_copy", "w4_jdbc", "w5_ecto4j"), 1, "ecto4j")).isEmpty();
    assertThat(TrialOrder.pairs(List.of("w7_jdbc"), 1, "jdbc")).containsExactly(new TrialOrder.Pairing("w7", "jdbc"));
  }

  @Test
  void aPairingIncludesItsWorkloadsPairedMethodOnly() {
    assertThat(new TrialOrder.Pairing("w1", "jdbc").include()).isEqualTo("io.ecto4j.bench.Paired\\.w1$");
  }

  @Test
  void benchmarksArePickedAsJmhIncludePicksThem() {
    assertThat(TrialOrder.benchmarks("w7_(ecto4j|jdbc)$")).containsExactly("w7_ecto4j", "w7_jdbc");
    assertThat(TrialOrder.benchmarks("(?=w[3478]_)(?:w[12]_.*)")).isEmpty();
    assertThat(TrialOrder.benchmarks(".*")).contains("w1_jdbc", "w4_copy", "w8_jooq").hasSize(36);
  }
}
