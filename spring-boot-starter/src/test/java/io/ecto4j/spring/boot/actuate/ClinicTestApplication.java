package io.ecto4j.spring.boot.actuate;

import io.ecto4j.repo.Repo;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A web application whose one request runs a statement per row: the N+1 the clinic must find. */
@SpringBootConfiguration
@EnableAutoConfiguration
class ClinicTestApplication {
  @RestController
  static class Gadgets {
    private final Repo repo;

    Gadgets(Repo repo) {
      this.repo = repo;
    }

    @GetMapping("/gadgets/names")
    List<String> names() {
      List<Integer> ids = repo.query("SELECT g FROM generate_series(1, 12) AS g", List.of(), row -> row.getInt(1));
      return ids.stream().flatMap(id -> nameOf(id).stream()).toList();
    }

    private List<String> nameOf(int id) {
      return repo.query("SELECT name FROM gadgets WHERE id = ?", List.of(id), row -> row.getString(1));
    }
  }
}
