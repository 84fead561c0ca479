package app.reglament.amo.api;

import app.reglament.amo.api.model.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Contacts: {@code /api/v4/contacts}. */
public final class Contacts {
  static final String PATH = "/api/v4/contacts";
  static final String KEY = "contacts";

  private final HalPager pager;
  private final int limit;

  Contacts(HalPager pager, AmoClientSettings settings) {
    this.pager = pager;
    this.limit = settings.pageLimit();
  }

  public void forEachPage(
      long accountId, EntityFilter filter, Consumer<List<Contact>> pageConsumer) {
    pager.forEachPageOfIds(
        accountId,
        filter.applyTo(AmoRequest.get(PATH)),
        "filter[id][]",
        filter.ids(),
        limit,
        KEY,
        Contact.class,
        limit,
        pageConsumer);
  }

  /** One page of the contacts changed since {@code filter.updatedFrom()}, oldest change first. */
  public List<Contact> changedPage(long accountId, EntityFilter filter, int page) {
    return pager.page(
        accountId, filter.applyTo(AmoRequest.get(PATH)), KEY, Contact.class, limit, page);
  }

  public List<Contact> list(long accountId, EntityFilter filter) {
    List<Contact> all = new ArrayList<>();
    forEachPage(accountId, filter, all::addAll);
    return all;
  }
}
