package app.reglament.amo.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v4/contacts}. */
public record Contact(
    long id,
    String name,
    String firstName,
    String lastName,
    Long responsibleUserId,
    Long groupId,
    Long createdBy,
    Long updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant closestTaskAt,
    boolean isDeleted,
    List<CustomFieldValue> customFieldsValues,
    Long accountId,
    @JsonProperty("_embedded") Embedded embedded) {

  public Contact {
    customFieldsValues = Nulls.list(customFieldsValues);
    embedded = embedded == null ? new Embedded(null, null) : embedded;
  }

  public record Embedded(List<EntityLink> companies, List<Tag> tags) {
    public Embedded {
      companies = Nulls.list(companies);
      tags = Nulls.list(tags);
    }
  }

  public List<EntityLink> companies() {
    return embedded.companies();
  }

  public List<Tag> tags() {
    return embedded.tags();
  }
}
