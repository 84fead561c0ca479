package app.reglament.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an evaluation produced: the findings, and the earliest future moment at which the same facts
 * would give a different verdict (a deadline or a stage limit passing). The engine evaluates the
 * deal again at that moment even when nothing happens in amoCRM.
 */
public final class Findings {
  private final Instant now;
  private final List<Finding> findings = new ArrayList<>();
  private Instant recheckAt;

  public Findings(Instant now) {
    this.now = now;
  }

  public void add(Finding finding) {
    findings.add(finding);
  }

  /** Asks for another evaluation at {@code at}; moments not after now are ignored. */
  public void recheckAt(Instant at) {
    if (at != null && at.isAfter(now) && (recheckAt == null || at.isBefore(recheckAt))) {
      recheckAt = at;
    }
  }

  public List<Finding> list() {
    return List.copyOf(findings);
  }

  /**
   * The earliest requested re-evaluation, or null when the verdicts cannot change by themselves.
   */
  public Instant recheckAt() {
    return recheckAt;
  }
}
