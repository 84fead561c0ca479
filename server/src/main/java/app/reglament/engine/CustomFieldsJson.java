package app.reglament.engine;

import app.reglament.rules.facts.FieldValue;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a deal's stored custom fields (the mirror's JSON of {@code CustomFieldValue}s) into the
 * rules' field values with Jackson's streaming parser: a full evaluation reads a million of them,
 * and binding each into records first took a tenth of the whole read. A value's text is what {@code
 * CustomFieldValue.Value#text} gives: a scalar as its text, an object or array as JSON, null as
 * nothing.
 */
final class CustomFieldsJson {
  private static final ObjectMapper JSON = Json.mapper();

  private CustomFieldsJson() {}

  /** The field values; an empty list for no JSON, and for JSON this cannot read. */
  static List<FieldValue> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return List.of();
      }
      List<FieldValue> out = new ArrayList<>();
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
        FieldValue field = field(p);
        if (field != null) {
          out.add(field);
        }
      }
      expect(token, JsonToken.END_ARRAY);
      return out;
    } catch (IOException | RuntimeException e) {
      // The mirror wrote this JSON itself; a value it cannot read back is treated as no values.
      return List.of();
    }
  }

  /** One field, the parser on its START_OBJECT; null when it has no field id. */
  private static FieldValue field(JsonParser p) throws IOException {
    Long id = null;
    String name = null;
    String type = null;
    List<String> texts = new ArrayList<>(1);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      switch (key) {
        case "fieldId", "field_id" -> id = id(p, token);
        case "fieldName", "field_name" -> name = scalar(p, token);
        case "fieldType", "field_type" -> type = scalar(p, token);
        case "values" -> {
          if (token == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = p.nextToken()) == JsonToken.START_OBJECT) {
              String text = value(p);
              if (text != null) {
                texts.add(text);
              }
            }
            expect(item, JsonToken.END_ARRAY);
          } else if (token != JsonToken.VALUE_NULL) {
            throw new IOException("values is not a list");
          }
        }
        default -> p.skipChildren();
      }
    }
    return id == null ? null : new FieldValue(id, name, type, texts);
  }

  /** One value's text, the parser on its START_OBJECT. */
  private static String value(JsonParser p) throws IOException {
    String text = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      if ("value".equals(key)) {
        text =
            token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                ? JSON.readTree(p).toString()
                : scalar(p, token);
      } else {
        p.skipChildren();
      }
    }
    return text;
  }

  private static String scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
      case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
      default -> throw new IOException("Expected a value, found " + token);
    };
  }

  /** A field id: a number, or a number written as text (which binding also accepted). */
  private static Long id(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_STRING -> {
        try {
          yield Long.parseLong(p.getText().trim());
        } catch (NumberFormatException e) {
          throw new IOException("fieldId is not a number", e);
        }
      }
      default -> throw new IOException("fieldId is not a number");
    };
  }

  private static void expect(JsonToken found, JsonToken expected) throws IOException {
    if (found != expected) {
      throw new IOException("Expected " + expected + ", found " + found);
    }
  }
}
