package app.reglament.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease of one running synchronization. A large account's initial sync can outlast any fixed
 * lease, so the sync renews it as it makes progress; were the lease to run out, another loop or
 * instance would start a second sync of the same account.
 */
final class SyncLease {
  private final SyncStateRepository state;
  private final long accountId;
  private final String owner;
  private final Duration length;
  private final Clock clock;
  private Instant renewedAt;

  SyncLease(SyncStateRepository state, long accountId, String owner, Duration length, Clock clock) {
    this.state = state;
    this.accountId = accountId;
    this.owner = owner;
    this.length = length;
    this.clock = clock;
    this.renewedAt = clock.instant();
  }

  /** Extends the lease once a tenth of it has passed since the last extension. */
  void renew() {
    Instant now = clock.instant();
    if (now.isAfter(renewedAt.plus(length.dividedBy(10)))) {
      state.extendLease(accountId, owner, now.plus(length));
      renewedAt = now;
    }
  }

  /** A lease that is never renewed: for a one-off synchronization outside the scheduler. */
  static SyncLease none(SyncStateRepository state, long accountId, Clock clock) {
    return new SyncLease(state, accountId, "none", Duration.ofDays(365), clock);
  }
}
