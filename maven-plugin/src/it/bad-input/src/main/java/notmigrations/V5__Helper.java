package notmigrations;

/** Named like a migration, but not one: the goals refuse it rather than leave it out. */
public final class V5__Helper {
  private V5__Helper() {}
}
