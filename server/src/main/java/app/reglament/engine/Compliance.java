package app.reglament.engine;

import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Reglament's compliance side wired together: the evaluator, the worker that keeps it current and
 * the score reader the widget API serves from.
 */
public final class Compliance implements AutoCloseable {
  private final Evaluator evaluator;
  private final ScoreService scores;
  private final EvaluationWorker worker;
  private final RulesSource rules;

  public Compliance(
      DSLContext dsl,
      Clock clock,
      RulesSource rules,
      IndicatorSet indicators,
      EvaluationWorker.Settings settings) {
    this.rules = rules;
    this.evaluator = new Evaluator(dsl, clock, rules, indicators);
    this.scores = new ScoreService(dsl, clock, rules);
    this.worker = new EvaluationWorker(dsl, clock, evaluator, rules, settings);
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  public ScoreService scores() {
    return scores;
  }

  public EvaluationWorker worker() {
    return worker;
  }

  public RulesSource rules() {
    return rules;
  }

  public void start() {
    worker.start();
  }

  @Override
  public void close() {
    worker.close();
  }
}
