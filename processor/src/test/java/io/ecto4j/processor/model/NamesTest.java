package io.ecto4j.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
      "title, title, TITLE",
      "viewCount, view_count, VIEW_COUNT",
      "htmlURL, html_url, HTML_URL",
      "URLMapping, url_mapping, URL_MAPPING",
      "address2, address2, ADDRESS2",
      "line2Text, line2_text, LINE2_TEXT",
      "BlogPost, blog_post, BLOG_POST",
  })
  void snakeAndConstantCase(String name, String snake, String constant) {
    assertThat(Names.snakeCase(name)).isEqualTo(snake);
    assertThat(Names.constantCase(name)).isEqualTo(constant);
  }

  @ParameterizedTest
  @CsvSource({
      "Post, Posts", "Category, Categories", "Key, Keys", "Address, Addresses", "Box, Boxes", "Quiz, Quizzes",
      "Match, Matches", "Wish, Wishes", "Day, Days", "Y, Ys",
      "Shelf, Shelves", "BookShelf, BookShelves", "Knife, Knives", "Roof, Roofs", "Chief, Chiefs",
      "Person, People", "SalesPerson, SalesPeople", "Child, Children", "Human, Humans", "Analysis, Analyses",
      "Tennis, Tennises", "Hero, Heroes", "Photo, Photos", "Criterion, Criteria", "Status, Statuses",
  })
  void plural(String singular, String plural) {
    assertThat(Names.plural(singular)).isEqualTo(plural);
  }

  @ParameterizedTest
  @CsvSource({"author_id, authorId", "id, id", "created_by_user, createdByUser", "_id, id"})
  void camelCase(String snake, String camel) {
    assertThat(Names.camelCase(snake)).isEqualTo(camel);
  }

  @ParameterizedTest
  @CsvSource({"Post, post", "URLMapping, urlMapping", "URL, url", "BlogPost, blogPost"})
  void decapitalize(String name, String variable) {
    assertThat(Names.decapitalize(name)).isEqualTo(variable);
  }

  @ParameterizedTest
  @CsvSource({"posts, true", "_x9, true", "Posts, false", "9posts, false", "blog-posts, false", "'', false"})
  void sqlIdentifiers(String name, boolean valid) {
    assertThat(Names.isSqlIdentifier(name)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"java.util.List<blog.Tag>|List<Tag>", "blog.Post.Status|Post.Status", "int|int"})
  void display(String type, String shown) {
    assertThat(Names.display(type)).isEqualTo(shown);
  }
}
