package app.reglament.amo.webhook;

import java.util.Locale;

/** An amoCRM entity named by kind and id, e.g. the deal a task or a chat message belongs to. */
public record EntityRef(EntityKind kind, long id) {

  /**
   * Reads amoCRM's two spellings of an entity type: the v2 numbers of {@code element_type} (1
   * contact, 2 lead, 3 company, 4 task) and the words of {@code entity_type} ("lead", "leads", …).
   * Anything else, customers included, is {@link EntityKind#OTHER}.
   */
  static EntityRef of(String type, long id) {
    EntityKind kind =
        switch (type.toLowerCase(Locale.ROOT)) {
          case "1", "contact", "contacts" -> EntityKind.CONTACT;
          case "2", "lead", "leads" -> EntityKind.LEAD;
          case "3", "company", "companies" -> EntityKind.COMPANY;
          case "4", "task", "tasks" -> EntityKind.TASK;
          default -> EntityKind.OTHER;
        };
    return new EntityRef(kind, id);
  }
}
