package io.ecto4j.spring.boot.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application under test: a journal kept with ecto4j, and a component the data slice leaves out. */
@SpringBootApplication
public class JournalApp {
}
