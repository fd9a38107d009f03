package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Form;
import io.ecto4j.changeset.FormData;
import io.ecto4j.meta.Field;
import io.ecto4j.type.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A schemaless changeset over an API payload: its errors and its data as JSON, as a schema's (issue #17). */
class SchemalessJsonTest {
  private static final Form SIGNUP = Form.named("Signup");
  private static final Field<FormData, String> EMAIL = SIGNUP.field("email", Types.STRING);
  private static final Field<FormData, String> PASSWORD = SIGNUP.redactedField("password", Types.STRING);
  private static final Field<FormData, List<Integer>> SCORES = SIGNUP.field("scores", Types.list(Types.INTEGER));

  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();

  @Test
  void errorsOfASchemalessChangesetAreWrittenAsAnyChangeset() {
    Changeset<FormData> changeset = Changeset.cast(SIGNUP.empty(), Map.of("scores", List.of("1", "x")), EMAIL, SCORES)
        .validateRequired(EMAIL);

    assertThat(json.writeValueAsString(changeset)).isEqualTo("""
        {"errors":{"scores":["is invalid"],"email":["can't be blank"]}}""");
  }

  @Test
  void formDataIsWrittenByItsFieldsWithoutTheRedactedOnes() {
    FormData signup = Changeset.cast(SIGNUP.empty(),
        Map.of("email", "ada@example.com", "password", "secret123", "scores", List.of("1", "2")), EMAIL, PASSWORD, SCORES)
        .applyActionOrThrow(Changeset.Action.INSERT);

    assertThat(json.writeValueAsString(signup)).isEqualTo("""
        {"email":"ada@example.com","scores":[1,2]}""");
  }
}
