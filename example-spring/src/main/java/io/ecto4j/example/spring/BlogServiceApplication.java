package io.ecto4j.example.spring;

import io.ecto4j.example.blog.Blog;
import io.ecto4j.repo.Repo;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The first example's Blog context as a REST service: the starter builds the {@link Repo} on
 * Spring's pool and migrates at startup, and Spring Boot's JsonMapper finds ecto4j-jackson's
 * module on the class path (structs and changesets as JSON); this class only adds the context.
 */
@SpringBootApplication
public class BlogServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(BlogServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Blog blog(Repo repo, Clock clock) {
    return new Blog(repo, clock);
  }
}
