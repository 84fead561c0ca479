package app.reglament.sandbox.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates a sandbox amoCRM account with known ground truth: a sales department, 30 days of its
 * deals' lives, and a set of mistakes planted at known places. Everything not planted is compliant
 * under the regulations in {@link Scenario.GroundTruth#rules()} at {@code now}, so a correct rules
 * engine finds exactly {@link Scenario.GroundTruth#planted()}. The same settings give the same
 * scenario, byte for byte.
 */
public final class ScenarioGenerator {
  private final ScenarioSettings settings;

  public ScenarioGenerator(ScenarioSettings settings) {
    this.settings = settings;
  }

  public static Scenario generate(ScenarioSettings settings) {
    return new ScenarioGenerator(settings).generate();
  }

  public Scenario generate() {
    Department department = Department.build(settings.managers(), settings.now());
    Set<LocalDate> holidays = Regulations.holidays(settings.windowStart(), settings.now());
    WorkCalendar calendar = WorkCalendar.moscowOffice(holidays);
    Map<String, Object> rules = Regulations.document(department, holidays);
    Planner.Blueprint blueprint = new Planner(settings, department, calendar).plan();
    Availability availability = new Availability(calendar, blueprint.shortDays());
    DealSimulator simulator =
        new DealSimulator(new LifeContext(settings, department, availability, blueprint));
    List<Story> stories = blueprint.slots().stream().map(simulator::live).toList();
    return new ScenarioAssembler(settings, department, availability, blueprint, rules)
        .assemble(stories);
  }
}
