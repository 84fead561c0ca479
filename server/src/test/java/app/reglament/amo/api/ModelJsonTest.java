package app.reglament.amo.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.AmoAccount;
import app.reglament.amo.api.model.AmoUser;
import app.reglament.amo.api.model.CustomFieldDefinition;
import app.reglament.amo.api.model.CustomFieldValue;
import app.reglament.amo.api.model.CustomFieldValue.Value;
import app.reglament.amo.api.model.Lead;
import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.Note;
import app.reglament.amo.api.model.Pipeline;
import app.reglament.amo.api.model.Task;
import app.reglament.amo.api.model.TaskUpdate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** amoCRM's JSON as it comes (extra fields included) into our records, and ours out to it. */
class ModelJsonTest {
  private static final ObjectMapper AMO = AmoJson.mapper();
  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Test
  void readsALeadWithItsFieldsContactsAndLossReasonAndIgnoresFieldsItDoesNotKnow()
      throws Exception {
    Lead lead =
        AMO.readValue(
            """
            {"id": 19619, "name": "Окна / Иванов / Казань", "price": 46333,
             "responsible_user_id": 501, "group_id": 0, "status_id": 143, "pipeline_id": 11,
             "loss_reason_id": 7, "created_by": 0, "updated_by": 502,
             "created_at": 1796029200, "updated_at": 1796032800, "closed_at": 1796032800,
             "closest_task_at": null, "is_deleted": false, "score": null, "account_id": 28805,
             "labor_cost": null, "is_price_modified_by_robot": false,
             "custom_fields_values": [
               {"field_id": 3, "field_name": "Город", "field_code": null, "field_type": "select",
                "values": [{"value": "Казань", "enum_id": 12, "enum_code": null}]},
               {"field_id": 4, "field_name": "Замер", "field_code": null, "field_type": "date",
                "values": [{"value": 1796029200}]},
               {"field_id": 5, "field_name": "Юрлицо", "field_type": "legal_entity",
                "values": [{"value": {"name": "ООО Окна", "inn": "1655000000"}}]}],
             "_links": {"self": {"href": "https://okna.amocrm.ru/api/v4/leads/19619"}},
             "_embedded": {
               "tags": [{"id": 1, "name": "сайт", "color": null}],
               "companies": [{"id": 40, "_links": {}}],
               "contacts": [{"id": 30, "is_main": false}, {"id": 31, "is_main": true}],
               "loss_reason": [{"id": 7, "name": "Дорого", "sort": 1,
                                "created_at": 1700000000, "updated_at": 1700000000,
                                "_links": {}}]}}
            """,
            Lead.class);

    assertThat(lead.id()).isEqualTo(19619);
    assertThat(lead.createdBy()).isZero(); // a robot
    assertThat(lead.closedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(lead.closestTaskAt()).isNull();
    assertThat(lead.score()).isNull();
    assertThat(lead.customField(3).firstText()).isEqualTo("Казань");
    assertThat(lead.customField(3).values().get(0).enumId()).isEqualTo(12);
    assertThat(lead.customField(4).values().get(0).value().asLong()).isEqualTo(1796029200L);
    assertThat(lead.customField(5).firstText()).contains("\"inn\":\"1655000000\"");
    assertThat(lead.customField(99)).isNull();
    assertThat(lead.mainContactId()).isEqualTo(31);
    assertThat(lead.companies()).extracting(e -> e.id()).containsExactly(40L);
    assertThat(lead.tags()).extracting(t -> t.name()).containsExactly("сайт");
    assertThat(lead.lossReason().name()).isEqualTo("Дорого");
  }

  @Test
  void aLeadWithoutEmbeddedPartsHasEmptyListsNotNulls() throws Exception {
    Lead lead =
        AMO.readValue(
            "{\"id\":1,\"status_id\":101,\"pipeline_id\":11,\"custom_fields_values\":null}",
            Lead.class);

    assertThat(lead.customFieldsValues()).isEmpty();
    assertThat(lead.contacts()).isEmpty();
    assertThat(lead.mainContactId()).isNull();
    assertThat(lead.lossReason()).isNull();
  }

  @Test
  void acceptsALossReasonSentAsASingleObject() throws Exception {
    Lead lead =
        AMO.readValue(
            "{\"id\":1,\"status_id\":143,\"pipeline_id\":11,"
                + "\"_embedded\":{\"loss_reason\":{\"id\":7,\"name\":\"Дорого\"}}}",
            Lead.class);

    assertThat(lead.lossReason().id()).isEqualTo(7);
  }

  @Test
  void readsTheAccountWithGroupsAndTaskTypes() throws Exception {
    AmoAccount account =
        AMO.readValue(
            """
            {"id": 28805, "name": "Окна", "subdomain": "okna", "current_user_id": 501,
             "country": "RU", "currency": "RUB", "is_loss_reason_enabled": true,
             "_embedded": {"users_groups": [{"id": 0, "name": "Отдел продаж", "uuid": null}],
                           "task_types": [{"id": 1, "name": "Связаться", "color": null,
                                           "icon_id": null, "code": "FOLLOW_UP"},
                                          {"id": 2, "name": "Встреча", "code": "MEETING"}]}}
            """,
            AmoAccount.class);

    assertThat(account.currentUserId()).isEqualTo(501);
    assertThat(account.isLossReasonEnabled()).isTrue();
    assertThat(account.usersGroups()).extracting(g -> g.name()).containsExactly("Отдел продаж");
    assertThat(account.taskTypes())
        .extracting(t -> t.code())
        .containsExactly("FOLLOW_UP", "MEETING");
  }

  @Test
  void readsAUsersRights() throws Exception {
    AmoUser user =
        AMO.readValue(
            """
            {"id": 501, "name": "Иван", "email": "ivan@okna.ru", "lang": "ru",
             "rights": {"leads": {"view": "A"}, "is_admin": false, "is_free": false,
                        "is_active": true, "group_id": 3, "role_id": null,
                        "status_rights": [{"entity_type": "leads", "pipeline_id": 11}]}}
            """,
            AmoUser.class);

    assertThat(user.rights().isActive()).isTrue();
    assertThat(user.rights().isAdmin()).isFalse();
    assertThat(user.rights().groupId()).isEqualTo(3);
    assertThat(user.rights().roleId()).isNull();
  }

  @Test
  void readsAPipelineWithItsStages() throws Exception {
    Pipeline pipeline =
        AMO.readValue(
            """
            {"id": 11, "name": "Продажи", "sort": 1, "is_main": true, "is_unsorted_on": true,
             "is_archive": false, "account_id": 28805,
             "_embedded": {"statuses": [
               {"id": 100, "name": "Неразобранное", "sort": 10, "is_editable": false,
                "pipeline_id": 11, "color": "#c1c1c1", "type": 1, "account_id": 28805},
               {"id": 143, "name": "Закрыто и не реализовано", "sort": 10000,
                "is_editable": false, "pipeline_id": 11, "color": "#d5d8db", "type": 0}]}}
            """,
            Pipeline.class);

    assertThat(pipeline.statuses())
        .extracting(Pipeline.Status::id, Pipeline.Status::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(100L, Pipeline.Status.TYPE_INCOMING),
            org.assertj.core.groups.Tuple.tuple(Pipeline.Status.LOST, 0));
  }

  @Test
  void readsAFieldDefinitionWithOptionsAndRequiredStages() throws Exception {
    CustomFieldDefinition field =
        AMO.readValue(
            """
            {"id": 3, "name": "Город", "type": "select", "code": null, "sort": 510,
             "is_api_only": false, "entity_type": "leads", "group_id": null,
             "enums": [{"id": 12, "value": "Казань", "sort": 1}],
             "required_statuses": [{"status_id": 102, "pipeline_id": 11}]}
            """,
            CustomFieldDefinition.class);

    assertThat(field.enums()).extracting(e -> e.value()).containsExactly("Казань");
    assertThat(field.requiredStatuses())
        .containsExactly(new CustomFieldDefinition.RequiredStatus(102, 11));
  }

  @Test
  void readsATaskResultAndANotesParameters() throws Exception {
    Task task =
        AMO.readValue(
            "{\"id\":9,\"is_completed\":true,\"text\":\"Позвонить\","
                + "\"result\":{\"text\":\"+\"},\"complete_till\":1796029200}",
            Task.class);
    Note note =
        AMO.readValue(
            "{\"id\":5,\"entity_id\":19619,\"note_type\":\"call_out\",\"created_by\":501,"
                + "\"created_at\":1796029200,\"params\":{\"duration\":63,\"phone\":\"+7900\"}}",
            Note.class);

    assertThat(task.isCompleted()).isTrue();
    assertThat(task.resultText()).isEqualTo("+");
    assertThat(note.params().get("duration").asInt()).isEqualTo(63);
  }

  @Test
  void readsATaskWithoutAResultSentAsAnEmptyArray() throws Exception {
    Task task =
        AMO.readValue(
            "{\"id\":7,\"entity_id\":1,\"entity_type\":\"leads\",\"is_completed\":false,"
                + "\"text\":\"Связаться\",\"result\":[]}",
            Task.class);

    assertThat(task.result()).isNull();
  }

  @Test
  void writesALeadUpdateWithOnlyTheChangedFieldsAndTheStageWithItsPipeline() throws Exception {
    String json =
        AMO.writeValueAsString(
            LeadUpdate.of(19619)
                .withName("Окна / Иванов / Казань")
                .withStatus(11, 142)
                .withCustomFields(
                    List.of(
                        CustomFieldValue.of(3, Value.ofEnum(12)),
                        CustomFieldValue.of(6, Value.of("ул. Баумана")))));

    assertThat(PLAIN.readTree(json))
        .isEqualTo(
            PLAIN.readTree(
                """
                {"id": 19619, "name": "Окна / Иванов / Казань", "status_id": 142,
                 "pipeline_id": 11,
                 "custom_fields_values": [
                   {"field_id": 3, "values": [{"enum_id": 12}]},
                   {"field_id": 6, "values": [{"value": "ул. Баумана"}]}]}
                """));
  }

  @Test
  void writesTaskChangesAndNotesInAmoCrmsWords() throws Exception {
    assertThat(PLAIN.readTree(AMO.writeValueAsString(TaskUpdate.of(9).reopened())))
        .isEqualTo(PLAIN.readTree("{\"id\": 9, \"is_completed\": false}"));
    assertThat(
            PLAIN.readTree(
                AMO.writeValueAsString(
                    TaskUpdate.of(9)
                        .withCompleteTill(Instant.parse("2026-11-30T10:00:00Z"))
                        .completed("Клиент согласен на замер"))))
        .isEqualTo(
            PLAIN.readTree(
                "{\"id\": 9, \"complete_till\": 1796032800, \"is_completed\": true,"
                    + " \"result\": {\"text\": \"Клиент согласен на замер\"}}"));
    assertThat(
            PLAIN.readTree(
                AMO.writeValueAsString(
                    NewNote.serviceMessage(19619, "Reglament", "Не заполнено: Город"))))
        .isEqualTo(
            PLAIN.readTree(
                "{\"entity_id\": 19619, \"note_type\": \"service_message\","
                    + " \"params\": {\"service\": \"Reglament\", \"text\": \"Не заполнено: Город\"}}"));
  }
}
