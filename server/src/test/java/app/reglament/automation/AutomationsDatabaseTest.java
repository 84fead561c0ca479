package app.reglament.automation;

import static app.reglament.automation.Facts.ANNA;
import static app.reglament.automation.Facts.IVAN;
import static app.reglament.automation.Facts.OLEG;
import static app.reglament.automation.Facts.QUALIFICATION;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.deal;
import static app.reglament.automation.Facts.moscow;
import static app.reglament.db.generated.Tables.ACTION_OUTBOX;
import static app.reglament.db.generated.Tables.CUSTOM_FIELDS;
import static app.reglament.db.generated.Tables.FIRST_CONTACT_PENDING;
import static app.reglament.db.generated.Tables.TIMERS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.CustomFieldDefinition;
import app.reglament.engine.RulesSource;
import app.reglament.outbox.JooqOutbox;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesDocument;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.indicators.RequiredFieldsIndicator;
import app.reglament.rules.indicators.TaskResultIndicator;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import app.reglament.timers.TimerRepository;
import app.reglament.timers.TimerScheduler;
import app.reglament.timers.Timers;
import app.reglament.web.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The queuing side on a real database: the automations' actions land in {@code action_outbox} once
 * per key however often the same deal is seen, timers are set and cancelled with the watch, and a
 * missed first contact is reassigned exactly once, round robin with a durable cursor.
 */
class AutomationsDatabaseTest {
  private static final long A = Facts.ACCOUNT_ID;
  private static final long B = 2;

  private record Setup(
      TestDatabase db,
      JooqOutbox outbox,
      TimerRepository timers,
      Automations automations,
      AtomicReference<RulesConfig> rules,
      MutableClock clock,
      Mirror mirror) {

    RuleContext context(String local) {
      return new RuleContext(rules.get(), Facts.ACCOUNT, moscow(local));
    }

    /** The engine's call after an event: with the findings the automations react to. */
    void observe(DealFacts deal, String local) {
      RuleContext context = context(local);
      List<Finding> findings = new ArrayList<>();
      findings.addAll(Facts.findings(new RequiredFieldsIndicator(), deal, context));
      findings.addAll(Facts.findings(new TaskResultIndicator(), deal, context));
      automations.evaluated(A, deal, findings, context);
    }

    FirstContactTimer timer() {
      RulesSource source = accountId -> new RulesSource.Versioned(rules.get(), 1);
      return new FirstContactTimer(
          db.dsl(), outbox, timers, new DealReader(db.dsl(), source, clock));
    }

    /** The scheduler as the server runs it, firing this setup's first-contact timers. */
    TimerScheduler scheduler() {
      return new TimerScheduler(timers, clock, TimerScheduler.Settings.DEFAULTS)
          .register(FirstContact.TIMER_KIND, timer());
    }

    List<String> keys() {
      return keys(A);
    }

    List<String> keys(long accountId) {
      return db.dsl()
          .select(ACTION_OUTBOX.IDEMPOTENCY_KEY)
          .from(ACTION_OUTBOX)
          .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
          .orderBy(ACTION_OUTBOX.IDEMPOTENCY_KEY)
          .fetch(ACTION_OUTBOX.IDEMPOTENCY_KEY);
    }

    /** The account's armed first-contact timers: key to due time. */
    Map<String, Instant> pending() {
      return db.dsl()
          .select(TIMERS.TIMER_KEY, TIMERS.DUE_AT)
          .from(TIMERS)
          .where(TIMERS.ACCOUNT_ID.eq(A), TIMERS.KIND.eq(FirstContact.TIMER_KIND))
          .and(TIMERS.STATE.eq("scheduled"))
          .fetchMap(TIMERS.TIMER_KEY, TIMERS.DUE_AT);
    }

    String state(String key) {
      return timers.state(A, FirstContact.TIMER_KIND, key);
    }
  }

  private static Setup setup(TestDatabase db) {
    MutableClock clock = new MutableClock(moscow("2025-06-03 10:00"));
    JooqOutbox outbox = new JooqOutbox(clock);
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    Automations automations =
        new Automations(db.dsl(), outbox, timers, new RulesRepository(db.dsl(), clock));
    Mirror mirror = Mirror.install(db.dsl(), A, "alpha.amocrm.ru");
    // Naming was switched on by this save, at 10:00 on Tuesday: deals from then on are new.
    new RulesRepository(db.dsl(), clock).save(A, RulesDocument.render(RULES), IVAN, null);
    return new Setup(db, outbox, timers, automations, new AtomicReference<>(RULES), clock, mirror);
  }

  @DatabaseTest
  void a_new_lead_seen_twice_queues_its_rename_and_task_once_and_sets_one_timer(TestDatabase db) {
    Setup s = setup(db);
    DealFacts created = deal(1).windows().name("Заявка с сайта").build();

    s.observe(created, "2025-06-03 10:01");
    s.observe(created, "2025-06-03 10:02");

    assertThat(s.keys())
        .containsExactly("first-contact-task:1", "rename:1:Окна ПВХ / Иван Сидоров / Казань");
    assertThat(s.pending()).containsExactly(Map.entry("1", moscow("2025-06-03 10:30")));

    // The echo of our rename: the name is right now, nothing more is queued.
    s.observe(
        deal(1).windows().name("Окна ПВХ / Иван Сидоров / Казань").build(), "2025-06-03 10:03");
    assertThat(s.keys()).hasSize(2);
  }

  @DatabaseTest
  void a_rendering_that_returns_to_an_earlier_name_renames_the_deal_back(TestDatabase db) {
    Setup s = setup(db);
    String kazan = "Окна ПВХ / Иван Сидоров / Казань";
    String moscow = "Окна ПВХ / Иван Сидоров / Москва";
    s.observe(deal(1).windows().name("Заявка").build(), "2025-06-03 10:01");
    s.observe(
        deal(1).windows().name(kazan).updated("2025-06-03 10:02").build(), "2025-06-03 10:02");

    // The city changed to Москва, then back to Казань: the deal follows both times.
    s.observe(inCity(kazan, "Москва", "2025-06-03 10:05"), "2025-06-03 10:05");
    s.observe(inCity(moscow, "Москва", "2025-06-03 10:06"), "2025-06-03 10:06");
    s.observe(inCity(moscow, "Казань", "2025-06-03 10:10"), "2025-06-03 10:10");
    s.observe(inCity(kazan, "Казань", "2025-06-03 10:11"), "2025-06-03 10:11");

    List<String> renames = s.keys().stream().filter(k -> k.startsWith("rename:")).toList();
    assertThat(renames).hasSize(3);
    assertThat(renames.stream().filter(k -> k.startsWith("rename:1:" + kazan))).hasSize(2);
  }

  private static DealFacts inCity(String name, String city, String updated) {
    return deal(1)
        .contact("Иван Сидоров")
        .field(Facts.PRODUCT, "Продукт", "select", "Окна ПВХ")
        .field(Facts.CITY, "Город", "select", city)
        .name(name)
        .updated(updated)
        .build();
  }

  @DatabaseTest
  void a_contact_before_the_deadline_cancels_the_timer_and_the_timer_then_does_nothing(
      TestDatabase db) {
    Setup s = setup(db);
    s.mirror.lead(1, "Заявка", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.observe(deal(1).build(), "2025-06-03 10:01");
    s.mirror.call(1, IVAN, moscow("2025-06-03 10:10"));

    s.observe(deal(1).call("2025-06-03 10:10").build(), "2025-06-03 10:10");
    assertThat(s.state("1")).isEqualTo("cancelled");
    s.clock.set(moscow("2025-06-03 10:30"));
    assertThat(s.scheduler().runOnce(s.clock.instant())).isZero();
    s.timer().fire(A, "1", moscow("2025-06-03 10:30")); // a firing already under way

    assertThat(s.pending()).isEmpty();
    assertThat(s.keys()).containsExactly("first-contact-task:1");
    assertThat(db.dsl().fetchCount(FIRST_CONTACT_PENDING)).isZero();
  }

  @DatabaseTest
  void a_timer_due_while_the_observer_stops_the_watch_waits_for_it_and_reassigns_nothing(
      TestDatabase db) throws Exception {
    Setup s = setup(db);
    s.mirror.lead(1, "Заявка", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.observe(deal(1).build(), "2025-06-03 10:01");
    Instant due = moscow("2025-06-03 10:30");
    s.clock.set(due);
    // The observer stops the watch after a call at 10:29 and is paused before its commit.
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Timers pausing =
        new Timers() {
          @Override
          public void schedule(DSLContext tx, long accountId, String kind, String key, Instant at) {
            s.timers.schedule(tx, accountId, kind, key, at);
          }

          @Override
          public void cancel(DSLContext tx, long accountId, String kind, String key) {
            s.timers.cancel(tx, accountId, kind, key);
            stopping.countDown();
            await(release);
          }
        };
    Automations observer =
        new Automations(db.dsl(), s.outbox, pausing, new RulesRepository(db.dsl(), s.clock));
    DealFacts called = deal(1).call("2025-06-03 10:29").build();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> observing =
          threads.submit(
              () -> observer.evaluated(A, called, List.of(), s.context("2025-06-03 10:30")));
      assertThat(stopping.await(10, TimeUnit.SECONDS)).isTrue();

      Future<?> firing = threads.submit(() -> s.timer().fire(A, "1", due));
      awaitLockWait(db, firing);
      release.countDown();
      observing.get(20, TimeUnit.SECONDS);
      firing.get(20, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }

    assertThat(s.keys()).containsExactly("first-contact-task:1");
    assertThat(db.dsl().fetchCount(FIRST_CONTACT_PENDING)).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Until the database reports a transaction waiting for a row lock (the timer's). */
  private static void awaitLockWait(TestDatabase db, Future<?> firing) throws Exception {
    String waits =
        db.dialect() == SQLDialect.H2
            ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
            : "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS";
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!firing.isDone() && System.nanoTime() < until) {
      if (((Number) db.dsl().fetchValue(waits)).intValue() > 0) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  @DatabaseTest
  void a_missed_first_contact_is_reassigned_once_and_the_next_miss_goes_to_the_next_manager(
      TestDatabase db) {
    Setup s = setup(db);
    s.mirror.lead(1, "Заявка 1", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.mirror.lead(2, "Заявка 2", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.observe(deal(1).build(), "2025-06-03 10:01");
    s.observe(deal(2).build(), "2025-06-03 10:01");
    s.clock.set(moscow("2025-06-03 10:30"));

    assertThat(s.scheduler().runOnce(s.clock.instant())).isEqualTo(2);
    s.timer().fire(A, "1", moscow("2025-06-03 10:30")); // a firing repeated elsewhere

    assertThat(s.keys())
        .containsExactly(
            "first-contact-task:1",
            "first-contact-task:2",
            "reassign:1:head",
            "reassign:1:lead",
            "reassign:1:note",
            "reassign:2:head",
            "reassign:2:lead",
            "reassign:2:note");
    assertThat(reassignedTo(db, 1)).isEqualTo(ANNA);
    assertThat(reassignedTo(db, 2)).isEqualTo(OLEG);
    assertThat(s.state("1")).isEqualTo("fired");
    assertThat(s.state("2")).isEqualTo("fired");
    assertThat(
            db.dsl()
                .select(ACTION_OUTBOX.PAYLOAD)
                .from(ACTION_OUTBOX)
                .where(ACTION_OUTBOX.IDEMPOTENCY_KEY.eq("reassign:1:lead"))
                .fetchOne(ACTION_OUTBOX.PAYLOAD))
        .contains("\"responsible_user_id\":" + ANNA);

    // The echo of the reassignment: Анна's now, still uncontacted, but never moved again.
    s.observe(deal(1).responsible(ANNA).build(), "2025-06-03 10:31");
    assertThat(s.pending()).isEmpty();
    assertThat(s.keys()).hasSize(8);
  }

  @DatabaseTest
  void a_timer_fired_before_the_deadline_reassigns_nothing_and_looks_again_at_the_deadline(
      TestDatabase db) {
    Setup s = setup(db);
    s.mirror.lead(1, "Заявка", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.observe(deal(1).build(), "2025-06-03 10:01");
    Instant due = moscow("2025-06-03 10:30");
    s.clock.set(moscow("2025-06-03 10:20"));

    s.timer().fire(A, "1", due); // fired early: by hand, or a deadline that moved since

    assertThat(s.keys()).containsExactly("first-contact-task:1");
    assertThat(reassignedTo(db, 1)).isNull();
    assertThat(s.pending()).containsValue(due).doesNotContainValue(s.clock.instant());

    s.clock.set(due);
    assertThat(s.scheduler().runOnce(due)).isPositive();
    assertThat(s.keys()).contains("reassign:1:lead");
    assertThat(reassignedTo(db, 1)).isEqualTo(ANNA);
  }

  @DatabaseTest
  void nobody_at_work_tries_again_later_under_a_key_of_its_own(TestDatabase db) {
    Setup s = setup(db);
    // Only Пётр, who has left, is in the pool: at the deadline nobody can take the lead.
    s.rules.set(withPool(List.of(Facts.LEFT)));
    s.mirror.lead(1, "Заявка", IVAN, QUALIFICATION, moscow("2025-06-06 17:50"));
    s.observe(deal(1).created("2025-06-06 17:50").build(), "2025-06-06 17:51");
    // Friday's 10 minutes and Monday's 20: due Monday 09:20.
    Instant due = moscow("2025-06-09 09:20");
    assertThat(s.pending()).containsExactly(Map.entry("1", due));
    s.clock.set(due);

    assertThat(s.scheduler().runOnce(due)).isEqualTo(1);

    Instant retry = moscow("2025-06-09 09:35");
    String retryKey = "1@" + due.getEpochSecond() + "#1";
    assertThat(s.pending()).containsExactly(Map.entry(retryKey, retry));
    assertThat(s.keys()).containsExactly("first-contact-task:1");

    // Анна joined the pool since: the retry, a timer of its own, hands her the lead.
    s.rules.set(withPool(List.of(Facts.LEFT, ANNA)));
    s.clock.set(retry);
    assertThat(s.scheduler().runOnce(retry)).isEqualTo(1);
    assertThat(s.state(retryKey)).isEqualTo("fired");
    assertThat(s.keys()).contains("reassign:1:lead");
    assertThat(reassignedTo(db, 1)).isEqualTo(ANNA);
  }

  @DatabaseTest
  void a_firing_repeated_later_continues_the_same_retry_chain(TestDatabase db) {
    Setup s = setup(db);
    s.rules.set(withPool(List.of(Facts.LEFT)));
    s.mirror.lead(1, "Заявка", IVAN, QUALIFICATION, moscow("2025-06-03 10:00"));
    s.observe(deal(1).build(), "2025-06-03 10:01");
    Instant due = moscow("2025-06-03 10:30");
    s.clock.set(due);
    s.timer().fire(A, "1", due);
    s.clock.set(moscow("2025-06-03 10:32"));

    s.timer().fire(A, "1", due); // the same firing repeated two minutes later

    String first = "1@" + due.getEpochSecond() + "#1";
    assertThat(s.pending()).containsOnlyKeys("1", first);
    s.clock.set(moscow("2025-06-03 10:47"));
    s.timer().fire(A, first, moscow("2025-06-03 10:47"));
    assertThat(s.pending()).containsKey("1@" + due.getEpochSecond() + "#2");
    assertThat(FirstContactTimer.leadId("1@" + due.getEpochSecond() + "#2")).isEqualTo(1);
  }

  private static RulesConfig withPool(List<Long> pool) {
    return Facts.with(
        RULES, new RulesConfig.FirstContact(15, true, "Связаться с клиентом", 1, 30, pool, null));
  }

  @DatabaseTest
  void with_every_automation_off_nothing_is_queued(TestDatabase db) {
    Setup s = setup(db);
    RulesConfig off =
        Facts.with(
            Facts.with(
                Facts.with(RULES, new RulesConfig.Naming(false, Facts.TEMPLATE, true, true, null)),
                new RulesConfig.FirstContact(15, false, "Связаться", 1, null, null, null)),
            new RulesConfig.LostDeals(false, "Проверить сделку", true, 3));
    s.rules.set(Facts.withStages(off, List.of()));

    s.observe(deal(1).windows().name("Заявка").build(), "2025-06-03 10:01");
    s.observe(
        deal(2)
            .windows()
            .moved(app.reglament.rules.facts.DealFacts.LOST, "2025-06-03 11:00")
            .build(),
        "2025-06-03 11:01");

    assertThat(s.keys()).isEmpty();
  }

  @DatabaseTest
  void a_lost_deal_a_junk_result_and_a_bad_stage_move_each_queue_once(TestDatabase db) {
    Setup s = setup(db);
    DealFacts lost =
        deal(1)
            .created("2025-05-20 10:00")
            .doneTask(9, "Перезвонить", "+", "2025-06-03 10:30")
            .moved(Facts.MEASURING, "2025-06-03 10:40")
            .moved(DealFacts.LOST, "2025-06-03 11:00")
            .build();
    DealFacts moved =
        deal(2).created("2025-05-20 10:00").moved(Facts.MEASURING, "2025-06-03 11:00").build();

    for (int i = 0; i < 2; i++) {
      s.observe(lost, "2025-06-03 11:01");
      s.observe(moved, "2025-06-03 11:01");
    }

    assertThat(s.keys())
        .containsExactly(
            "junk:9:" + moscow("2025-06-03 10:30").toEpochMilli(),
            "review:1:" + moscow("2025-06-03 11:00").toEpochMilli(),
            "stage-move:2:" + moscow("2025-06-03 11:00").toEpochMilli() + ":note");
  }

  @DatabaseTest
  void a_loss_the_stage_gate_sends_back_gets_no_review(TestDatabase db) {
    Setup s = setup(db);
    RulesConfig revert = Facts.with(RULES, new RulesConfig.RequiredFields("revert", true));
    s.rules.set(
        Facts.withStages(
            revert,
            List.of(
                new RulesConfig.Stage(
                    Facts.PIPELINE, DealFacts.LOST, List.of(Facts.BUDGET), null))));
    DealFacts lost =
        deal(1)
            .created("2025-05-20 10:00")
            .moved(Facts.MEASURING, "2025-06-03 10:40")
            .moved(DealFacts.LOST, "2025-06-03 11:00")
            .build();

    // Today's indicator judges only active deals; a required_fields finding on the lost stage (a
    // future indicator, or regulations that count "lost" as a stage to fill in) must not yield
    // both the move back and a review of a deal that is no longer lost.
    Finding missing =
        Finding.violated(
            Indicator.REQUIRED_FIELDS,
            "lead:1",
            1L,
            null,
            IVAN,
            java.time.LocalDate.of(2025, 6, 3),
            Severity.WARNING,
            moscow("2025-06-03 11:00"),
            "missing",
            new Explanation("нет поля «Бюджет»", "no «Бюджет»"),
            Map.of("empty", List.of("Бюджет")));
    s.automations.evaluated(A, lost, List.of(missing), s.context("2025-06-03 11:01"));

    String move = "stage-move:1:" + moscow("2025-06-03 11:00").toEpochMilli();
    assertThat(s.keys()).containsExactly(move + ":note", move + ":revert");
  }

  @DatabaseTest
  void one_accounts_memory_is_not_anothers(TestDatabase db) {
    Setup s = setup(db);
    Mirror.install(db.dsl(), B, "beta.amocrm.ru");
    new RulesRepository(db.dsl(), s.clock).save(B, RulesDocument.render(RULES), IVAN, null);
    DealFacts created = deal(1).windows().name("Заявка").build();
    s.observe(created, "2025-06-03 10:01");
    RuleContext context = s.context("2025-06-03 10:01");

    s.automations.evaluated(B, created, List.of(), context);

    assertThat(s.keys(B))
        .containsExactly("first-contact-task:1", "rename:1:Окна ПВХ / Иван Сидоров / Казань");
  }

  @DatabaseTest
  void native_required_statuses_are_queued_once_per_rules_version_and_installation(
      TestDatabase db) {
    Setup s = setup(db);
    RulesRepository repository = new RulesRepository(db.dsl(), s.clock);
    RequiredFieldsSync sync = new RequiredFieldsSync(db.dsl(), s.outbox, repository, s.clock);
    String install = ":v1:i" + s.clock.instant().toEpochMilli();

    assertThat(sync.installed(A)).isEqualTo(2);
    assertThat(sync.installed(A)).isZero();
    // Reinstalled a day later: amoCRM's settings may have changed meanwhile, sent again.
    s.clock.set(moscow("2025-06-04 10:00"));
    String reinstall = ":v1:i" + s.clock.instant().toEpochMilli();
    assertThat(sync.installed(A)).isEqualTo(2);
    repository.save(A, RulesDocument.render(Facts.withStages(RULES, List.of())), IVAN, 1);
    assertThat(sync.rulesSaved(A)).isEqualTo(2);
    assertThat(sync.rulesSaved(A)).isZero();

    assertThat(s.keys())
        .containsExactlyInAnyOrder(
            "required-statuses:501" + install,
            "required-statuses:503" + install,
            "required-statuses:501" + reinstall,
            "required-statuses:503" + reinstall,
            "required-statuses:501:v2",
            "required-statuses:503:v2");
  }

  @DatabaseTest
  void the_sync_keeps_the_administrators_own_required_stages(TestDatabase db) throws Exception {
    Setup s = setup(db);
    // In amoCRM «Продукт» is required at «Квалификация» by the administrator's own setting.
    db.dsl()
        .insertInto(CUSTOM_FIELDS)
        .set(CUSTOM_FIELDS.ACCOUNT_ID, A)
        .set(CUSTOM_FIELDS.ENTITY_TYPE, "leads")
        .set(CUSTOM_FIELDS.FIELD_ID, Facts.PRODUCT)
        .set(CUSTOM_FIELDS.NAME, "Продукт")
        .set(CUSTOM_FIELDS.FIELD_TYPE, "select")
        .set(
            CUSTOM_FIELDS.REQUIRED_STATUSES,
            Json.mapper()
                .writeValueAsString(
                    List.of(
                        new CustomFieldDefinition.RequiredStatus(QUALIFICATION, Facts.PIPELINE))))
        .execute();
    RulesRepository repository = new RulesRepository(db.dsl(), s.clock);
    RequiredFieldsSync sync = new RequiredFieldsSync(db.dsl(), s.outbox, repository, s.clock);

    sync.installed(A);
    assertThat(statuses(db, "required-statuses:501:v1:%"))
        .containsExactly(QUALIFICATION, Facts.MEASURING);

    // «Замер» no longer requires it: only the stage Reglament added goes.
    repository.save(A, RulesDocument.render(Facts.withStages(RULES, List.of())), IVAN, 1);
    sync.rulesSaved(A);
    assertThat(statuses(db, "required-statuses:501:v2")).containsExactly(QUALIFICATION);
  }

  /** The stages one queued SetRequiredStatuses sends. */
  private static List<Long> statuses(TestDatabase db, String keyLike) {
    String payload =
        db.dsl()
            .select(ACTION_OUTBOX.PAYLOAD)
            .from(ACTION_OUTBOX)
            .where(ACTION_OUTBOX.ACCOUNT_ID.eq(A), ACTION_OUTBOX.IDEMPOTENCY_KEY.like(keyLike))
            .fetchSingle(ACTION_OUTBOX.PAYLOAD);
    List<Long> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"status_id\"\\s*:\\s*(\\d+)").matcher(payload);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    assertThat(payload).as("payload names stages by status_id").contains("status_id");
    return out;
  }

  @DatabaseTest
  void deals_created_before_naming_was_switched_on_are_not_renamed_on_creation(TestDatabase db) {
    Setup s = setup(db);

    s.observe(
        deal(1).windows().name("Заявка").created("2025-06-03 09:59").build(), "2025-06-03 10:01");

    assertThat(s.keys()).containsExactly("first-contact-task:1");
  }

  private static Long reassignedTo(TestDatabase db, long leadId) {
    return db.dsl()
        .select(FIRST_CONTACT_PENDING.REASSIGNED_TO)
        .from(FIRST_CONTACT_PENDING)
        .where(FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(A), FIRST_CONTACT_PENDING.LEAD_ID.eq(leadId))
        .fetchOne(FIRST_CONTACT_PENDING.REASSIGNED_TO);
  }
}
