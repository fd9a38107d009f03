package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.meta.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded random param maps through cast and validations: cast never throws, and every error
 * names a permitted field, has a known message, and carries the metadata its validation promises.
 */
class CastFuzzTest {
  private static final long SEED = 20261123L;
  private static final Set<String> MESSAGES = Set.of("is invalid", "can't be blank",
      "should be at most %{count} character(s)", "must be greater than or equal to %{number}");

  @Test
  void castNeverThrowsAndErrorsAreWellFormed() {
    Random random = new Random(SEED);
    List<Field<SampleStruct, ?>> fields = new ArrayList<>(Samples.SCHEMA.fields());
    fields.removeIf(f -> f.kind() == Field.Kind.PRIMARY_KEY);
    Set<String> names = new java.util.HashSet<>(fields.stream().map(Field::name).toList());
    @SuppressWarnings("unchecked")
    Field<SampleStruct, ?>[] permitted = fields.toArray(new Field[0]);
    for (int i = 0; i < 100_000; i++) {
      Map<String, Object> params = randomParams(random, fields);
      Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(), params, permitted)
          .validateRequired(Samples.STRING)
          .validateLength(Samples.STRING, Length.max(20))
          .validateNumber(Samples.NUMBER, Numbers.greaterThanOrEqualTo(0));
      for (ChangesetError error : cs.errors()) {
        assertThat(names).as("seed %s, params %s", SEED, params).contains(error.field());
        assertThat(MESSAGES).as("seed %s, params %s", SEED, params).contains(error.message());
        if (error.message().equals("is invalid")) {
          // An enum refuses with Ecto.Enum's inclusion metadata, any other type with validation: cast.
          assertThat(error.keys()).containsKey("type").containsKey("validation");
          assertThat(error.keys().get("validation")).isIn("cast", "inclusion");
          if (error.keys().get("validation").equals("inclusion")) {
            assertThat(error.keys()).containsKey("enum");
          }
        } else {
          assertThat(error.keys()).containsKey("validation");
        }
        assertThat(error.interpolated()).doesNotContain("%{");
      }
      assertThat(cs.isValid()).isEqualTo(cs.errors().isEmpty());
    }
  }

  private static Map<String, Object> randomParams(Random random, List<Field<SampleStruct, ?>> fields) {
    Map<String, Object> params = new HashMap<>();
    int count = random.nextInt(8);
    for (int i = 0; i < count; i++) {
      String key = random.nextInt(5) == 0 ? "junk" + random.nextInt(100) : fields.get(random.nextInt(fields.size())).name();
      params.put(key, randomValue(random, 0));
    }
    return params;
  }

  private static Object randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 1 ? 12 : 14)) {
      case 0 -> null;
      case 1 -> random.nextInt();
      case 2 -> random.nextLong();
      case 3 -> random.nextDouble() * 1e6 - 5e5;
      case 4 -> List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0).get(random.nextInt(3));
      case 5 -> random.nextBoolean();
      case 6 -> new BigDecimal(random.nextInt(1000)).movePointLeft(random.nextInt(5));
      case 7 -> BigInteger.TWO.pow(random.nextInt(100));
      case 8 -> randomString(random);
      case 9 -> List.of("true", "false", "1", "0", " ", "", "2026-02-30", "2026-11-23T10:00:00Z", "12:00",
          "5f4a0c8e-7a8e-4a6b-9d2c-3b1f0e9d8c7a", "HAPPY", "NaN", "-1", "1e999").get(random.nextInt(14));
      case 10 -> String.valueOf(random.nextLong());
      case 11 -> new Object();
      case 12 -> java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
      default -> Map.of("k" + random.nextInt(3), String.valueOf(randomValue(random, depth + 1)));
    };
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x1F600) : 'a' + random.nextInt(26));
    }
    return text.toString();
  }
}
