package io.ecto4j.spring.boot.actuate;

import io.ecto4j.clinic.NPlusOne;

/**
 * One N+1 shape as the endpoint reports it: the statement, where it was called from, the largest
 * number of runs in one unit of work, and in how many units it was found. {@code association} is
 * the association to preload when the clinic could tell it, or null.
 */
public record NPlusOneFinding(String sql, String source, String callSite, String association, int maxRuns,
    long units, String advice) {
  static NPlusOneFinding of(NPlusOne.Finding finding) {
    return new NPlusOneFinding(finding.sql(), finding.source(), finding.callSite(),
        finding.association().orElse(null), finding.count(), 1, finding.toString());
  }

  /** This finding seen once more, in {@code next}'s unit of work. */
  NPlusOneFinding plus(NPlusOneFinding next) {
    return new NPlusOneFinding(sql, source, callSite, association, Math.max(maxRuns, next.maxRuns), units + 1,
        next.advice);
  }
}
