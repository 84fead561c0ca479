package app.reglament.sandbox.store;

/**
 * Told about every change set, in the order the changes were made. Called while the store is
 * locked, so that order holds across threads: a listener must be quick (queue the work) and must
 * not write to the store. It may read it.
 */
@FunctionalInterface
public interface StoreListener {
  void changed(ChangeSet changes, Store store);
}
