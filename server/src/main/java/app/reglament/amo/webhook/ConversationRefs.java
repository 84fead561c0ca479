package app.reglament.amo.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What a message or talk touches: the entity it is attached to and the client's contact. */
final class ConversationRefs {
  private ConversationRefs() {}

  static List<EntityRef> of(Optional<EntityRef> entity, OptionalLong contactId) {
    List<EntityRef> touched = new ArrayList<>(2);
    entity.ifPresent(touched::add);
    contactId.ifPresent(
        id -> {
          EntityRef contact = new EntityRef(EntityKind.CONTACT, id);
          if (!touched.contains(contact)) {
            touched.add(contact);
          }
        });
    return List.copyOf(touched);
  }
}
