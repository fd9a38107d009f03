package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.jackson.schemas.PostStruct;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/** Reading a struct from JSON is refused with the way to take a body instead. */
class StructRefusalTest {
  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();

  @Test
  void aStructIsNotReadFromJson() {
    assertThatThrownBy(() -> json.readValue("{\"title\":\"Hello\"}", PostStruct.class))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("ecto4j does not read a PostStruct from JSON: read the body as io.ecto4j.jackson.Params"
            + " and cast it with a changeset, e.g. Changeset.cast(new PostStruct(), params.asMap(), …)");
  }

  @Test
  void norAStructInsideAList() {
    assertThatThrownBy(() -> json.readValue("[{\"title\":\"Hello\"}]", new TypeReference<List<PostStruct>>() {}))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("ecto4j does not read a PostStruct from JSON");
  }
}
