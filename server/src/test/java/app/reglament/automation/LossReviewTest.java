package app.reglament.automation;

import static app.reglament.automation.Facts.HEAD;
import static app.reglament.automation.Facts.INSTALLED;
import static app.reglament.automation.Facts.IVAN;
import static app.reglament.automation.Facts.MEASURING;
import static app.reglament.automation.Facts.QUALIFICATION;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.deal;
import static app.reglament.automation.Facts.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.NewTask;
import app.reglament.outbox.Action;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossReviewTest {
  private static final String NOW = "2025-06-04 12:00";

  private static Facts.Deal lostAfterCalls() {
    return deal(1)
        .name("Окна / Сидоров")
        .moved(MEASURING, "2025-06-03 11:00")
        .call("2025-06-03 10:05")
        .call("2025-06-03 15:00")
        .chat("2025-06-03 16:00")
        .moved(DealFacts.LOST, "2025-06-04 11:00")
        .call("2025-06-04 11:30");
  }

  @Test
  void a_loss_gets_one_review_task_for_the_head_with_the_checklist_and_the_call_count() {
    Intent intent =
        LossReview.decide(lostAfterCalls().build(), Facts.context(NOW), INSTALLED).orElseThrow();

    assertThat(intent.key()).isEqualTo("review:1:" + moscow("2025-06-04 11:00").toEpochMilli());
    NewTask task = ((Action.CreateTask) intent.action()).task();
    assertThat(task.responsibleUserId()).isEqualTo(HEAD);
    assertThat(task.entityId()).isEqualTo(1L);
    assertThat(task.text())
        .startsWith("Проверить сделку «Окна / Сидоров» (менеджер Иван Петров):")
        .contains(
            "Сделал ли менеджер всё, чтобы продать?",
            "Отработал ли возражения?",
            "Правильно ли проконсультировал клиента?",
            "Попыток дозвона до проигрыша: 2.",
            "Можно ли вернуть клиента?");
    // Eight working hours after the loss was seen: 6 on Wednesday, 2 on Thursday.
    assertThat(task.completeTill()).isEqualTo(moscow("2025-06-05 11:00"));
  }

  @Test
  void the_same_loss_seen_again_has_the_same_key_and_a_new_loss_a_new_one() {
    DealFacts lost = lostAfterCalls().build();
    String first = LossReview.decide(lost, Facts.context(NOW), INSTALLED).orElseThrow().key();
    String again =
        LossReview.decide(lost, Facts.context("2025-06-05 09:00"), INSTALLED).orElseThrow().key();
    DealFacts lostTwice =
        lostAfterCalls()
            .moved(QUALIFICATION, "2025-06-04 12:00")
            .moved(DealFacts.LOST, "2025-06-04 15:00")
            .build();
    String second =
        LossReview.decide(lostTwice, Facts.context("2025-06-04 16:00"), INSTALLED)
            .orElseThrow()
            .key();

    assertThat(again).isEqualTo(first);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void a_loss_waits_for_its_move_into_lost_to_reach_the_history_and_is_keyed_by_it() {
    Facts.Deal lostNoHistory =
        deal(1).moved(MEASURING, "2025-06-03 11:00").status(DealFacts.LOST).updated(NOW);

    assertThat(LossReview.decide(lostNoHistory.build(), Facts.context(NOW), INSTALLED)).isEmpty();
    DealFacts arrived =
        deal(1)
            .moved(MEASURING, "2025-06-03 11:00")
            .moved(DealFacts.LOST, "2025-06-04 11:00")
            .updated("2025-06-04 11:05")
            .build();
    assertThat(LossReview.decide(arrived, Facts.context(NOW), INSTALLED).orElseThrow().key())
        .isEqualTo("review:1:" + moscow("2025-06-04 11:00").toEpochMilli());
  }

  @Test
  void no_review_when_off_without_heads_for_history_or_for_a_deal_not_lost() {
    RulesConfig off =
        Facts.with(RULES, new RulesConfig.LostDeals(false, "Проверить сделку", true, 3));
    RulesConfig noHeads =
        new RulesConfig(
            RULES.timezone(),
            RULES.workingHours(),
            RULES.holidays(),
            List.of(),
            RULES.managers(),
            RULES.naming(),
            RULES.firstContact(),
            RULES.stages(),
            RULES.requiredFields(),
            RULES.taskResults(),
            RULES.lostDeals(),
            RULES.communications(),
            RULES.worktime(),
            RULES.score());
    DealFacts old =
        deal(2).created("2025-05-01 10:00").moved(DealFacts.LOST, "2025-05-30 10:00").build();

    assertThat(LossReview.decide(lostAfterCalls().build(), Facts.context(off, NOW), INSTALLED))
        .isEmpty();
    assertThat(LossReview.decide(lostAfterCalls().build(), Facts.context(noHeads, NOW), INSTALLED))
        .isEmpty();
    assertThat(LossReview.decide(old, Facts.context(NOW), INSTALLED)).isEmpty();
    assertThat(LossReview.decide(deal(3).build(), Facts.context(NOW), INSTALLED)).isEmpty();
  }

  @Test
  void return_to_work_moves_the_deal_back_where_it_was_lost_from_and_tasks_its_manager() {
    DealFacts lost = lostAfterCalls().build();

    List<Intent> intents =
        LossReview.returnToWork(
            lost,
            LossReview.lossMove(lost).orElseThrow(),
            Facts.context(NOW),
            "Ольга Руководитель",
            " Клиент ждёт КП ");

    long lostAt = moscow("2025-06-04 11:00").toEpochMilli();
    assertThat(intents)
        .extracting(Intent::key)
        .containsExactly(
            "review-return:1:" + lostAt + ":lead", "review-return:1:" + lostAt + ":task");
    Action.UpdateLead back = (Action.UpdateLead) intents.get(0).action();
    assertThat(back.update().pipelineId()).isEqualTo(Facts.PIPELINE);
    assertThat(back.update().statusId()).isEqualTo(MEASURING);
    NewTask task = ((Action.CreateTask) intents.get(1).action()).task();
    assertThat(task.responsibleUserId()).isEqualTo(IVAN);
    assertThat(task.text())
        .isEqualTo("Сделка возвращена в работу руководителем Ольга Руководитель: Клиент ждёт КП");
  }

  @Test
  void a_loss_without_a_recorded_origin_cannot_be_returned() {
    assertThat(LossReview.lossMove(deal(1).status(DealFacts.LOST).build())).isEmpty();
  }
}
