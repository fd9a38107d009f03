package io.ecto4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishTest {
  @Test
  void theArticleGoesByTheSound() {
    assertThat(English.withArticle("User")).isEqualTo("a User");
    assertThat(English.withArticle("UniqueCode")).isEqualTo("a UniqueCode");
    assertThat(English.withArticle("EuroPrice")).isEqualTo("a EuroPrice");
    assertThat(English.withArticle("Author")).isEqualTo("an Author");
    assertThat(English.withArticle("Order")).isEqualTo("an Order");
    assertThat(English.withArticle("Umbrella")).isEqualTo("an Umbrella");
    assertThat(English.withArticle("HourlyRate")).isEqualTo("an HourlyRate");
    assertThat(English.withArticle("Post")).isEqualTo("a Post");
    assertThat(English.withArticle("Hat")).isEqualTo("a Hat");
  }
}
