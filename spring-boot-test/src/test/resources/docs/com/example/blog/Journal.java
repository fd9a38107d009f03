package com.example.blog;

import io.ecto4j.repo.Repo;
import java.util.List;
import java.util.Map;

/** The service spring.md's tests use: entries written and read through the repo. */
public class Journal {
  private final Repo repo;

  public Journal(Repo repo) {
    this.repo = repo;
  }

  public void write(String body) {
    repo.insertAll("entries", List.of(Map.of("body", body)));
  }

  public List<String> bodies() {
    return repo.query("SELECT body FROM entries ORDER BY id", List.of(), row -> row.getString(1));
  }
}
