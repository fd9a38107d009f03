package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.jackson.schemas.PostStruct;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
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
  void nothingNeedsReflectiveAccessToEcto4jsClasses() {
    JsonMapper strict = JsonMapper.builder().addModule(new EctoJacksonModule())
        .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
        .build();

    assertThat(strict.writeValueAsString(new PostStruct().withTitle("Hello"))).contains("\"title\":\"Hello\"");
    assertThat(strict.readValue("{\"title\":\"Hello\"}", Params.class).asMap()).containsEntry("title", "Hello");
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
