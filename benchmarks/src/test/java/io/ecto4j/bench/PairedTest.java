package io.ecto4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** What a paired trial times and how it sums it up; nothing here is timed or needs a database. */
class PairedTest {
  @Test
  void eachSideRunsBlogsBenchmarkMethodOfEachWorkload() throws Exception {
    assertSidesRun("ecto4j", Paired.state("ecto4j").getClass());
    for (String rival : Paired.RIVALS) {
      assertSidesRun(rival, Paired.state(rival).getClass());
    }
  }

  private static void assertSidesRun(String implementation, Class<? extends Blog.Base> state) throws Exception {
    Method[] methods = Paired.Side.methods(implementation, state);
    assertThat(methods[0]).isNull();
    for (int workload = 1; workload <= 8; workload++) {
      assertThat(methods[workload].getName()).isEqualTo("w" + workload + "_" + implementation);
      assertThat(methods[workload].isAnnotationPresent(Benchmark.class)).isTrue();
    }
  }

  @Test
  void anUnknownImplementationIsRefusedByName() {
    assertThatThrownBy(() -> Paired.state("mybatis")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mybatis is none of ecto4j, jdbc, jooq, hibernate");
  }

  @Test
  void samplesGiveTheMedianOperationAndTheBytesPerOperation() {
    Samples samples = new Samples();
    assertThat(samples.medianMicros()).isNaN();
    long[] nanos = {9_000, 1_000, 5_000, 3_000, 7_000};
    Arrays.stream(nanos).forEach(n -> samples.add(n, 100));
    assertThat(samples.medianMicros()).isEqualTo(5.0);
    samples.add(11_000, 400);
    assertThat(samples.medianMicros()).isEqualTo(6.0);
    assertThat(samples.bytesPerOperation()).isEqualTo(150.0);
    samples.clear();
    assertThat(samples.count()).isZero();
  }

  @Test
  void samplesGrowPastTheirFirstArray() {
    Samples samples = new Samples();
    for (int i = 0; i < 200_000; i++) {
      samples.add(i, 0);
    }
    assertThat(samples.count()).isEqualTo(200_000);
    assertThat(samples.medianMicros()).isEqualTo(99.9995);
  }
}
