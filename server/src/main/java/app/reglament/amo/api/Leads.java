package app.reglament.amo.api;

import app.reglament.amo.api.model.Lead;
import app.reglament.amo.api.model.LeadUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Deals: {@code /api/v4/leads}, read with their contacts and loss reason. */
public final class Leads {
  static final String PATH = "/api/v4/leads";
  static final String KEY = "leads";
  static final String WITH = "contacts,loss_reason";

  private final HalPager pager;
  private final BatchWriter writer;
  private final int limit;

  Leads(HalPager pager, BatchWriter writer, AmoClientSettings settings) {
    this.pager = pager;
    this.writer = writer;
    this.limit = settings.pageLimit();
  }

  /** Hands the matching leads to {@code pageConsumer} one page at a time. */
  public void forEachPage(long accountId, EntityFilter filter, Consumer<List<Lead>> pageConsumer) {
    AmoRequest request = filter.applyTo(AmoRequest.get(PATH).param("with", WITH));
    pager.forEachPageOfIds(
        accountId,
        request,
        "filter[id][]",
        filter.ids(),
        limit,
        KEY,
        Lead.class,
        limit,
        pageConsumer);
  }

  /**
   * One page of the leads changed since {@code filter.updatedFrom()}, oldest change first, {@link
   * #pageLimit()} at most. A reconciliation walks these by its own cursor, because page numbers
   * shift under it when leads change during the walk.
   */
  public List<Lead> changedPage(long accountId, EntityFilter filter, int page) {
    return pager.page(
        accountId,
        filter.applyTo(AmoRequest.get(PATH).param("with", WITH)),
        KEY,
        Lead.class,
        limit,
        page);
  }

  public int pageLimit() {
    return limit;
  }

  /** All matching leads at once: for id lists and small accounts, not a full scan. */
  public List<Lead> list(long accountId, EntityFilter filter) {
    List<Lead> all = new ArrayList<>();
    forEachPage(accountId, filter, all::addAll);
    return all;
  }

  /** Applies the changes in batches; returns the updated leads' ids in order. */
  public List<Long> update(long accountId, List<LeadUpdate> updates) {
    return writer.write(accountId, "PATCH", PATH, KEY, updates, BatchProgress.NONE);
  }
}
