package app.reglament.rules.config;

import static app.reglament.rules.config.DocumentReader.child;
import static app.reglament.rules.config.DocumentReader.item;

import app.reglament.rules.NamingTemplate;
import app.reglament.rules.config.RulesConfig.Stage;
import app.reglament.rules.facts.AccountFacts;
import java.util.ArrayList;
import java.util.List;

/** Finds the ids and field names in the regulations that the account does not have. */
final class ReferenceCheck {
  private final AccountFacts account;
  private final List<RulesProblem> problems = new ArrayList<>();

  private ReferenceCheck(AccountFacts account) {
    this.account = account;
  }

  static List<RulesProblem> problems(RulesConfig config, AccountFacts account) {
    ReferenceCheck check = new ReferenceCheck(account);
    check.users("heads", config.heads());
    check.users("managers", config.managers());
    check.users("firstContact.reassignPool", config.firstContact().reassignPool());
    if (config.naming().enabled()) {
      check.pipelines("naming.pipelines", config.naming().pipelines());
      check.templateFields(config.naming().template());
    }
    for (int i = 0; i < config.stages().size(); i++) {
      check.stage(item("stages", i), config.stages().get(i));
    }
    return List.copyOf(check.problems);
  }

  private void users(String key, List<Long> ids) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      if (!account.users().containsKey(ids.get(i))) {
        problems.add(new RulesProblem(item(key, i), "is not a user of this account"));
      }
    }
  }

  private void pipelines(String key, List<Long> ids) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      if (!account.pipelines().containsKey(ids.get(i))) {
        problems.add(new RulesProblem(item(key, i), "is not a pipeline of this account"));
      }
    }
  }

  private void stage(String key, Stage stage) {
    if (!account.pipelines().containsKey(stage.pipelineId())) {
      problems.add(new RulesProblem(child(key, "pipelineId"), "is not a pipeline of this account"));
    } else if (account.status(stage.pipelineId(), stage.statusId()).isEmpty()) {
      problems.add(
          new RulesProblem(
              child(key, "statusId"), "is not a status of pipeline " + stage.pipelineId()));
    }
    List<Long> fields = stage.requiredFields();
    for (int j = 0; j < fields.size(); j++) {
      if (!account.fields().containsKey(fields.get(j))) {
        problems.add(
            new RulesProblem(
                item(child(key, "requiredFields"), j), "is not a deal field of this account"));
      }
    }
  }

  /**
   * A {@code {field:...}} token names a field by its name or by its id, trimmed as the template
   * reads it. A template that does not parse has no references to check: reading reports it.
   */
  private void templateFields(String template) {
    List<String> fields;
    try {
      fields = NamingTemplate.parse(template).fieldReferences();
    } catch (IllegalArgumentException e) {
      return;
    }
    for (String field : fields) {
      boolean known =
          account.fields().values().stream()
              .anyMatch(f -> f.name().equals(field) || Long.toString(f.fieldId()).equals(field));
      if (!known) {
        problems.add(
            new RulesProblem(
                "naming.template", "uses the field \"" + field + "\", which this account lacks"));
      }
    }
  }
}
