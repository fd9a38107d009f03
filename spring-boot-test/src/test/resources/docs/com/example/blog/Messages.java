package com.example.blog;

import io.ecto4j.changeset.ChangesetError;

/** An application's own error texts (jackson.md's {@code errorMessages}). */
public interface Messages {
  String translate(ChangesetError error);
}
