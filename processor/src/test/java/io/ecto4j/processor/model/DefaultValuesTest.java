package io.ecto4j.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultValuesTest {
  private static final TypeMapping INT = TypeMapping.scalar(ColumnType.INTEGER, TypeName.INT);
  private static final TypeMapping DOUBLE = TypeMapping.scalar(ColumnType.DOUBLE, TypeName.DOUBLE);
  private static final TypeMapping BOOLEAN = TypeMapping.scalar(ColumnType.BOOLEAN, TypeName.BOOLEAN);
  private static final TypeMapping STATUS = TypeMapping.enumOf(ClassName.get("blog", "Status"), List.of("DRAFT"));

  @Test
  void parsesLiteralsOfTheFieldsType() {
    assertThat(DefaultValues.parse(INT, "+5")).contains("5");
    assertThat(DefaultValues.parse(DOUBLE, "1")).contains("1.0");
    assertThat(DefaultValues.parse(BOOLEAN, "true")).contains("true");
    assertThat(DefaultValues.parse(STATUS, "DRAFT")).contains("DRAFT");
  }

  @Test
  void rejectsWhatIsNoLiteralOfTheType() {
    assertThat(DefaultValues.parse(INT, "1.5")).isEmpty();
    assertThat(DefaultValues.parse(INT, "99999999999")).isEmpty();
    assertThat(DefaultValues.parse(DOUBLE, "NaN")).isEmpty();
    assertThat(DefaultValues.parse(DOUBLE, "1e999")).isEmpty();
    assertThat(DefaultValues.parse(BOOLEAN, "TRUE")).isEmpty();
    assertThat(DefaultValues.parse(STATUS, "draft")).isEmpty();
    assertThat(DefaultValues.parse(TypeMapping.listOf(INT), "1")).isEmpty();
  }

  @Test
  void examplesAreValidDefaults() {
    for (TypeMapping mapping : List.of(INT, DOUBLE, BOOLEAN, STATUS)) {
      assertThat(DefaultValues.parse(mapping, DefaultValues.example(mapping))).isPresent();
    }
  }
}
