package app.reglament.sandbox.store;

import java.util.List;

/** A contact to create; a null responsible user is the acting user. */
public record NewContact(String name, Long responsibleUserId, List<FieldValue> customFields) {

  public NewContact {
    customFields = customFields == null ? List.of() : List.copyOf(customFields);
  }

  public static NewContact named(String name) {
    return new NewContact(name, null, List.of());
  }
}
