package app.reglament.sandbox.oauth;

import app.reglament.sandbox.store.Account;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * amoCRM's OAuth 2.0 side for the one integration the sandbox knows.
 *
 * <ul>
 *   <li>{@code GET /oauth?client_id&state&mode[&from_widget]}: the "Allow" page.
 *   <li>{@code GET|POST /oauth/allow} (same parameters): issues a code and redirects to the
 *       redirect URI with {@code code}, {@code referer} (the sandbox's host:port), {@code state},
 *       {@code client_id} and, when asked, {@code from_widget}. Scripts may call it directly.
 *   <li>{@code POST /oauth2/access_token}: the {@code authorization_code} and {@code refresh_token}
 *       grants, JSON or form-encoded.
 * </ul>
 *
 * The admin who "clicks Allow" is the account's current user: the tokens act as them.
 */
public final class OAuthController {
  private static final Logger log = LoggerFactory.getLogger(OAuthController.class);
  private static final String AUTHORIZATION_CODE = "authorization_code";
  private static final String REFRESH_TOKEN = "refresh_token";

  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final TokenAuthority tokens;
  private final Store store;
  private final Supplier<String> referer;
  private final ObjectMapper json;

  public OAuthController(
      String clientId,
      String clientSecret,
      URI redirectUri,
      TokenAuthority tokens,
      Store store,
      Supplier<String> referer,
      ObjectMapper json) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.tokens = tokens;
    this.store = store;
    this.referer = referer;
    this.json = json;
  }

  public void authorizePage(Context ctx) {
    if (!clientId.equals(ctx.queryParam("client_id"))) {
      ctx.status(400).html(AllowPage.refusal("Интеграция с таким client_id не найдена"));
      return;
    }
    Account account = store.account();
    String userName = store.user(account.currentUserId()).map(User::name).orElse("администратор");
    ctx.html(
        AllowPage.render(
            account.name(),
            userName,
            clientId,
            orEmpty(ctx.queryParam("state")),
            orEmpty(ctx.queryParam("from_widget"))));
  }

  public void allow(Context ctx) {
    String askedClient = param(ctx, "client_id");
    if (!clientId.equals(askedClient)) {
      ctx.status(400).html(AllowPage.refusal("Интеграция с таким client_id не найдена"));
      return;
    }
    String code = tokens.issueCode(store.account().currentUserId());
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", code);
    query.put("referer", referer.get());
    query.put("state", orEmpty(param(ctx, "state")));
    query.put("client_id", clientId);
    String fromWidget = param(ctx, "from_widget");
    if (fromWidget != null && !fromWidget.isBlank()) {
      query.put("from_widget", fromWidget);
    }
    log.info("Access granted to integration {}; redirecting to {}", clientId, redirectUri);
    ctx.redirect(withQuery(redirectUri, query));
  }

  public void token(Context ctx) {
    try {
      Map<String, String> request = requestFields(ctx);
      checkClient(request);
      IssuedTokens issued =
          switch (request.getOrDefault("grant_type", "")) {
            case AUTHORIZATION_CODE -> tokens.exchangeCode(required(request, "code"));
            case REFRESH_TOKEN -> tokens.refresh(required(request, REFRESH_TOKEN));
            default ->
                throw OAuthRefusal.badRequest(
                    "The authorization grant type is not supported by the authorization server.");
          };
      log.info("Issued a token pair through the {} grant", request.get("grant_type"));
      ObjectNode body = json.createObjectNode();
      body.put("token_type", "Bearer");
      body.put("expires_in", issued.expiresInSeconds());
      body.put("access_token", issued.accessToken());
      body.put("refresh_token", issued.refreshToken());
      body.put("server_time", store.now().getEpochSecond());
      ctx.status(200)
          .contentType("application/json")
          .result(body.toString().getBytes(StandardCharsets.UTF_8));
    } catch (OAuthRefusal refusal) {
      log.info("Token request refused ({}): {}", refusal.status(), refusal.hint());
      ObjectNode body = json.createObjectNode();
      body.put("hint", refusal.hint());
      body.put("title", refusal.title());
      body.put("type", OAuthRefusal.TYPE);
      body.put("status", refusal.status());
      body.put("detail", refusal.detail());
      ctx.status(refusal.status())
          .contentType("application/problem+json")
          .result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void checkClient(Map<String, String> request) {
    required(request, "client_id");
    required(request, "client_secret");
    required(request, "grant_type");
    if (!clientId.equals(request.get("client_id"))
        || !clientSecret.equals(request.get("client_secret"))) {
      throw OAuthRefusal.unauthorized("Client authentication failed");
    }
    String redirect = required(request, "redirect_uri");
    if (!redirectUri.toString().equals(redirect)) {
      throw OAuthRefusal.badRequest("Check the `redirect_uri` parameter");
    }
  }

  private Map<String, String> requestFields(Context ctx) {
    Map<String, String> fields = new LinkedHashMap<>();
    String contentType = orEmpty(ctx.contentType());
    if (contentType.contains("json")) {
      JsonNode body;
      try {
        body = json.readTree(ctx.body());
      } catch (Exception e) {
        throw OAuthRefusal.badRequest("The request body is not JSON");
      }
      if (body == null || !body.isObject()) {
        throw OAuthRefusal.badRequest("The request body must be a JSON object");
      }
      body.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isValueNode()) {
                  fields.put(e.getKey(), e.getValue().asText());
                }
              });
    } else {
      ctx.formParamMap()
          .forEach((key, values) -> fields.put(key, values.isEmpty() ? "" : values.get(0)));
    }
    return fields;
  }

  private static String required(Map<String, String> request, String name) {
    String value = request.get(name);
    if (value == null || value.isBlank()) {
      throw OAuthRefusal.badRequest("Check the `" + name + "` parameter");
    }
    return value;
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value != null ? value : ctx.queryParam(name);
  }

  private static String withQuery(URI base, Map<String, String> query) {
    StringBuilder url = new StringBuilder(base.toString());
    char separator = base.getRawQuery() == null ? '?' : '&';
    for (Map.Entry<String, String> entry : query.entrySet()) {
      url.append(separator)
          .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
