package io.ecto4j.spring.boot.test;

import org.springframework.stereotype.Component;

/** A component with nothing to do with the data layer: the data slice does not start it. */
@Component
public class Unrelated {
}
