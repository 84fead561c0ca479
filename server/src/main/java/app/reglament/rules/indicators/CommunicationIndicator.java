package app.reglament.rules.indicators;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.Touch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN.md's indicator 6 ({@code communication}): every incoming chat message, mail or SMS wants
 * an outgoing reply within {@code replyMinutes} of working time, every missed incoming call an
 * outgoing call within {@code missedCallCallbackMinutes}. An incoming call someone picked up is no
 * item: the talk was the answer.
 *
 * <p>Each message is its own item (DESIGN.md's "an incoming chat message"), answered by any
 * outgoing contact on the deal or its contacts after it, whoever made it. The item is charged to
 * the deal's responsible at now. Only communications up to now count, so the same facts evaluated
 * at an earlier moment give that moment's verdicts.
 */
public final class CommunicationIndicator implements DealIndicator {
  private static final Set<String> MESSAGE_CHANNELS = Set.of("chat", "mail", "sms");

  @Override
  public Indicator indicator() {
    return Indicator.COMMUNICATION;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (deal.deleted() || !context.isManaged(deal.responsibleUserId())) {
      return;
    }
    Answers answers = null;
    for (Touch touch : deal.touches()) {
      Optional<Kind> kind =
          touch.at().isAfter(context.now()) || !context.judges(touch.at())
              ? Optional.empty()
              : kindOf(touch);
      if (kind.isPresent()) {
        if (answers == null) {
          answers = Answers.of(deal.touches(), context.now());
        }
        out.add(judge(deal, touch, kind.get(), answers, context, out));
      }
    }
  }

  /**
   * The moments of the outgoing contacts up to now, sorted, and of the outgoing calls among them:
   * each incoming item's answer is a binary search, not a pass over the deal's communications.
   */
  private record Answers(Instant[] any, Instant[] calls) {
    static Answers of(List<Touch> touches, Instant now) {
      List<Instant> any = new ArrayList<>();
      List<Instant> calls = new ArrayList<>();
      for (Touch touch : touches) {
        if (touch.outgoing() && !touch.at().isAfter(now)) {
          any.add(touch.at());
          if (touch.isCall()) {
            calls.add(touch.at());
          }
        }
      }
      Instant[] anyArray = any.toArray(Instant[]::new);
      Instant[] callArray = calls.toArray(Instant[]::new);
      Arrays.sort(anyArray);
      Arrays.sort(callArray);
      return new Answers(anyArray, callArray);
    }

    /** The first outgoing contact at or after the incoming one that answers it. */
    Optional<Instant> first(Touch incoming, Kind kind) {
      Instant[] candidates = kind == Kind.MESSAGE ? any : calls;
      int low = 0;
      int high = candidates.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (candidates[middle].isBefore(incoming.at())) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low < candidates.length ? Optional.of(candidates[low]) : Optional.empty();
    }
  }

  /** What an incoming communication asks for. */
  private enum Kind {
    MESSAGE,
    MISSED_CALL
  }

  private static Optional<Kind> kindOf(Touch touch) {
    if (touch.outgoing()) {
      return Optional.empty();
    }
    if (touch.isCall()) {
      return touch.missed() ? Optional.of(Kind.MISSED_CALL) : Optional.empty();
    }
    return MESSAGE_CHANNELS.contains(touch.channel())
        ? Optional.of(Kind.MESSAGE)
        : Optional.empty();
  }

  private static Finding judge(
      DealFacts deal,
      Touch incoming,
      Kind kind,
      Answers answers,
      RuleContext context,
      Findings out) {
    BusinessCalendar calendar = context.calendar();
    int limit = limitMinutes(kind, context.rules().communications());
    Instant deadline = calendar.plusWorking(incoming.at(), Duration.ofMinutes(limit));
    Instant critical = calendar.plusWorking(incoming.at(), Duration.ofMinutes(2L * limit));
    Optional<Instant> answer = answers.first(incoming, kind);
    // A contact's message concerns each of its deals: one item per deal, so the key names both.
    String subject = "comm:" + deal.leadId() + ":" + incoming.key();
    Long userId = deal.responsibleUserId();
    LocalDate day = context.day(incoming.at());
    if (answer.isPresent() && !answer.get().isAfter(deadline)) {
      return Finding.compliant(Indicator.COMMUNICATION, subject, deal.leadId(), null, userId, day);
    }
    if (answer.isEmpty() && context.now().isBefore(deadline)) {
      out.recheckAt(deadline);
      return Finding.compliant(Indicator.COMMUNICATION, subject, deal.leadId(), null, userId, day);
    }
    Instant until = answer.orElse(context.now());
    if (answer.isEmpty() && !until.isAfter(critical)) {
      out.recheckAt(critical);
    }
    Severity severity = until.isAfter(critical) ? Severity.CRITICAL : Severity.WARNING;
    long waited = calendar.workingBetween(incoming.at(), until).toMinutes();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("channel", incoming.channel());
    details.put("receivedAt", incoming.at().toString());
    details.put("deadline", deadline.toString());
    details.put("limitMinutes", limit);
    if (answer.isPresent()) {
      // Only a finished wait is a figure; an open one would change the violation every minute.
      details.put("workingMinutes", waited);
      details.put("answeredAt", answer.get().toString());
    }
    return Finding.violated(
        Indicator.COMMUNICATION,
        subject,
        deal.leadId(),
        null,
        userId,
        day,
        severity,
        deadline,
        reason(incoming, kind, answer.isPresent()),
        explain(incoming, kind, deadline, answer, waited, limit, context),
        details);
  }

  private static int limitMinutes(Kind kind, RulesConfig.Communications rules) {
    return kind == Kind.MISSED_CALL ? rules.missedCallCallbackMinutes() : rules.replyMinutes();
  }

  /** The sandbox's reason codes: chat_unanswered, mail_late_reply, missed_call_no_callback ... */
  private static String reason(Touch incoming, Kind kind, boolean answered) {
    if (kind == Kind.MISSED_CALL) {
      return answered ? "missed_call_late_callback" : "missed_call_no_callback";
    }
    return incoming.channel() + (answered ? "_late_reply" : "_unanswered");
  }

  private static Explanation explain(
      Touch incoming,
      Kind kind,
      Instant deadline,
      Optional<Instant> answer,
      long waited,
      int limit,
      RuleContext context) {
    var zone = context.calendar().zone();
    String when = LocalMoments.moment(incoming.at(), zone);
    String due = LocalMoments.moment(deadline, zone);
    if (kind == Kind.MISSED_CALL) {
      if (answer.isEmpty()) {
        return new Explanation(
            "Пропущенный звонок клиента "
                + when
                + " остался без ответа: перезвонить нужно было до "
                + due
                + ". Перезвоните клиенту сейчас.",
            "The client's call of "
                + when
                + " was missed and nobody called back; the call-back was due by "
                + due
                + ". Call the client back now.");
      }
      return new Explanation(
          "На пропущенный звонок "
              + when
              + " перезвонили только через "
              + waited
              + " рабочих мин. при норме "
              + limit
              + ". Перезванивайте в течение "
              + limit
              + " минут.",
          "The missed call of "
              + when
              + " was returned only after "
              + waited
              + " working minutes; the limit is "
              + limit
              + ". Call back within "
              + limit
              + " minutes.");
    }
    String ru = channelRu(incoming.channel());
    String en = channelEn(incoming.channel());
    if (answer.isEmpty()) {
      return new Explanation(
          "Клиент написал "
              + ru
              + " "
              + when
              + " и всё ещё ждёт ответа: ответить нужно было до "
              + due
              + ". Ответьте клиенту.",
          "The client wrote "
              + en
              + " on "
              + when
              + " and is still waiting for an answer: the reply was due by "
              + due
              + ". Answer the client.");
    }
    return new Explanation(
        "Клиент написал "
            + ru
            + " "
            + when
            + ", ответ дан через "
            + waited
            + " рабочих мин. при норме "
            + limit
            + ". Отвечайте в течение "
            + limit
            + " минут рабочего времени.",
        "The client wrote "
            + en
            + " on "
            + when
            + " and was answered after "
            + waited
            + " working minutes; the limit is "
            + limit
            + ". Reply within "
            + limit
            + " working minutes.");
  }

  private static String channelRu(String channel) {
    return switch (channel) {
      case "chat" -> "в чате";
      case "mail" -> "письмо";
      case "sms" -> "SMS";
      default -> "(" + channel + ")";
    };
  }

  private static String channelEn(String channel) {
    return switch (channel) {
      case "chat" -> "in chat";
      case "mail" -> "a mail";
      case "sms" -> "an SMS";
      default -> "(" + channel + ")";
    };
  }
}
