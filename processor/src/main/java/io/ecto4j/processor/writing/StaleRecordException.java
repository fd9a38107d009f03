package io.ecto4j.processor.writing;

import java.io.IOException;

/**
 * A struct could not be generated because javac had already read the stale class file an earlier
 * build left for it (see {@link StaleRecords}); the file is deleted, so the next compilation works.
 */
public final class StaleRecordException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String type;

  StaleRecordException(String type) {
    super(type + ".class from an earlier build was read by javac before its new source could be written");
    this.type = type;
  }

  /** The qualified name of the struct. */
  public String type() {
    return type;
  }
}
