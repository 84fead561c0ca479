package app.reglament.sandbox.store;

import java.util.List;
import java.util.Optional;

/** A sales pipeline with its stages in display order; 142 and 143 are always among them. */
public record Pipeline(long id, String name, int sort, boolean main, List<Status> statuses) {

  public Pipeline {
    statuses = List.copyOf(statuses);
  }

  public Optional<Status> status(long statusId) {
    return statuses.stream().filter(s -> s.id() == statusId).findFirst();
  }

  /**
   * Where a deal lands when it enters this pipeline without a stage: the first regular stage, as
   * amoCRM does (the "unsorted" stage is for incoming requests only).
   */
  public Status firstStage() {
    return statuses.stream()
        .filter(s -> s.type() == Status.TYPE_REGULAR && !s.closed())
        .findFirst()
        .orElse(statuses.get(0));
  }
}
