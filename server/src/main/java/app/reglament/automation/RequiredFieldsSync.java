package app.reglament.automation;

import static app.reglament.db.generated.Tables.CUSTOM_FIELDS;
import static app.reglament.db.generated.Tables.REQUIRED_STATUSES_OWNED;

import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.StoredRules;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues {@link RequiredStatuses}' actions: after the regulations were saved ({@link #rulesSaved},
 * shaped to be the widget API's "rules saved" hook) and after an installation ({@link #installed}).
 * The fields' current settings come from the mirror; the stages Reglament adds are recorded with
 * the actions, in one transaction, so that a later sync removes only those.
 */
public final class RequiredFieldsSync {
  private static final Logger log = LoggerFactory.getLogger(RequiredFieldsSync.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final DSLContext dsl;
  private final Outbox outbox;
  private final RulesRepository repository;
  private final RulesHistory history;
  private final Clock clock;

  public RequiredFieldsSync(
      DSLContext dsl, Outbox outbox, RulesRepository repository, Clock clock) {
    this.dsl = dsl;
    this.outbox = outbox;
    this.repository = repository;
    this.history = new RulesHistory(repository);
    this.clock = clock;
  }

  /** The current version against the one before it; returns how many actions were new. */
  public int rulesSaved(long accountId) {
    StoredRules current = repository.current(accountId);
    RulesConfig previous =
        current.version() > 1
            ? history.version(accountId, current.version() - 1).orElse(null)
            : null;
    return enqueue(accountId, current.config(), previous, tx -> ":v" + current.version());
  }

  /**
   * Everything the current version requires: amoCRM's settings may be anything before. Keyed by the
   * moment of the call too: the account's row keeps its first installation's moment, and a
   * reinstall (the administrator may have changed the fields meanwhile) must send again.
   */
  public int installed(long accountId) {
    StoredRules current = repository.current(accountId);
    String suffix = ":v" + current.version() + ":i" + clock.millis();
    return enqueue(accountId, current.config(), null, tx -> suffix);
  }

  private int enqueue(
      long accountId,
      RulesConfig current,
      RulesConfig previous,
      Function<DSLContext, String> keySuffix) {
    return dsl.transactionResult(
        c -> {
          DSLContext tx = c.dsl();
          RequiredStatuses.Plan plan =
              RequiredStatuses.plan(
                  current,
                  previous,
                  mirrored(tx, accountId),
                  recorded(tx, accountId),
                  keySuffix.apply(tx));
          int added = 0;
          for (Intent intent : plan.intents()) {
            if (outbox.enqueue(tx, accountId, intent.key(), intent.action(), intent.audit())) {
              added++;
              long field = ((Action.SetRequiredStatuses) intent.action()).fieldId();
              record(tx, accountId, field, plan.owned().getOrDefault(field, Set.of()));
            }
          }
          return added;
        });
  }

  /** Per lead field, its {@code required_statuses} as the mirror last read them. */
  private static Map<Long, List<Action.RequiredStatus>> mirrored(DSLContext tx, long accountId) {
    Map<Long, List<Action.RequiredStatus>> out = new HashMap<>();
    tx.select(CUSTOM_FIELDS.FIELD_ID, CUSTOM_FIELDS.REQUIRED_STATUSES)
        .from(CUSTOM_FIELDS)
        .where(CUSTOM_FIELDS.ACCOUNT_ID.eq(accountId), CUSTOM_FIELDS.ENTITY_TYPE.eq("leads"))
        .and(CUSTOM_FIELDS.REQUIRED_STATUSES.isNotNull())
        .forEach(
            r -> {
              try {
                List<Action.RequiredStatus> statuses = new ArrayList<>();
                for (JsonNode s : JSON.readTree(r.value2())) {
                  statuses.add(
                      new Action.RequiredStatus(
                          number(s, "pipeline_id", "pipelineId"),
                          number(s, "status_id", "statusId")));
                }
                out.put(r.value1(), statuses);
              } catch (JsonProcessingException | IllegalArgumentException e) {
                // Left out: the field counts as having no stages of the administrator's.
                log.warn("Unreadable required_statuses of field {}: {}", r.value1(), e.toString());
              }
            });
    return out;
  }

  /** The mirror writes the API record's names; amoCRM's own are read as well. */
  private static long number(JsonNode status, String amo, String record) {
    JsonNode value = status.has(amo) ? status.get(amo) : status.get(record);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException("no " + amo + " in " + status);
    }
    return value.asLong();
  }

  /** Per field, the stages Reglament added earlier. */
  private static Map<Long, Set<Action.RequiredStatus>> recorded(DSLContext tx, long accountId) {
    Map<Long, Set<Action.RequiredStatus>> out = new HashMap<>();
    tx.select(
            REQUIRED_STATUSES_OWNED.FIELD_ID,
            REQUIRED_STATUSES_OWNED.PIPELINE_ID,
            REQUIRED_STATUSES_OWNED.STATUS_ID)
        .from(REQUIRED_STATUSES_OWNED)
        .where(REQUIRED_STATUSES_OWNED.ACCOUNT_ID.eq(accountId))
        .forEach(
            r ->
                out.computeIfAbsent(r.value1(), f -> new LinkedHashSet<>())
                    .add(new Action.RequiredStatus(r.value2(), r.value3())));
    return out;
  }

  private static void record(
      DSLContext tx, long accountId, long field, Set<Action.RequiredStatus> owned) {
    tx.deleteFrom(REQUIRED_STATUSES_OWNED)
        .where(
            REQUIRED_STATUSES_OWNED.ACCOUNT_ID.eq(accountId),
            REQUIRED_STATUSES_OWNED.FIELD_ID.eq(field))
        .execute();
    for (Action.RequiredStatus s : owned) {
      tx.insertInto(REQUIRED_STATUSES_OWNED)
          .set(REQUIRED_STATUSES_OWNED.ACCOUNT_ID, accountId)
          .set(REQUIRED_STATUSES_OWNED.FIELD_ID, field)
          .set(REQUIRED_STATUSES_OWNED.PIPELINE_ID, s.pipelineId())
          .set(REQUIRED_STATUSES_OWNED.STATUS_ID, s.statusId())
          .execute();
    }
  }
}
