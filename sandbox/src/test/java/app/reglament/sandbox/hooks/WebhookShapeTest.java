package app.reglament.sandbox.hooks;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.reglament.sandbox.store.ChangeSet;
import app.reglament.sandbox.store.LeadPatch;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.NewNote;
import app.reglament.sandbox.store.NewTask;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.WebhookCodes;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Receiver;
import app.reglament.sandbox.testing.Sandboxes;
import app.reglament.sandbox.testing.TinyScenario;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's webhook bodies carry every key of the sample bodies the server's parser is tested
 * with ({@code server/src/test/resources/webhooks}, amoCRM's real payloads): the sandbox cannot
 * import the server, so the comparison is by key shape ({@code
 * leads[update][n][custom_fields][n][id]}).
 */
class WebhookShapeTest {
  private static final Path FIXTURES = Path.of("../server/src/test/resources/webhooks");

  /** What amoCRM sends and the sandbox has no counterpart for. */
  private static final Set<String> NOT_IMITATED =
      Set.of(
          "leads[update][n][tags][n][id]", // the sandbox has no tags
          "leads[update][n][tags][n][name]",
          "leads[note][n][note][timestamp_x]"); // a legacy text time; the parser ignores it

  private final MutableClock clock = new MutableClock(Sandboxes.T0);
  private final List<ChangeSet> heard = new ArrayList<>();
  private Store store;

  @BeforeEach
  void load() {
    assumeTrue(Files.isDirectory(FIXTURES), "the server's fixtures are not beside this module");
    store = Store.of(TinyScenario.build(Sandboxes.T0), clock);
    store.addListener((changes, s) -> heard.add(changes));
  }

  @Test
  void aNewDeal() {
    assertCovers("lead-add.form", s -> s.createLead(NewLead.named("Сделка"), ANNA));
  }

  @Test
  void anEditWithCustomFields() {
    assertCovers(
        "lead-update-custom-fields.form",
        s -> s.updateLead(LeadPatch.of(LEAD_A).withName("Окна / ПВХ / Казань").withPrice(1), ANNA));
  }

  @Test
  void aStageMove() {
    assertCovers("lead-status-won.form", s -> s.moveLead(LEAD_A, PIPELINE, 142, ANNA));
    assertCovers("lead-status-lost.form", s -> s.moveLead(LEAD_A, PIPELINE, 143, ANNA));
  }

  @Test
  void aHandOver() {
    assertCovers("lead-responsible.form", s -> s.assignLead(LEAD_A, PAVEL, HEAD));
  }

  @Test
  void aDeletionAndARestore() {
    assertCovers("lead-delete.form", s -> s.deleteLead(LEAD_B, HEAD));
    assertCovers("lead-restore.form", s -> s.restoreLead(LEAD_B, HEAD));
  }

  @Test
  void notesAndCalls() {
    assertCovers(
        "lead-note.form",
        s -> {
          s.addNote(NewNote.common(LEAD_A, "Клиент просит перезвонить завтра"), ANNA);
          s.addNote(
              new NewNote(
                  LEAD_A,
                  "call_out",
                  Map.of("uniq", "c-1", "duration", 95, "phone", "+7900", "source", "pbx")),
              ANNA);
        });
  }

  @Test
  void tasks() {
    assertCovers(
        "task-add.form",
        s -> s.createTask(NewTask.onLead(LEAD_A, "Связаться с клиентом", Sandboxes.T0), 0));
    assertCovers("task-update-closed.form", s -> s.completeTask(TASK, "Дозвонился", ANNA));
  }

  @Test
  void aCallsTextIsTheTelephonyJsonTheParserReads() {
    Map<String, String> body =
        encode(
            s ->
                s.addNote(
                    new NewNote(
                        LEAD_A,
                        "call_in",
                        Map.of(
                            "uniq", "c-2", "duration", 30, "phone", "+7 (900) 1", "source", "pbx")),
                    ANNA));
    assertThat(body.get("leads[note][0][note][note_type]")).isEqualTo("10");
    assertThat(body.get("leads[note][0][note][text]"))
        .isEqualTo(
            "{\"UNIQ\":\"c-2\",\"LINK\":\"\",\"PHONE\":\"+7 (900) 1\",\"DURATION\":\"30\",\"SRC\":\"pbx\"}");
  }

  private void assertCovers(String fixture, Consumer<Store> change) {
    Set<String> expected = shapes(fixture);
    expected.removeAll(NOT_IMITATED);
    Set<String> actual = new TreeSet<>();
    encode(change).keySet().forEach(k -> actual.add(shape(k)));
    assertThat(actual).as("keys of %s", fixture).containsAll(expected);
  }

  /** The body the sandbox would post to a destination subscribed to everything. */
  private Map<String, String> encode(Consumer<Store> change) {
    heard.clear();
    change.accept(store);
    WebhookEncoder encoder = new WebhookEncoder(store::leadField);
    var account = new WebhookEncoder.AccountRef(ACCOUNT, "okna", "http://127.0.0.1:9001");
    List<String> all = List.copyOf(WebhookCodes.ALL);
    StringBuilder joined = new StringBuilder();
    for (ChangeSet set : heard) {
      String body = encoder.encode(account, set, all).orElseThrow();
      joined.append(joined.length() == 0 ? "" : "&").append(body);
    }
    return Receiver.decode(joined.toString());
  }

  private static Set<String> shapes(String fixture) {
    try {
      return Files.readAllLines(FIXTURES.resolve(fixture)).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(
              line ->
                  URLDecoder.decode(line.substring(0, line.indexOf('=')), StandardCharsets.UTF_8))
          .map(WebhookShapeTest::shape)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String shape(String key) {
    return key.replaceAll("\\[\\d+]", "[n]");
  }
}
