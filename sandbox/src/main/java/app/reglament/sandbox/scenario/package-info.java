/**
 * A generated amoCRM account with known ground truth, and a live mode that keeps it busy.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * Scenario scenario = ScenarioGenerator.generate(ScenarioSettings.defaults(seed, now));
 * GroundTruthFile.write(Path.of("data/ground-truth.json"), scenario);
 * LiveActivity live = new LiveActivity(scenario, seed, LiveActivity.Pace.defaults());
 * live.tick(clock.instant(), store); // the store implements LiveActivity.Sink; the caller ticks
 * }</pre>
 *
 * <p>The generator never reads the clock; the same settings give the same scenario, byte for byte
 * (also across JVM runs: every map is ordered). Default size: a head and 8 managers in two groups,
 * two pipelines (8 and 7 statuses), 2,000 deals over 30 days, about 16,000 tasks and 65,000 events,
 * generated in well under a second once warm.
 *
 * <h2>The ground truth</h2>
 *
 * {@link app.reglament.sandbox.scenario.Scenario.GroundTruth#rules()} is a rules document with
 * DESIGN.md's keys. Under it, at {@code now}, exactly the {@code planted} items are violations.
 * Each planted item's description starts with a reason code ({@code late_critical:}, {@code
 * placeholder:}, {@code chat_unanswered:}, {@code lead_dumping:} ...). {@code userId} is the task's
 * responsible for task items, the deal's responsible at now for deal items, the manager for
 * worktime and lead dumping. {@code day} (Moscow date) is set for the event-like indicators:
 * first_contact (the SLA deadline's day), communication (the message's day), task_result (the
 * completion's day), lost_deal (the loss's day), worktime (the manager-day); it is null for the
 * state-at-now indicators and for lead dumping.
 *
 * <h2>Readings of DESIGN.md taken here</h2>
 *
 * <ul>
 *   <li>Working time is Monday to Friday 09:00–18:00 Moscow; weekends are off (null in {@code
 *       workingHours}); holidays are Russia's fixed-date public holidays of the years the history
 *       touches (plus a company day off when none falls inside the history). SLA, reply and
 *       call-back minutes are working minutes; a deadline outside working hours counts from the
 *       next opening.
 *   <li>First contact: the first outgoing call, chat message, mail or SMS on the deal or its
 *       contact, or a completed task with a real result. Severity: warning past 1×, critical past
 *       2× the SLA.
 *   <li>Time in stage is calendar time since the last status change (creation if none).
 *   <li>A message is answered by any outgoing contact on the deal; a missed call (an incoming call
 *       whose note lasted 0 seconds) by an outgoing call.
 *   <li>Junk results, in this order: empty; a placeholder; punctuation only; a copy of the task's
 *       text; the same manager's previous result (by completion time); at most two distinct
 *       characters or a run of five equal letters; five letters in a row of a Russian or Latin
 *       keyboard row; fewer than {@code minLength} letters. Required text fields share these rules
 *       except the length ("Уфа" is a city); select and numeric fields are judged only for being
 *       empty.
 *   <li>A closing comment is a user's common note on the deal from an hour before the loss on;
 *       contact attempts are outgoing contacts before the loss.
 *   <li>Lead dumping: a manager's lost / closed is at least 1.5× the rest of the team's and 15
 *       points above it, and his share of losses at middle stages (neither the first nor the last
 *       regular stage) at least 2× the team's.
 *   <li>Worktime without the extension: each event the manager made stands for the 15 minutes after
 *       it; a manager-day's active time is the union within its working hours. Judged: working days
 *       whose whole hours lie inside the history.
 *   <li>Naming: "{field:Продукт} / {contact} / {field:Город}", an empty part taking its separator
 *       with it; compared as exact strings, active deals only.
 * </ul>
 *
 * The data keeps away from where other readings would disagree: messages are answered within the
 * same working day (clock and working minutes agree), compliant replies use the same channel, lost
 * deals have three calls on the deal, the closing comment follows the loss, stuck deals are a day
 * past maxDays in working days too, junk is short in characters too, required text fields are ten
 * letters or more, and every manager-day is ordinary or short whether an event counts for 10 or 20
 * minutes. Nothing that matters happens within 30 minutes of now, and no timing sits within minutes
 * of its limit. A deal deleted and restored is included; a deal still deleted at now is not (the
 * contract's Lead has no such flag).
 */
package app.reglament.sandbox.scenario;
