package io.ecto4j.it.schemas;

/** The state of a {@link WfComment}, which association filters test with {@code in}, {@code notIn} and {@code notEqual}. */
public enum WfState {
  NEW,
  SEEN,
  SPAM
}
