package app.reglament.amo.webhook;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The ids a batch says may have changed, by kind, each once and in ascending order. */
public record TouchedEntities(
    SortedSet<Long> leadIds,
    SortedSet<Long> taskIds,
    SortedSet<Long> contactIds,
    SortedSet<Long> companyIds) {

  static TouchedEntities of(List<WebhookEvent> events) {
    SortedSet<Long> leads = new TreeSet<>();
    SortedSet<Long> tasks = new TreeSet<>();
    SortedSet<Long> contacts = new TreeSet<>();
    SortedSet<Long> companies = new TreeSet<>();
    for (WebhookEvent event : events) {
      for (EntityRef ref : event.touched()) {
        switch (ref.kind()) {
          case LEAD -> leads.add(ref.id());
          case TASK -> tasks.add(ref.id());
          case CONTACT -> contacts.add(ref.id());
          case COMPANY -> companies.add(ref.id());
          default -> {
            // customers and other kinds: nothing Reglament re-reads
          }
        }
      }
    }
    return new TouchedEntities(
        Collections.unmodifiableSortedSet(leads),
        Collections.unmodifiableSortedSet(tasks),
        Collections.unmodifiableSortedSet(contacts),
        Collections.unmodifiableSortedSet(companies));
  }

  public boolean isEmpty() {
    return leadIds.isEmpty() && taskIds.isEmpty() && contactIds.isEmpty() && companyIds.isEmpty();
  }
}
