package app.reglament.install;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.AmoValidationException;
import app.reglament.amo.api.model.Webhook;
import app.reglament.amo.oauth.OAuthClient;
import app.reglament.amo.oauth.TokenPair;
import app.reglament.amo.oauth.TokenService;
import app.reglament.sync.SyncStateRepository;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects an amoCRM account: exchanges the code, records the account and its tokens, subscribes
 * the webhooks and queues the initial sync. Installing again updates in place: the same webhook
 * address, no duplicate subscription, the mirror kept and brought up to date.
 */
public final class Installer {
  private static final Logger log = LoggerFactory.getLogger(Installer.class);

  /**
   * What Reglament listens to. Talks are not on every plan; they are asked for separately. Contacts
   * are heard too: a new lead usually comes with a new contact, whose name the deal-name template
   * uses, and the lead's webhook does not carry it.
   */
  public static final List<String> CORE_EVENTS =
      List.of(
          "add_lead",
          "update_lead",
          "status_lead",
          "responsible_lead",
          "delete_lead",
          "restore_lead",
          "add_task",
          "update_task",
          "delete_task",
          "note_lead",
          "add_contact",
          "update_contact");

  static final List<String> TALK_EVENTS = List.of("add_talk", "update_talk");

  static final List<String> ALL_EVENTS =
      Stream.concat(CORE_EVENTS.stream(), TALK_EVENTS.stream()).toList();

  private final OAuthClient oauth;
  private final TokenService tokens;
  private final AccountRepository accounts;
  private final SyncStateRepository syncState;
  private final AmoClient amo;
  private final URI publicUrl;
  private final Clock clock;
  private final Runnable wakeSync;
  private final java.util.function.LongConsumer onInstalled;

  public Installer(
      OAuthClient oauth,
      TokenService tokens,
      AccountRepository accounts,
      SyncStateRepository syncState,
      AmoClient amo,
      URI publicUrl,
      Clock clock,
      java.util.function.LongConsumer onInstalled,
      Runnable wakeSync) {
    this.onInstalled = onInstalled;
    this.oauth = oauth;
    this.tokens = tokens;
    this.accounts = accounts;
    this.syncState = syncState;
    this.amo = amo;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.wakeSync = wakeSync;
  }

  public Account install(String baseDomain, String code) {
    TokenPair pair = oauth.exchangeCode(baseDomain, code);
    OAuthClient.AccountIdentity identity = oauth.identify(baseDomain, pair.accessToken());
    // That was a request of the account's budget too, sent before the client knew the account.
    amo.countRequestSentElsewhere(identity.id());
    Account account = accounts.install(identity.id(), baseDomain, clock.instant());
    accounts.rename(identity.id(), identity.name());
    tokens.install(account.id(), pair);
    subscribeWebhooks(account);
    onInstalled.accept(account.id());
    syncState.queueInitial(account.id(), clock.instant());
    wakeSync.run();
    log.info("Installed Reglament into amoCRM account {} ({})", account.id(), baseDomain);
    return account;
  }

  /** The integration was switched off in amoCRM: no more traffic to or from the account. */
  public void disconnect(long accountId, String reason) {
    boolean known = accounts.changeState(accountId, AccountState.INACTIVE, reason, clock.instant());
    tokens.forget(accountId);
    if (known) {
      log.info("Account {} disconnected Reglament: {}", accountId, reason);
    }
  }

  public String webhookDestination(Account account) {
    return publicUrl + "/hooks/amo/" + account.hookToken();
  }

  private void subscribeWebhooks(Account account) {
    String destination = webhookDestination(account);
    for (Webhook existing : amo.webhooks().list(account.id(), destination)) {
      if (!Boolean.TRUE.equals(existing.disabled())
          && existing.settings().containsAll(CORE_EVENTS)) {
        return; // already subscribed: a re-installation adds nothing
      }
    }
    try {
      amo.webhooks().subscribe(account.id(), destination, ALL_EVENTS, 0);
    } catch (AmoValidationException e) {
      // Plans without chats refuse talk events; subscribe to the rest rather than to nothing.
      log.info(
          "amoCRM refused talk webhooks for account {}; subscribing without them", account.id());
      amo.webhooks().subscribe(account.id(), destination, CORE_EVENTS, 0);
    }
  }
}
