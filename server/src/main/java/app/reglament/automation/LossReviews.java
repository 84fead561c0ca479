package app.reglament.automation;

import static app.reglament.db.generated.Tables.LOSS_VERDICTS;

import app.reglament.outbox.Outbox;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.indicators.LostDealIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A head's verdict on a lost deal: "confirm" records it, "return" also moves the deal back to the
 * stage it was lost from and gives its manager a task. One verdict per loss; a deal lost again
 * later can be judged again.
 */
public final class LossReviews {
  public static final String CONFIRM = "confirm";
  public static final String RETURN = "return";
  public static final int MAX_COMMENT = 2000;

  private final DSLContext dsl;
  private final Outbox outbox;
  private final DealReader reader;

  public LossReviews(DSLContext dsl, Outbox outbox, DealReader reader) {
    this.dsl = dsl;
    this.outbox = outbox;
    this.reader = reader;
  }

  /** A recorded verdict. */
  public record Verdict(
      long leadId, Instant lostAt, String verdict, String comment, long decidedBy, Instant at) {}

  /** Why a verdict cannot be given. */
  public enum Refusal {
    NO_DEAL,
    NOT_LOST,
    STAGE_UNKNOWN,
    ALREADY_DECIDED
  }

  public static final class RefusedException extends RuntimeException {
    private final Refusal refusal;

    RefusedException(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /**
   * @param verdict {@link #CONFIRM} or {@link #RETURN}, already checked
   * @param headName how the manager's task names the head
   */
  public Verdict decide(
      long accountId, long leadId, long userId, String headName, String verdict, String comment) {
    DealFacts deal =
        reader
            .deal(accountId, leadId)
            .orElseThrow(
                () -> new RefusedException(Refusal.NO_DEAL, "Reglament knows no deal " + leadId));
    if (!deal.lost()) {
      throw new RefusedException(Refusal.NOT_LOST, "Deal " + leadId + " is not lost now");
    }
    Instant lostAt = LostDealIndicator.lossMoment(deal);
    Optional<StageChange> move = LossReview.lossMove(deal);
    if (RETURN.equals(verdict) && move.isEmpty()) {
      throw new RefusedException(
          Refusal.STAGE_UNKNOWN,
          "The stage deal "
              + leadId
              + " was lost from is not in its history: it cannot be"
              + " returned automatically");
    }
    RuleContext context = reader.context(accountId);
    Instant now = context.now();
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          int added =
              t.insertInto(LOSS_VERDICTS)
                  .set(LOSS_VERDICTS.ACCOUNT_ID, accountId)
                  .set(LOSS_VERDICTS.LEAD_ID, leadId)
                  .set(LOSS_VERDICTS.LOST_AT, lostAt)
                  .set(LOSS_VERDICTS.VERDICT, verdict)
                  .set(LOSS_VERDICTS.COMMENT, comment)
                  .set(LOSS_VERDICTS.DECIDED_BY, userId)
                  .set(LOSS_VERDICTS.DECIDED_AT, now)
                  .onDuplicateKeyIgnore()
                  .execute();
          if (added == 0) {
            throw new RefusedException(
                Refusal.ALREADY_DECIDED, "This loss of deal " + leadId + " already has a verdict");
          }
          if (RETURN.equals(verdict)) {
            List<Intent> intents =
                LossReview.returnToWork(deal, move.get(), context, headName, comment);
            for (Intent intent : intents) {
              outbox.enqueue(t, accountId, intent.key(), intent.action(), intent.audit());
            }
          }
          return new Verdict(leadId, lostAt, verdict, comment, userId, now);
        });
  }
}
