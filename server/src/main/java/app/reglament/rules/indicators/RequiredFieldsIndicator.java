package app.reglament.rules.indicators;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.JunkText;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN.md's indicator 7 ({@code required_fields}): an active deal in a stage whose regulations
 * list required fields must have each of them filled with a real value. Text fields are also
 * checked for junk ("-", "...", "фывапр") by the task results' rules without the length rule;
 * select, numeric and other fields only for being empty. A stage without required fields is no
 * item.
 */
public final class RequiredFieldsIndicator implements DealIndicator {
  /** amoCRM field types whose value is typed by hand, so can be junk. */
  private static final Set<String> TEXT_TYPES = Set.of("text", "textarea");

  @Override
  public Indicator indicator() {
    return Indicator.REQUIRED_FIELDS;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (!deal.active() || !context.isManaged(deal.responsibleUserId())) {
      return;
    }
    List<Long> required =
        context
            .rules()
            .stage(deal.pipelineId(), deal.statusId())
            .map(RulesConfig.Stage::requiredFields)
            .orElse(List.of());
    if (required.isEmpty()) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    for (long fieldId : required) {
      problem(deal, fieldId, context).ifPresent(problems::add);
    }
    String subject = "lead:" + deal.leadId();
    if (problems.isEmpty()) {
      out.add(
          Finding.compliant(
              Indicator.REQUIRED_FIELDS,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              context.today()));
      return;
    }
    boolean anyEmpty = problems.stream().anyMatch(p -> p.verdict().isEmpty());
    out.add(
        Finding.violated(
            Indicator.REQUIRED_FIELDS,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            context.today(),
            Severity.WARNING,
            deal.inStageSince(),
            anyEmpty ? "empty" : "junk",
            explain(problems, stageName(deal, context)),
            details(problems)));
  }

  /**
   * A required field that is not filled with a real value.
   *
   * @param verdict why a filled value is junk; empty when the field is empty
   */
  record Problem(long fieldId, String name, String value, Optional<JunkText.Verdict> verdict) {}

  private static Optional<Problem> problem(DealFacts deal, long fieldId, RuleContext context) {
    Optional<FieldValue> value = deal.field(fieldId);
    String name = fieldName(fieldId, value, context.account());
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.of(new Problem(fieldId, name, "", Optional.empty()));
    }
    if (!TEXT_TYPES.contains(fieldType(fieldId, value.get(), context.account()))) {
      return Optional.empty();
    }
    String text = value.get().text();
    return context
        .junk()
        .checkField(text)
        .map(verdict -> new Problem(fieldId, name, text, Optional.of(verdict)));
  }

  private static String fieldName(long fieldId, Optional<FieldValue> value, AccountFacts account) {
    AccountFacts.FieldDefinition definition = account.fields().get(fieldId);
    if (definition != null && definition.name() != null) {
      return definition.name();
    }
    return value.map(FieldValue::name).filter(n -> n != null).orElse("#" + fieldId);
  }

  private static String fieldType(long fieldId, FieldValue value, AccountFacts account) {
    AccountFacts.FieldDefinition definition = account.fields().get(fieldId);
    return definition != null && definition.type() != null ? definition.type() : value.type();
  }

  private static String stageName(DealFacts deal, RuleContext context) {
    return context
        .account()
        .status(deal.pipelineId(), deal.statusId())
        .map(AccountFacts.StatusFacts::name)
        .orElse(Long.toString(deal.statusId()));
  }

  private static Explanation explain(List<Problem> problems, String stage) {
    List<String> ru = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (Problem p : problems) {
      if (p.verdict().isEmpty()) {
        ru.add(p.name());
        en.add(p.name());
      } else {
        ru.add(p.name() + " (сейчас «" + p.value() + "» — это не значение)");
        en.add(p.name() + " (now \"" + p.value() + "\", which is not a value)");
      }
    }
    return new Explanation(
        "Заполните поля: " + String.join(", ", ru) + ". Их требует этап «" + stage + "».",
        "Fill in: " + String.join(", ", en) + ". The stage \"" + stage + "\" requires them.");
  }

  private static Map<String, Object> details(List<Problem> problems) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fieldIds", problems.stream().map(Problem::fieldId).toList());
    details.put(
        "empty", problems.stream().filter(p -> p.verdict().isEmpty()).map(Problem::name).toList());
    List<Map<String, Object>> junk = new ArrayList<>();
    for (Problem p : problems) {
      p.verdict()
          .ifPresent(
              v -> junk.add(Map.of("field", p.name(), "value", p.value(), "reason", v.code())));
    }
    details.put("junk", junk);
    return details;
  }
}
