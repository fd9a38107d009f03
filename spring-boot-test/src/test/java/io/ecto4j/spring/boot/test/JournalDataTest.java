package io.ecto4j.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.repo.Repo;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The data slice: the data layer and the one service chosen, each test in the sandbox. */
@EctoDataTest(schema = Entry.TABLE,
    includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Journal.class))
class JournalDataTest {
  private static Outside outside;

  @Autowired ApplicationContext context;
  @Autowired Journal journal;
  @Autowired Environment environment;

  @BeforeEach
  void lookFromOutside() {
    outside = Outside.of(environment);
  }

  @Test
  void onlyTheDataLayerAndTheChosenServiceStart() {
    assertThat(context.getBeanNamesForType(Repo.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(JdbcTemplate.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(PlatformTransactionManager.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(Journal.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(Unrelated.class)).isEmpty();
  }

  // The two tests below run in either order: each starts empty whatever the other committed.

  @Test
  void aCommittedTransactionIsRolledBackAtTheEnd() throws SQLException {
    assertThat(journal.bodies()).isEmpty();
    journal.writeTwice("first", "second");
    assertThat(journal.bodies()).containsExactly("first", "second");
    assertThat(outside.committedEntries()).isZero();
  }

  @Test
  void theNextTestSeesNoneOfIt() {
    assertThat(journal.bodies()).isEmpty();
    journal.write("first");
    assertThat(journal.bodies()).containsExactly("first");
  }

  @AfterAll
  static void nothingWasEverCommitted() throws SQLException {
    assertThat(outside.committedEntries()).isZero();
  }
}
