package app.reglament.amo.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON dialect of amoCRM, unlike Reglament's own ({@code web.Json}): snake_case names, Unix
 * seconds for instants, nulls left out of what we send, and unknown properties ignored because
 * amoCRM adds fields without notice and a new field must not stop a sync.
 */
public final class AmoJson {
  /** amoCRM entities nest a few levels (lead → _embedded → contacts → _links); this is ample. */
  static final int MAX_NESTING_DEPTH = 64;

  private AmoJson() {}

  public static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // amoCRM's PHP backend writes an empty object as [] (a task without a result).
            .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(unixSeconds())
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    return mapper;
  }

  private static SimpleModule unixSeconds() {
    var module = new SimpleModule("amoCRM Unix seconds");
    module.addSerializer(
        Instant.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeNumber(value.getEpochSecond());
          }
        });
    module.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
              return Instant.ofEpochSecond(p.getLongValue());
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
              return Instant.ofEpochSecond((long) Math.floor(p.getDoubleValue()));
            }
            if (token == JsonToken.VALUE_STRING) {
              String text = p.getText().strip();
              if (text.isEmpty()) {
                return null;
              }
              try {
                return Instant.ofEpochSecond(Long.parseLong(text));
              } catch (NumberFormatException e) {
                return (Instant)
                    ctx.handleWeirdStringValue(Instant.class, text, "not Unix seconds");
              }
            }
            return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
          }
        });
    return module;
  }
}
