package io.ecto4j.spring.boot.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link EctoDataTest#properties()} into the test's environment. */
final class EctoDataTestContextBootstrapper extends TestSliceTestContextBootstrapper<EctoDataTest> {
}
