package io.ecto4j.spring.boot.test;

import io.ecto4j.repo.Repo;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's ecto4j-using service: it commits, as it would in production. */
@Service
public class Journal {
  private final Repo repo;
  private final JdbcTemplate jdbc;

  public Journal(Repo repo, JdbcTemplate jdbc) {
    this.repo = repo;
    this.jdbc = jdbc;
  }

  /** Commits through Spring's transaction. */
  @Transactional
  public EntryStruct write(String body) {
    return repo.insertOrThrow(new EntryStruct().withBody(body));
  }

  /** Commits through ecto4j's own transaction, with a JdbcTemplate write in it. */
  public void writeTwice(String first, String second) {
    repo.transaction(tx -> {
      repo.insertOrThrow(new EntryStruct().withBody(first));
      return jdbc.update("INSERT INTO entries (body) VALUES (?)", second);
    }).orElseThrow();
  }

  public List<String> bodies() {
    return repo.all(Entries.query().orderBy(Entries.BODY.asc())).stream().map(EntryStruct::body).toList();
  }
}
