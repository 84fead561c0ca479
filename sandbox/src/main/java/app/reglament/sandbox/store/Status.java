package app.reglament.sandbox.store;

/**
 * A stage of a pipeline. Ids {@link #WON} and {@link #LOST} repeat in every pipeline, so a stage is
 * named by the pair ({@code pipelineId}, {@code id}).
 *
 * @param type {@link #TYPE_INCOMING} for the "unsorted" stage, {@link #TYPE_REGULAR} otherwise
 */
public record Status(long id, long pipelineId, String name, int sort, int type, String color) {
  public static final long WON = 142;
  public static final long LOST = 143;
  public static final int TYPE_REGULAR = 0;
  public static final int TYPE_INCOMING = 1;

  /** Won or lost: the deal is over. */
  public boolean closed() {
    return id == WON || id == LOST;
  }

  /** amoCRM lets an admin rename or delete regular stages only. */
  public boolean editable() {
    return !closed() && type != TYPE_INCOMING;
  }
}
