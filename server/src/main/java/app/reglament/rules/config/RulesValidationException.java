package app.reglament.rules.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rules document was refused; {@link #problems()} lists everything wrong with it, not the first.
 */
public final class RulesValidationException extends RuntimeException {
  private final transient List<RulesProblem> problems;

  public RulesValidationException(List<RulesProblem> problems) {
    super(
        problems.stream()
            .map(RulesProblem::toString)
            .collect(Collectors.joining("; ", "The rules document is not valid: ", "")));
    this.problems = List.copyOf(problems);
  }

  public List<RulesProblem> problems() {
    return problems;
  }
}
