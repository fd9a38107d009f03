package com.example.blog;

import io.ecto4j.changeset.ChangesetError;
import java.util.List;

/** A web handler's rendering, which repo.md's snippets call but do not show. */
public abstract class Controller {
  protected abstract Object render(List<ChangesetError> errors);
}
