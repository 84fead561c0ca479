package app.reglament.rules.config;

import static app.reglament.db.generated.Tables.RULES_CONFIG;
import static app.reglament.db.generated.Tables.RULES_CONFIG_VERSIONS;
import static app.reglament.rules.config.RulesDocumentTest.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class RulesRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");
  private static final long ACCOUNT = 31_000_001L;
  private static final long OTHER_ACCOUNT = 31_000_002L;
  private static final long ADMIN = 9_140_001L;
  private static final long OTHER_ADMIN = 9_140_002L;

  private final MutableClock clock = new MutableClock(T0);

  @DatabaseTest
  void an_account_that_never_saved_has_the_defaults_at_version_0(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);

    StoredRules current = rules.current(ACCOUNT);

    assertThat(current.config()).isEqualTo(RulesConfig.defaults());
    assertThat(current.document()).isEqualTo(RulesDocument.toJson(RulesConfig.defaults()));
    assertThat(current.version()).isZero();
    assertThat(current.savedBy()).isNull();
    assertThat(current.savedAt()).isNull();
    assertThat(rules.currentVersion(ACCOUNT)).isZero();
    assertThat(rules.history(ACCOUNT, 10)).isEmpty();
  }

  @DatabaseTest
  void a_saved_document_is_stored_normalized_and_read_back(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);

    StoredRules saved =
        rules.save(
            ACCOUNT,
            doc("{'firstContact': {'slaMinutes': 20}, 'naming': {'template': '{contact} — Омск'}}"),
            ADMIN,
            0);

    StoredRules current = rules.current(ACCOUNT);
    assertThat(current).isEqualTo(saved);
    assertThat(current.version()).isEqualTo(1);
    assertThat(current.savedBy()).isEqualTo(ADMIN);
    assertThat(current.savedAt()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123Z"));
    assertThat(current.config().firstContact().slaMinutes()).isEqualTo(20);
    assertThat(current.config().naming().template()).isEqualTo("{contact} — Омск");
    assertThat(current.document()).isEqualTo(RulesDocument.toJson(current.config()));
    assertThat(current.document()).startsWith("{\"timezone\":\"Europe/Moscow\",\"workingHours\":");
    assertThat(rules.currentVersion(ACCOUNT)).isEqualTo(1);
  }

  @DatabaseTest
  void every_version_is_kept_with_who_saved_it_and_when(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 20}}"), ADMIN, 0);
    clock.advance(Duration.ofMinutes(5));
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 25}}"), OTHER_ADMIN, 1);
    clock.advance(Duration.ofMinutes(5));
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 30}}"), null, null);

    assertThat(rules.history(ACCOUNT, 10))
        .containsExactly(
            new RulesVersion(3, null, Instant.parse("2026-03-02T09:25:30.123Z")),
            new RulesVersion(2, OTHER_ADMIN, Instant.parse("2026-03-02T09:20:30.123Z")),
            new RulesVersion(1, ADMIN, Instant.parse("2026-03-02T09:15:30.123Z")));
    assertThat(rules.history(ACCOUNT, 2)).extracting(RulesVersion::version).containsExactly(3, 2);
    assertThat(RulesDocument.parse(rules.version(ACCOUNT, 2).orElseThrow()).firstContact())
        .extracting(RulesConfig.FirstContact::slaMinutes)
        .isEqualTo(25);
    assertThat(rules.version(ACCOUNT, 4)).isEmpty();
    assertThat(rules.current(ACCOUNT).config().firstContact().slaMinutes()).isEqualTo(30);
    assertThat(rules.current(ACCOUNT).version()).isEqualTo(3);
  }

  @DatabaseTest
  void a_save_based_on_a_stale_version_is_refused_and_changes_nothing(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 20}}"), ADMIN, 0);
    // Both admins opened version 1; the other one saves first.
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 25}}"), OTHER_ADMIN, 1);

    assertThatThrownBy(
            () -> rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 40}}"), ADMIN, 1))
        .isInstanceOfSatisfying(
            RulesConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.currentVersion()).isEqualTo(2);
            });
    assertThatThrownBy(() -> rules.save(ACCOUNT, doc("{}"), ADMIN, 0))
        .isInstanceOf(RulesConflictException.class);

    assertThat(rules.current(ACCOUNT).config().firstContact().slaMinutes()).isEqualTo(25);
    assertThat(rules.current(ACCOUNT).savedBy()).isEqualTo(OTHER_ADMIN);
    assertThat(rules.history(ACCOUNT, 10)).hasSize(2);
  }

  @DatabaseTest
  void a_first_save_expecting_an_existing_version_is_refused(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);

    assertThatThrownBy(() -> rules.save(ACCOUNT, doc("{}"), ADMIN, 1))
        .isInstanceOf(RulesConflictException.class);

    assertThat(db.dsl().fetchCount(RULES_CONFIG)).isZero();
    assertThat(db.dsl().fetchCount(RULES_CONFIG_VERSIONS)).isZero();
  }

  @DatabaseTest
  void a_bad_document_is_refused_and_nothing_is_stored(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 20}}"), ADMIN, 0);

    assertThatThrownBy(
            () ->
                rules.save(
                    ACCOUNT, doc("{'firstContact': {'slaMinutes': 0}, 'extra': true}"), ADMIN, 1))
        .isInstanceOfSatisfying(
            RulesValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RulesProblem::key)
                    .containsExactlyInAnyOrder("firstContact.slaMinutes", "extra"));

    assertThat(rules.current(ACCOUNT).version()).isEqualTo(1);
    assertThat(rules.current(ACCOUNT).config().firstContact().slaMinutes()).isEqualTo(20);
    assertThat(db.dsl().fetchCount(RULES_CONFIG_VERSIONS)).isEqualTo(1);
  }

  @DatabaseTest
  void one_account_never_sees_another_accounts_rules(TestDatabase db) {
    var rules = new RulesRepository(db.dsl(), clock);
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 20}}"), ADMIN, 0);
    rules.save(ACCOUNT, doc("{'firstContact': {'slaMinutes': 25}}"), ADMIN, 1);

    assertThat(rules.current(OTHER_ACCOUNT).version()).isZero();
    assertThat(rules.current(OTHER_ACCOUNT).config()).isEqualTo(RulesConfig.defaults());
    assertThat(rules.currentVersion(OTHER_ACCOUNT)).isZero();
    assertThat(rules.history(OTHER_ACCOUNT, 10)).isEmpty();
    assertThat(rules.version(OTHER_ACCOUNT, 1)).isEmpty();

    // The other account's first save starts its own numbering and leaves the first one alone.
    rules.save(OTHER_ACCOUNT, doc("{'firstContact': {'slaMinutes': 45}}"), OTHER_ADMIN, 0);
    assertThat(rules.current(OTHER_ACCOUNT).version()).isEqualTo(1);
    assertThat(rules.current(ACCOUNT).config().firstContact().slaMinutes()).isEqualTo(25);
    assertThat(rules.current(ACCOUNT).version()).isEqualTo(2);
  }

  @DatabaseTest
  void of_two_simultaneous_first_saves_from_version_0_exactly_one_wins(TestDatabase db)
      throws Exception {
    var rules = new RulesRepository(db.dsl(), clock);
    for (long account = 1; account <= 5; account++) {
      long id = account;
      List<Object> outcomes =
          simultaneously(
              () -> rules.save(id, doc("{'worktime': {'expectedMinutesPerDay': 300}}"), ADMIN, 0),
              () ->
                  rules.save(
                      id, doc("{'worktime': {'expectedMinutesPerDay': 400}}"), OTHER_ADMIN, 0));

      assertThat(outcomes).filteredOn(StoredRules.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(RulesConflictException.class::isInstance).hasSize(1);
      assertThat(rules.current(id).version()).isEqualTo(1);
      assertThat(rules.history(id, 10)).hasSize(1);
    }
  }

  @DatabaseTest
  void simultaneous_first_saves_without_an_expected_version_both_land(TestDatabase db)
      throws Exception {
    var rules = new RulesRepository(db.dsl(), clock);
    for (long account = 1; account <= 5; account++) {
      long id = account;
      List<Object> outcomes =
          simultaneously(
              () ->
                  rules.save(id, doc("{'worktime': {'expectedMinutesPerDay': 300}}"), ADMIN, null),
              () ->
                  rules.save(id, doc("{'worktime': {'expectedMinutesPerDay': 400}}"), ADMIN, null));

      assertThat(outcomes)
          .allSatisfy(o -> assertThat(o).isInstanceOf(StoredRules.class))
          .extracting(o -> ((StoredRules) o).version())
          .containsExactlyInAnyOrder(1, 2);
      assertThat(rules.history(id, 10)).hasSize(2);
    }
  }

  /** Runs both at once (as near as two threads get) and gives each one's result or exception. */
  private static List<Object> simultaneously(Callable<Object> first, Callable<Object> second)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> task : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return task.call();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
