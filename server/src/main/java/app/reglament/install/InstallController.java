package app.reglament.install;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.amo.api.AmoException;
import app.reglament.amo.oauth.AmoHosts;
import app.reglament.amo.oauth.OAuthException;
import app.reglament.engine.ComplianceSummary;
import app.reglament.inbox.InboxRepository;
import app.reglament.sync.SyncStateRepository;
import app.reglament.sync.SyncStatus;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The installation's HTTP side: {@code GET /oauth/install} (starts the OAuth flow), {@code GET
 * /oauth/callback} (amoCRM returns here with the code), {@code GET /oauth/disconnect} (amoCRM says
 * the integration was switched off) and {@code GET /install/{accountId}/status?key=…} (the
 * account's sync progress, for the admin who just installed).
 */
public final class InstallController {
  private static final URI DEFAULT_AUTHORIZE_BASE = URI.create("https://www.amocrm.ru");

  private final Installer installer;
  private final AmoHosts hosts;
  private final AccountRepository accounts;
  private final SyncStateRepository syncState;
  private final InboxRepository inbox;
  private final InstallState states;
  private final String clientId;
  private final String clientSecret;
  private final Optional<URI> amoBaseOverride;
  private final ComplianceSummary compliance;

  public InstallController(
      Installer installer,
      AmoHosts hosts,
      AccountRepository accounts,
      SyncStateRepository syncState,
      InboxRepository inbox,
      String clientId,
      String clientSecret,
      Optional<URI> amoBaseOverride,
      ComplianceSummary compliance,
      Clock clock) {
    this.installer = installer;
    this.hosts = hosts;
    this.accounts = accounts;
    this.syncState = syncState;
    this.inbox = inbox;
    this.states = new InstallState(clientSecret, clock);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.amoBaseOverride = amoBaseOverride;
    this.compliance = compliance;
  }

  public void start(Context ctx) {
    URI base = amoBaseOverride.orElse(DEFAULT_AUTHORIZE_BASE);
    ctx.redirect(
        base.resolve("/oauth")
            + "?client_id="
            + encode(clientId)
            + "&state="
            + encode(states.issue())
            + "&mode=post_message");
  }

  public void callback(Context ctx) {
    String code = required(ctx, "code");
    String referer = required(ctx, "referer");
    String baseDomain =
        hosts
            .acceptBaseDomain(referer)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.BAD_REQUEST,
                        "referer must be an amoCRM account host such as sales.amocrm.ru, got '"
                            + referer
                            + "'"));
    boolean fromWidget = ctx.queryParam("from_widget") != null;
    if (!fromWidget && !states.valid(ctx.queryParam("state"))) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "The state parameter is missing, forged or older than 20 minutes: start the installation"
              + " again from /oauth/install or from amoCRM");
    }
    Account account;
    try {
      account = installer.install(baseDomain, code);
    } catch (OAuthException e) {
      if (e.invalidGrant()) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST,
            "amoCRM refused the authorization code (it works once and lives 20 minutes): install"
                + " again");
      }
      throw new ProblemException(
          ProblemType.BAD_GATEWAY, "amoCRM did not complete the installation: " + e.getMessage());
    } catch (AmoException e) {
      throw new ProblemException(
          ProblemType.BAD_GATEWAY, "amoCRM did not complete the installation: " + e.getMessage());
    }
    String statusUrl = "/install/" + account.id() + "/status?key=" + statusKey(account.id());
    ctx.status(200).json(Map.of("accountId", account.id(), "installed", true, "status", statusUrl));
  }

  public void disconnect(Context ctx) {
    String accountId = required(ctx, "account_id");
    String signature = required(ctx, "signature");
    byte[] expected =
        HexFormat.of()
            .formatHex(
                InstallState.hmac(
                    clientSecret.getBytes(StandardCharsets.UTF_8), clientId + "|" + accountId))
            .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected,
        signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw new ProblemException(ProblemType.FORBIDDEN, "The disconnect signature does not verify");
    }
    long id;
    try {
      id = Long.parseLong(accountId);
    } catch (NumberFormatException e) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "account_id must be a number");
    }
    installer.disconnect(id, "amoCRM reported that the integration was disconnected");
    ctx.json(Map.of("disconnected", true));
  }

  public void status(Context ctx) {
    long accountId;
    try {
      accountId = Long.parseLong(ctx.pathParam("accountId"));
    } catch (NumberFormatException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No such installation");
    }
    String key = ctx.queryParam("key");
    if (key == null
        || !MessageDigest.isEqual(
            statusKey(accountId).getBytes(StandardCharsets.US_ASCII),
            key.getBytes(StandardCharsets.US_ASCII))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No such installation");
    }
    Account account =
        accounts
            .find(accountId)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such installation"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accountId", account.id());
    body.put("state", account.state().code());
    account.stateReason().ifPresent(reason -> body.put("stateReason", reason));
    body.put("sync", syncState.status(account.id()).orElse(SyncStatus.queued()));
    body.put("parkedWebhooks", inbox.parked(account.id(), 20));
    compliance.of(account.id()).ifPresent(summary -> body.put("compliance", summary));
    ctx.json(body);
  }

  /**
   * The secret of an installation's status page: derived from the client secret, so nothing is
   * stored, and distinct from the webhook token, which must not travel through browsers.
   */
  private String statusKey(long accountId) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            InstallState.hmac(
                clientSecret.getBytes(StandardCharsets.UTF_8), "status|" + accountId));
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST, "The query parameter '" + name + "' is required");
    }
    return value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
