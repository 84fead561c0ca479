package app.reglament.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The deal name the regulations' template gives: "{field:Продукт} / {contact} / {field:Город}",
 * where an empty part takes its separator with it ("Окна ПВХ / Казань", never "Окна ПВХ / /
 * Казань").
 */
final class Naming {
  static final String DEFAULT_FORM_NAME = "Заявка с сайта";
  static final String DEAL_NUMBER_PREFIX = "Сделка #";

  private Naming() {}

  static String render(String product, String contact, String city) {
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {product, contact, city}) {
      if (part != null && !part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return String.join(Regulations.NAMING_SEPARATOR, parts);
  }
}
