package app.reglament.sandbox.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates contacts; the sandbox keeps no contact field definitions, so values are taken as given.
 */
final class ContactWriter {
  private ContactWriter() {}

  static List<Contact> create(Write write, List<NewContact> input) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      NewContact in = input.get(i);
      LeadWriter.checkUser(write.state, responsible(write, in), i, violations);
      if (in.name() == null || in.name().isBlank()) {
        violations.add(new Violation(i, Violation.FIELD_MISSING, "name", "A contact needs a name"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    return input.stream().map(in -> add(write, in)).toList();
  }

  private static long responsible(Write write, NewContact in) {
    return in.responsibleUserId() == null ? write.actingUser() : in.responsibleUserId();
  }

  private static Contact add(Write write, NewContact in) {
    long responsible = responsible(write, in);
    Contact contact =
        new Contact(
            write.state.newContactId(),
            in.name(),
            responsible,
            in.customFields(),
            write.by,
            write.by,
            write.at,
            write.at);
    write.state.contacts.put(contact.id(), contact);
    write.event(
        EventTypes.CONTACT_ADDED,
        EventTypes.ENTITY_CONTACT,
        contact.id(),
        EventValues.none(),
        EventValues.none());
    write.changes.add(new Change.ContactAdded(contact));
    return contact;
  }
}
