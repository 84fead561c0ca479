package app.reglament.amo.api;

import java.util.List;

/**
 * Told after each batch amoCRM accepted, before the next is sent: when a later batch fails, the
 * caller knows which creates already happened and must not be repeated.
 */
@FunctionalInterface
public interface BatchProgress {
  BatchProgress NONE = (fromIndex, ids) -> {};

  /**
   * @param fromIndex position in the caller's list of the batch's first entity
   * @param ids the ids amoCRM gave the batch's entities, in the caller's order
   */
  void written(int fromIndex, List<Long> ids);
}
