package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

  @Test
  void the_account_block_gives_the_account_id_and_subdomain() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("lead-add.form"));

    assertThat(batch.accountId()).isEqualTo(31000001L);
    assertThat(batch.subdomain()).contains("sales");
    assertThat(batch.skipped()).isEmpty();
  }

  @Test
  void a_new_deal_is_a_lead_add_event_with_its_stage_manager_and_time() {
    LeadEvent lead = onlyEvent("lead-add.form", LeadEvent.class);

    assertThat(lead.action()).isEqualTo(Action.ADD);
    assertThat(lead.kind()).isEqualTo(EntityKind.LEAD);
    assertThat(lead.leadId()).isEqualTo(23001001L);
    assertThat(lead.name()).contains("Сделка #23001001");
    assertThat(lead.statusId()).hasValue(141);
    assertThat(lead.pipelineId()).hasValue(7);
    assertThat(lead.responsibleUserId()).hasValue(8000001);
    assertThat(lead.modifiedUserId()).hasValue(8000001);
    assertThat(lead.updatedAt()).contains(Instant.ofEpochSecond(1718000000));
    assertThat(lead.oldStatusId()).isEmpty();
    assertThat(lead.customFields()).isEmpty();
  }

  @Test
  void an_update_carries_custom_fields_with_every_value_and_option_id() {
    LeadEvent lead = onlyEvent("lead-update-custom-fields.form", LeadEvent.class);

    assertThat(lead.action()).isEqualTo(Action.UPDATE);
    assertThat(lead.name()).contains("Окна / ПВХ / Казань");
    assertThat(lead.modifiedUserId()).hasValue(8000002);
    assertThat(lead.updatedAt()).contains(Instant.ofEpochSecond(1718003600));
    assertThat(lead.customFields())
        .containsExactly(
            new CustomField(55, Optional.of("City"), List.of(value("Kazan"))),
            new CustomField(
                56, Optional.of("Услуги"), List.of(value("Окна", 77), value("Двери", 78))),
            new CustomField(57, Optional.of("Источник"), List.of(value("Сайт", 90))),
            new CustomField(
                58,
                Optional.of("Комментарий"),
                List.of(value("Перезвонить после 15:00, 50% предоплата & доставка"))));
  }

  @Test
  void a_move_to_closed_lost_is_a_status_event_with_both_stages() {
    LeadEvent lead = onlyEvent("lead-status-lost.form", LeadEvent.class);

    assertThat(lead.action()).isEqualTo(Action.STATUS);
    assertThat(lead.leadId()).isEqualTo(23001001L);
    assertThat(lead.statusId()).hasValue(LeadEvent.LOST_STATUS_ID);
    assertThat(lead.oldStatusId()).hasValue(141);
    assertThat(lead.pipelineId()).hasValue(7);
    assertThat(lead.oldPipelineId()).hasValue(7);
    assertThat(lead.movedTo(LeadEvent.LOST_STATUS_ID)).isTrue();
    assertThat(lead.movedTo(LeadEvent.WON_STATUS_ID)).isFalse();
    // Real status webhooks carry no time, so there is no sound key for them (see LeadEvent).
    assertThat(lead.updatedAt()).isEmpty();
    assertThat(lead.statusChangeKey(31000001L)).isEmpty();
  }

  @Test
  void a_batch_of_status_changes_keeps_each_move_and_its_pipelines() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("lead-status-won.form"));

    assertThat(batch.events()).hasSize(2).allMatch(event -> event.action() == Action.STATUS);
    LeadEvent won = (LeadEvent) batch.events().get(0);
    LeadEvent moved = (LeadEvent) batch.events().get(1);
    assertThat(won.leadId()).isEqualTo(23001002L);
    assertThat(won.movedTo(LeadEvent.WON_STATUS_ID)).isTrue();
    assertThat(moved.leadId()).isEqualTo(23001003L);
    assertThat(moved.oldPipelineId()).hasValue(7);
    assertThat(moved.pipelineId()).hasValue(9);
    assertThat(moved.statusId()).hasValue(900001);
    assertThat(batch.touched().leadIds()).containsExactly(23001002L, 23001003L);
  }

  @Test
  void a_change_of_manager_names_the_old_and_the_new_one() {
    LeadEvent lead = onlyEvent("lead-responsible.form", LeadEvent.class);

    assertThat(lead.action()).isEqualTo(Action.RESPONSIBLE);
    assertThat(lead.oldResponsibleUserId()).hasValue(8000001);
    assertThat(lead.responsibleUserId()).hasValue(8000003);
    assertThat(lead.modifiedUserId()).hasValue(8000002);
    assertThat(lead.updatedAt()).contains(Instant.ofEpochSecond(1718007200));
    assertThat(lead.customFields()).extracting(CustomField::id).containsExactly(55L);
  }

  @Test
  void deleted_and_restored_deals_are_events_of_their_own_action() {
    WebhookBatch deleted = WebhookParser.parse(Fixtures.body("lead-delete.form"));
    LeadEvent restored = onlyEvent("lead-restore.form", LeadEvent.class);

    assertThat(deleted.events())
        .extracting(WebhookEvent::action, event -> ((LeadEvent) event).leadId())
        .containsExactly(tuple(Action.DELETE, 23001004L), tuple(Action.DELETE, 23001005L));
    assertThat(restored.action()).isEqualTo(Action.RESTORE);
    assertThat(restored.leadId()).isEqualTo(23001004L);
    assertThat(restored.name()).contains("Восстановленная сделка");
  }

  @Test
  void a_new_task_names_the_deal_it_is_set_on() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("task-add.form"));
    TaskEvent task = (TaskEvent) batch.events().get(0);

    assertThat(task.action()).isEqualTo(Action.ADD);
    assertThat(task.taskId()).isEqualTo(41000001L);
    assertThat(task.element()).contains(new EntityRef(EntityKind.LEAD, 23001001L));
    assertThat(task.text()).contains("Связаться с клиентом");
    assertThat(task.responsibleUserId()).hasValue(8000001);
    assertThat(task.completeTill()).contains(Instant.ofEpochSecond(1718000900));
    assertThat(task.completed()).contains(false);
    assertThat(task.result()).isEmpty();
    assertThat(batch.touched().taskIds()).containsExactly(41000001L);
    assertThat(batch.touched().leadIds()).containsExactly(23001001L);
  }

  @Test
  void a_closed_task_carries_its_result_and_a_contact_task_touches_the_contact() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("task-update-closed.form"));
    TaskEvent closed = (TaskEvent) batch.events().get(0);
    TaskEvent onContact = (TaskEvent) batch.events().get(1);

    assertThat(closed.action()).isEqualTo(Action.UPDATE);
    assertThat(closed.completed()).contains(true);
    assertThat(closed.result()).contains("Дозвонился, клиент ждёт КП до пятницы");
    assertThat(onContact.completed()).contains(false);
    assertThat(onContact.element()).contains(new EntityRef(EntityKind.CONTACT, 61000001L));
    assertThat(batch.touched().taskIds()).containsExactly(41000001L, 41000002L);
    assertThat(batch.touched().leadIds()).containsExactly(23001001L);
    assertThat(batch.touched().contactIds()).containsExactly(61000001L);
  }

  @Test
  void notes_on_a_deal_name_the_deal_their_type_and_their_exact_text() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("lead-note.form"));

    assertThat(batch.events())
        .containsExactly(
            new NoteEvent(
                OptionalLong.of(71000001),
                new EntityRef(EntityKind.LEAD, 23001001L),
                OptionalLong.of(4),
                Optional.of("Клиент просит перезвонить завтра")),
            new NoteEvent(
                OptionalLong.of(71000002),
                new EntityRef(EntityKind.LEAD, 23001001L),
                OptionalLong.of(11),
                Optional.of(
                    "{\"UNIQ\":\"call-7f3a\",\"LINK\":\"https://pbx.example.ru/rec/7f3a.mp3?x=1&y=2\","
                        + "\"PHONE\":\"+7 (900) 123-45-67\",\"DURATION\":\"95\",\"SRC\":\"pbx\"}")));
    assertThat(batch.events()).allMatch(event -> event.action() == Action.NOTE);
    assertThat(batch.touched().leadIds()).containsExactly(23001001L);
  }

  @Test
  void a_note_without_the_inner_note_block_is_read_as_well() {
    WebhookBatch batch =
        WebhookParser.parse(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[note][0][id]", "71000009",
                "leads[note][0][element_id]", "23001001",
                "leads[note][0][note_type]", "4"));

    assertThat(batch.events())
        .containsExactly(
            new NoteEvent(
                OptionalLong.of(71000009),
                new EntityRef(EntityKind.LEAD, 23001001L),
                OptionalLong.of(4),
                Optional.empty()));
  }

  @Test
  void a_chat_message_names_its_conversation_deal_and_client() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("message-add.form"));

    assertThat(batch.events())
        .containsExactly(
            new MessageEvent(
                Action.ADD,
                "d3bac6d3-1b5e-40c2-a054-4e0cfe283edb",
                Optional.of("54caee02-e383-46d8-a9b7-1fb43f07cffe"),
                OptionalLong.of(100),
                OptionalLong.of(61000001),
                Optional.of(new EntityRef(EntityKind.LEAD, 23001001L)),
                Optional.of("incoming"),
                Optional.of(Instant.ofEpochSecond(1718001200))));
    assertThat(batch.touched().leadIds()).containsExactly(23001001L);
    assertThat(batch.touched().contactIds()).containsExactly(61000001L);
  }

  @Test
  void a_new_conversation_is_a_talk_event_on_its_deal() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("talk-add.form"));

    assertThat(batch.events())
        .containsExactly(
            new TalkEvent(
                Action.ADD,
                106564L,
                Optional.of("844cb9e6-3dd4-4068-abe4-c569090048c1"),
                OptionalLong.of(61000001),
                Optional.of(new EntityRef(EntityKind.LEAD, 23001001L)),
                Optional.of(Instant.ofEpochSecond(1718001160))));
  }

  @Test
  void a_body_with_many_kinds_gives_each_its_event_in_body_order() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("mixed.form"));

    assertThat(batch.events())
        .extracting(WebhookEvent::kind, WebhookEvent::action)
        .containsExactly(
            tuple(EntityKind.LEAD, Action.STATUS),
            tuple(EntityKind.LEAD, Action.UPDATE),
            tuple(EntityKind.OTHER, Action.OTHER),
            tuple(EntityKind.TASK, Action.ADD),
            tuple(EntityKind.CONTACT, Action.UPDATE),
            tuple(EntityKind.NOTE, Action.NOTE),
            tuple(EntityKind.COMPANY, Action.ADD),
            tuple(EntityKind.MESSAGE, Action.ADD),
            tuple(EntityKind.OTHER, Action.ADD));
    assertThat(batch.skipped())
        .containsExactly(new SkippedEntry("leads[update][1]", "it has no id"));

    TouchedEntities touched = batch.touched();
    assertThat(touched.leadIds()).containsExactly(23001001L);
    assertThat(touched.taskIds()).containsExactly(41000003L);
    assertThat(touched.contactIds()).containsExactly(61000001L, 61000002L);
    assertThat(touched.companyIds()).containsExactly(62000001L);
  }

  @Test
  void unknown_kinds_and_actions_are_kept_with_their_raw_fields() {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body("mixed.form"));

    assertThat(batch.events())
        .filteredOn(event -> event instanceof OtherEvent)
        .containsExactly(
            new OtherEvent("leads", "merge", Map.of("id", "23001009", "merged_into", "23001001")),
            new OtherEvent(
                "customers", "add", Map.of("id", "81000001", "name", "Постоянный клиент")));
  }

  @Test
  void an_entry_whose_id_is_not_a_number_is_skipped_with_the_value_quoted() {
    WebhookBatch batch =
        WebhookParser.parse(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[update][0][id]", "12abc",
                "leads[update][1][id]", "23001001",
                "tasks[add][0][id]", "0",
                "message[add][0][text]", "no id",
                "talk[add][0][chat_id]", "no talk id",
                "contacts[update][0][id][x]", "61000001"));

    assertThat(batch.events()).extracting(WebhookEvent::kind).containsExactly(EntityKind.LEAD);
    assertThat(batch.skipped())
        .containsExactly(
            new SkippedEntry("leads[update][0]", "id '12abc' is not a positive whole number"),
            new SkippedEntry("tasks[add][0]", "id '0' is not a positive whole number"),
            new SkippedEntry("message[add][0]", "it has no id"),
            new SkippedEntry("talk[add][0]", "it has no talk_id"),
            new SkippedEntry("contacts[update][0]", "id is a group, not a number"));
  }

  @Test
  void plain_values_where_groups_belong_are_skipped_not_fatal() {
    WebhookBatch batch =
        WebhookParser.parse(
            Fixtures.form(
                "account[id]", "31000001",
                "foo", "bar",
                "leads[update]", "x",
                "tasks[add][0]", "y",
                "leads[status][0][id]", "23001001"));

    assertThat(batch.events()).hasSize(1);
    assertThat(batch.skipped())
        .extracting(SkippedEntry::where)
        .containsExactly("foo", "leads[update]", "tasks[add][0]");
  }

  @Test
  void a_bad_hint_is_left_out_and_the_entry_kept() {
    LeadEvent lead =
        (LeadEvent)
            WebhookParser.parse(
                    Fixtures.form(
                        "account[id]", "31000001",
                        "leads[update][0][id]", "23001001",
                        "leads[update][0][status_id]", "-5",
                        "leads[update][0][updated_at]", "99999999999999",
                        "leads[update][0][custom_fields][0][id]", "oops",
                        "leads[update][0][custom_fields][1][id]", "56",
                        "leads[update][0][custom_fields][1][values][0]", "bare text"))
                .events()
                .get(0);

    assertThat(lead.statusId()).isEmpty();
    assertThat(lead.updatedAt()).isEmpty();
    assertThat(lead.customFields())
        .containsExactly(new CustomField(56, Optional.empty(), List.of(value("bare text"))));
  }

  @Test
  void a_huge_index_is_just_a_key() {
    WebhookBatch batch =
        WebhookParser.parse(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[update][999999999][id]", "23001001",
                "leads[update][99999999999999999999999999999][id]", "23001002"));

    assertThat(batch.touched().leadIds()).containsExactly(23001001L, 23001002L);
  }

  @Test
  void the_account_block_alone_is_a_valid_empty_batch() {
    WebhookBatch batch =
        WebhookParser.parse(Fixtures.form("account[id]", "31000001", "account[subdomain]", ""));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.subdomain()).isEmpty();
    assertThat(batch.touched().isEmpty()).isTrue();
  }

  private static <T extends WebhookEvent> T onlyEvent(String fixture, Class<T> type) {
    WebhookBatch batch = WebhookParser.parse(Fixtures.body(fixture));
    assertThat(batch.skipped()).isEmpty();
    assertThat(batch.events()).hasSize(1).first().isInstanceOf(type);
    return type.cast(batch.events().get(0));
  }

  private static CustomField.Value value(String text) {
    return new CustomField.Value(Optional.of(text), OptionalLong.empty());
  }

  private static CustomField.Value value(String text, long enumId) {
    return new CustomField.Value(Optional.of(text), OptionalLong.of(enumId));
  }
}
