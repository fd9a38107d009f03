package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.jackson.schemas.PostStruct;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the module registers: once per mapper, by type, and by Jackson's module discovery. */
class EctoJacksonModuleTest {
  @Test
  void aMapperThatFindsItsModulesFindsTheDefaultOne() {
    JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

    assertThat(mapper.registeredModules()).hasAtLeastOneElementOfType(EctoJacksonModule.class);
    assertThat(mapper.writeValueAsString(new PostStruct().withTitle("Hello")))
        .startsWith("{\"id\":null,\"title\":\"Hello\",").endsWith("\"authorId\":null}");
  }

  @Test
  void aMapperHoldsOneEctoModuleTheLastRegistered() {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new EctoJacksonModule())
        .addModule(EctoJacksonModule.builder().unloadedAssociations(UnloadedAssociations.NULL).build())
        .build();

    assertThat(mapper.registeredModules()).hasSize(1);
    assertThat(mapper.writeValueAsString(new PostStruct())).endsWith("\"author\":null,\"comments\":null,\"tags\":null}");
  }
}
