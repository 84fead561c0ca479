package app.reglament.rules.config;

import app.reglament.rules.facts.AccountFacts;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * DESIGN.md's rules document: JSON in, {@link RulesConfig} out, and back. A missing key takes its
 * default ({@code {}} is the defaults); an unknown key, a wrong type or a bad value is refused with
 * a {@link RulesValidationException} that lists every problem by its key.
 */
public final class RulesDocument {
  private static final ObjectMapper MAPPER = Json.mapper();
  // A key given twice would otherwise quietly mean its last value.
  private static final ObjectReader STRICT_READER =
      MAPPER
          .reader()
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RulesDocument() {}

  /** The regulations the document describes. */
  public static RulesConfig parse(JsonNode document) {
    return RulesReader.read(document);
  }

  /** The regulations the JSON text describes; text that is not JSON is refused like a bad value. */
  public static RulesConfig parse(String json) {
    try {
      return parse(STRICT_READER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new RulesValidationException(
          List.of(new RulesProblem("", "is not valid JSON: " + e.getOriginalMessage())));
    }
  }

  /** The full document, every key present, in DESIGN.md's order. */
  public static ObjectNode render(RulesConfig config) {
    return RulesWriter.write(config);
  }

  /** {@link #render} as compact JSON text: the normalized form that is stored. */
  public static String toJson(RulesConfig config) {
    try {
      return MAPPER.writeValueAsString(render(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  /**
   * What the regulations name that the account does not have: users, pipelines, statuses, deal
   * fields. Empty when everything exists. For saves from the widget, where the account's facts are
   * at hand; loading never checks, because a pipeline deleted in amoCRM must not break the rules.
   */
  public static List<RulesProblem> checkReferences(RulesConfig config, AccountFacts account) {
    return ReferenceCheck.problems(config, account);
  }
}
