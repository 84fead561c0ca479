package app.reglament.amo.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v4/leads/pipelines}, statuses included. */
public record Pipeline(
    long id,
    String name,
    Integer sort,
    boolean isMain,
    boolean isUnsortedOn,
    boolean isArchive,
    Long accountId,
    @JsonProperty("_embedded") Embedded embedded) {

  public Pipeline {
    embedded = embedded == null ? new Embedded(null) : embedded;
  }

  public record Embedded(List<Status> statuses) {
    public Embedded {
      statuses = Nulls.list(statuses);
    }
  }

  public List<Status> statuses() {
    return embedded.statuses();
  }

  /**
   * A stage. Ids 142 (won) and 143 (lost) repeat in every pipeline, so a stage is identified by the
   * pair ({@code pipelineId}, {@code id}).
   *
   * @param type 1 = incoming ("unsorted"), 0 = regular
   */
  public record Status(
      long id,
      String name,
      Integer sort,
      boolean isEditable,
      long pipelineId,
      String color,
      int type,
      Long accountId) {
    public static final long WON = 142;
    public static final long LOST = 143;
    public static final int TYPE_INCOMING = 1;
  }
}
