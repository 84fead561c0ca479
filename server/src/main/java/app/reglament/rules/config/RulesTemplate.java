package app.reglament.rules.config;

import app.reglament.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regulations a newly installed account starts with ({@code REGLAMENT_RULES_TEMPLATE}): an
 * operator serving several similar departments writes them once. The file is checked at start-up,
 * so a bad template stops the server instead of reaching an account.
 */
public final class RulesTemplate {
  private static final Logger log = LoggerFactory.getLogger(RulesTemplate.class);

  private final Path file;
  private final JsonNode document;

  private RulesTemplate(Path file, JsonNode document) {
    this.file = file;
    this.document = document;
  }

  /**
   * Reads and validates the template.
   *
   * @throws ConfigException naming the variable, the file and every problem in it
   */
  public static RulesTemplate load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          "REGLAMENT_RULES_TEMPLATE: cannot read " + file + ": " + e.getMessage());
    }
    try {
      RulesConfig config = RulesDocument.parse(text);
      return new RulesTemplate(file, RulesDocument.render(config));
    } catch (RulesValidationException e) {
      throw new ConfigException(
          "REGLAMENT_RULES_TEMPLATE: "
              + file
              + " is not a valid rules document: "
              + e.problems().stream()
                  .map(p -> (p.key().isEmpty() ? "" : p.key() + ": ") + p.message())
                  .collect(Collectors.joining("; ")));
    }
  }

  /** Gives the account the template's rules, unless it has saved rules of its own. */
  public void applyTo(RulesRepository rules, long accountId) {
    if (rules.currentVersion(accountId) != 0) {
      return; // installed again: the account keeps the rules it has
    }
    try {
      rules.save(accountId, document, null, 0);
      log.info("Account {} starts with the rules of {}", accountId, file.getFileName());
    } catch (RulesConflictException e) {
      log.info("Account {} got rules of its own meanwhile; the template is not applied", accountId);
    }
  }
}
