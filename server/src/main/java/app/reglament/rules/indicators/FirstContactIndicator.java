package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.LocalMoments.minutes;
import static app.reglament.rules.indicators.LocalMoments.moment;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.JunkText;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's indicator 1 ({@code first_contact}): every deal of a managed responsible (won, lost
 * and reassigned ones included; the manager charged is the responsible at now) must be contacted
 * within {@code slaMinutes} of working time after it was created. The first contact is the first
 * outgoing call (of any duration), chat message, mail or SMS on the deal or its contacts, or the
 * completion of a task on the deal whose result is no junk. Late past the SLA is a warning; no
 * contact by twice the SLA (in working time) is critical. The item belongs to the SLA deadline's
 * day.
 */
public final class FirstContactIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.FIRST_CONTACT;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    Instant created = deal.createdAt();
    Instant now = context.now();
    if (deal.deleted()
        || !context.isManaged(deal.responsibleUserId())
        || created == null
        || created.isAfter(now)
        || !context.judges(created)) {
      return;
    }
    BusinessCalendar calendar = context.calendar();
    int slaMinutes = context.rules().firstContact().slaMinutes();
    Duration sla = Duration.ofMinutes(slaMinutes);
    Instant deadline = calendar.plusWorking(created, sla);
    Instant criticalAfter = calendar.plusWorking(created, sla.multipliedBy(2));
    LocalDate day = context.day(deadline);
    String subject = "lead:" + deal.leadId();
    Optional<Instant> first = firstContact(deal, context);

    if (first.isPresent() ? !first.get().isAfter(deadline) : now.isBefore(deadline)) {
      out.add(
          Finding.compliant(
              Indicator.FIRST_CONTACT,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              day));
      if (first.isEmpty()) {
        out.recheckAt(deadline);
        out.recheckAt(criticalAfter);
      }
      return;
    }
    // A contact exactly at twice the SLA is still only a warning; silence reaching it is not.
    Severity severity;
    String reason;
    if (first.isPresent()) {
      severity = first.get().isAfter(criticalAfter) ? Severity.CRITICAL : Severity.WARNING;
      reason = severity == Severity.CRITICAL ? "late_critical" : "late_warning";
    } else {
      severity = now.isBefore(criticalAfter) ? Severity.WARNING : Severity.CRITICAL;
      reason = "none";
      out.recheckAt(criticalAfter);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("createdAt", created.toString());
    details.put("deadline", deadline.toString());
    details.put("slaMinutes", slaMinutes);
    ZoneId zone = calendar.zone();
    Explanation explanation;
    if (first.isPresent()) {
      long late = minutes(calendar.workingBetween(deadline, first.get()));
      long worked = minutes(calendar.workingBetween(created, first.get()));
      details.put("firstContactAt", first.get().toString());
      details.put("workingMinutes", worked);
      details.put("minutesLate", late);
      explanation = late(created, deadline, first.get(), late, worked, slaMinutes, zone);
    } else {
      // Still waiting: no figure that grows by the minute, so the open violation stays as it is.
      explanation = none(created, deadline, zone);
    }
    out.add(
        Finding.violated(
            Indicator.FIRST_CONTACT,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            day,
            severity,
            deadline,
            reason,
            explanation,
            details));
  }

  /**
   * The first outgoing touch or validly completed task, from creation until now. Only the tasks
   * completed before the first touch can be earlier, and they are judged in completion order up to
   * the first real result: the junk check runs on as few results as the answer needs.
   */
  public static Optional<Instant> firstContact(DealFacts deal, RuleContext context) {
    Instant from = deal.createdAt();
    Instant now = context.now();
    Instant first = null;
    for (Touch touch : deal.touches()) {
      Instant at = touch.at();
      if (touch.outgoing() && within(at, from, now) && (first == null || at.isBefore(first))) {
        first = at;
      }
    }
    List<TaskFacts> earlier = new ArrayList<>(0);
    for (TaskFacts task : deal.tasks()) {
      Instant at = task.completedAt();
      if (task.completed()
          && at != null
          && within(at, from, now)
          && (first == null || at.isBefore(first))) {
        earlier.add(task);
      }
    }
    if (earlier.size() > 1) {
      earlier.sort(Comparator.comparing(TaskFacts::completedAt));
    }
    JunkText junk = context.junk();
    for (TaskFacts task : earlier) {
      if (junk.check(task.result(), task.text(), task.previousResult()).isEmpty()) {
        return Optional.of(task.completedAt());
      }
    }
    return Optional.ofNullable(first);
  }

  private static boolean within(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && !t.isAfter(to);
  }

  private static Explanation late(
      Instant created,
      Instant deadline,
      Instant first,
      long late,
      long worked,
      int sla,
      ZoneId zone) {
    return new Explanation(
        String.format(
            "Свяжитесь с новыми клиентами быстрее: первый контакт опоздал на %d мин рабочего"
                + " времени. Заявка поступила %s, срок был %s, первый контакт — %s (через %d мин"
                + " рабочего времени при норме %d).",
            late, moment(created, zone), moment(deadline, zone), moment(first, zone), worked, sla),
        String.format(
            "Contact new clients sooner: the first contact was %d working minutes late. The lead"
                + " arrived %s, the deadline was %s, the first contact came %s (after %d working"
                + " minutes against %d).",
            late, moment(created, zone), moment(deadline, zone), moment(first, zone), worked, sla));
  }

  private static Explanation none(Instant created, Instant deadline, ZoneId zone) {
    return new Explanation(
        String.format(
            "Свяжитесь с клиентом: заявка поступила %s, срок первого контакта истёк %s, а звонка,"
                + " сообщения или письма клиенту всё ещё нет.",
            moment(created, zone), moment(deadline, zone)),
        String.format(
            "Contact the client: the lead arrived %s, the first-contact deadline passed at %s,"
                + " and the client has still had no call, message or mail.",
            moment(created, zone), moment(deadline, zone)));
  }
}
