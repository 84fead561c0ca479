package app.reglament.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.CustomFieldValue;
import app.reglament.rules.facts.FieldValue;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of a deal's stored custom fields gives what binding them into {@link
 * CustomFieldValue}s and taking each value's text gives, for every shape a value can have.
 */
class CustomFieldsJsonTest {
  private static final TypeReference<List<CustomFieldValue>> VALUES = new TypeReference<>() {};

  /** The rules' view of the fields through the API model, the way the mirror's JSON was read. */
  private static List<FieldValue> bound(String json) throws Exception {
    List<FieldValue> out = new ArrayList<>();
    for (CustomFieldValue v : Json.mapper().readValue(json, VALUES)) {
      if (v.fieldId() == null) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (CustomFieldValue.Value value : v.values()) {
        if (value.text() != null) {
          texts.add(value.text());
        }
      }
      out.add(new FieldValue(v.fieldId(), v.fieldName(), v.fieldType(), texts));
    }
    return out;
  }

  @Test
  void every_shape_of_value_reads_as_the_bound_model_reads_it() throws Exception {
    String json =
        "[{\"fieldId\":9001,\"fieldName\":\"Продукт\",\"fieldCode\":null,\"fieldType\":\"select\","
            + "\"values\":[{\"value\":\"Окна\",\"enumId\":700,\"enumCode\":null}]},"
            + "{\"fieldId\":9003,\"fieldName\":\"Бюджет\",\"fieldType\":\"numeric\","
            + "\"values\":[{\"value\":711000},{\"value\":12.5},{\"value\":-3}]},"
            + "{\"fieldId\":9004,\"fieldName\":\"Да\",\"fieldType\":\"checkbox\","
            + "\"values\":[{\"value\":true},{\"value\":false}]},"
            + "{\"fieldId\":9005,\"fieldName\":\"Адрес\",\"fieldType\":\"legal_entity\","
            + "\"values\":[{\"value\":{\"name\":\"ООО \\\"Ромашка\\\"\",\"vat_id\":\"77\"}},"
            + "{\"value\":[1,\"два\"]}]},"
            + "{\"fieldId\":9006,\"fieldName\":\"Пусто\",\"fieldType\":\"text\","
            + "\"values\":[{\"value\":null},{\"enumId\":5},{\"value\":\"\"}]},"
            + "{\"fieldName\":\"без id\",\"values\":[{\"value\":\"x\"}]},"
            + "{\"fieldId\":9007,\"fieldName\":\"Много\",\"fieldType\":\"multiselect\","
            + "\"values\":[{\"value\":\"а\"},{\"value\":\"б\"}]}]";

    List<FieldValue> read = CustomFieldsJson.read(json);

    assertThat(read).isEqualTo(bound(json));
    assertThat(read).hasSize(6);
    assertThat(read.get(1).values()).containsExactly("711000", "12.5", "-3");
    assertThat(read.get(3).values())
        .containsExactly("{\"name\":\"ООО \\\"Ромашка\\\"\",\"vat_id\":\"77\"}", "[1,\"два\"]");
    assertThat(read.get(4).values()).containsExactly("");
  }

  @Test
  void keys_it_does_not_know_are_skipped_with_whatever_they_hold() {
    assertThat(
            CustomFieldsJson.read(
                "[{\"fieldId\":1,\"extra\":{\"nested\":[1,{\"values\":2}]},\"fieldName\":\"Город\","
                    + "\"fieldType\":\"text\",\"values\":[{\"value\":\"Пермь\",\"more\":[3]}]}]"))
        .containsExactly(new FieldValue(1L, "Город", "text", List.of("Пермь")));
  }

  @Test
  void amocrms_own_spelling_of_the_keys_is_read_too() {
    assertThat(
            CustomFieldsJson.read(
                "[{\"field_id\":1,\"field_name\":\"Город\",\"field_type\":\"text\","
                    + "\"values\":[{\"value\":\"Пермь\"}]}]"))
        .containsExactly(new FieldValue(1L, "Город", "text", List.of("Пермь")));
  }

  @Test
  void a_field_id_written_as_text_and_a_negative_zero_read_as_binding_read_them() throws Exception {
    String json =
        "[{\"fieldId\":\"9001\",\"fieldName\":\"Бюджет\",\"fieldType\":\"numeric\","
            + "\"values\":[{\"value\":-0},{\"value\":12345678901234567890}]}]";
    assertThat(CustomFieldsJson.read(json)).isEqualTo(bound(json));
    assertThat(CustomFieldsJson.read(json).get(0).values())
        .containsExactly("0", "12345678901234567890");
  }

  @Test
  void nothing_and_what_cannot_be_read_are_no_values() {
    // A value that is not an object, and a name that is not text, make the whole list unreadable.
    assertThat(CustomFieldsJson.read("[{\"fieldId\":1,\"values\":[\"x\"]}]")).isEmpty();
    assertThat(CustomFieldsJson.read("[{\"fieldId\":1,\"fieldName\":{\"a\":1},\"values\":[]}]"))
        .isEmpty();
    assertThat(CustomFieldsJson.read("[{\"fieldId\":\"один\",\"values\":[]}]")).isEmpty();
    assertThat(CustomFieldsJson.read("[{\"fieldId\":1,\"values\":[]}, 5]")).isEmpty();
    assertThat(CustomFieldsJson.read(null)).isEmpty();
    assertThat(CustomFieldsJson.read(" ")).isEmpty();
    assertThat(CustomFieldsJson.read("{}")).isEmpty();
    assertThat(CustomFieldsJson.read("[{\"fieldId\":1,\"values\":[")).isEmpty();
    assertThat(CustomFieldsJson.read("[]")).isEmpty();
  }
}
