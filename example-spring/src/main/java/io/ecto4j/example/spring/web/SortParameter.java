package io.ecto4j.example.spring.web;

import io.ecto4j.example.blog.Blog;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code sort=newest|oldest} into the Blog's {@link Blog.Sort}, in any case; Spring MVC
 * picks up converter beans, and answers 400 for any other value, naming the parameter.
 */
@Component
class SortParameter implements Converter<String, Blog.Sort> {
  @Override
  public Blog.Sort convert(String value) {
    return Blog.Sort.valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
