package io.ecto4j.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesetErrorTest {
  @Test
  void interpolatesPlaceholdersFromMetadata() {
    ChangesetError error = new ChangesetError("password", "should be at least %{count} character(s)",
        Map.of("count", 8, "validation", "length", "kind", "min"));
    assertThat(error.interpolated()).isEqualTo("should be at least 8 character(s)");
    assertThat(error).hasToString("password: should be at least 8 character(s)");
  }

  @Test
  void leavesUnknownPlaceholdersAndSpecialCharactersAlone() {
    ChangesetError error = new ChangesetError("x", "needs %{missing} and %{value}", Map.of("value", "$1\\"));
    assertThat(error.interpolated()).isEqualTo("needs %{missing} and $1\\");
  }
}
