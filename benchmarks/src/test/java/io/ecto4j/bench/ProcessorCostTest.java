package io.ecto4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the processor's cost measures and how the report shows it; the times themselves are not
 * asserted (they are the machine's), only which compiles ran where and what they created.
 */
class ProcessorCostTest {

  /** Each schema makes the processor write two sources, and javac three classes from them, beside the interface's. */
  @Test
  void countsTheFilesEachCompileCreatesAndMeasuresOnTheDiskAndInMemory() throws Exception {
    ProcessorCost.Result result = ProcessorCost.measure(2);

    assertThat(result.generatedFiles()).isEqualTo(4);
    assertThat(result.filesWithout()).as("the two interfaces' classes").isEqualTo(2);
    assertThat(result.filesWith()).as("2 interfaces, 4 sources, 6 classes, 3 schema resources").isEqualTo(15);
    assertThat(result.disk().withMillis()).isPositive();
    if (Files.isDirectory(Path.of("/dev/shm"))) {
      assertThat(result.memory()).isNotNull();
      assertThat(result.memory().withMillis()).isPositive();
    }
  }

  @Test
  void theReportShowsTheDiskAndTheMemoryColumnsAndADashWithoutMemory() {
    ProcessorCost.Warm disk = new ProcessorCost.Warm(233, 2_458, 2_362, 3_555);
    ProcessorCost.Warm memory = new ProcessorCost.Warm(61, 1_303, 1_201, 1_380);
    StringBuilder both = new StringBuilder();
    Report.processor(both, new ProcessorCost.Result(200, disk, memory, 400, 200, 1_203, 1_123, 6_793));
    assertThat(both.toString())
        .contains("creates 1,203 files (400 generated sources")
        .contains("| the processor's cost | 2,225 ms, 11.1 ms per schema | 1,242 ms, 6.2 ms per schema |")
        .contains("| the processor's cost, cold | 5,670 ms |");

    StringBuilder diskOnly = new StringBuilder();
    Report.processor(diskOnly, new ProcessorCost.Result(200, disk, null, 400, 200, 1_203, -1, -1));
    assertThat(diskOnly.toString())
        .contains("| the processor's cost | 2,225 ms, 11.1 ms per schema | – |")
        .contains("Cold compiles not measured");
  }
}
