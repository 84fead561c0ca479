package app.reglament.web;

/**
 * The stable kinds of problem Reglament answers with; the slug is part of the external contract.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", "The request is not valid", 400),
  MALFORMED_JSON("malformed-json", "The request body is not valid JSON", 400),
  MALFORMED_WEBHOOK("malformed-webhook", "The webhook body is not in amoCRM's form", 400),
  UNAUTHORIZED("unauthorized", "Authentication is required", 401),
  FORBIDDEN("forbidden", "This is not allowed for you", 403),
  ACCOUNT_NOT_CONNECTED(
      "account-not-connected", "Reglament is not connected to this amoCRM account", 403),
  NOT_FOUND("not-found", "Nothing is here", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "This method is not allowed here", 405),
  CONFLICT("conflict", "The request conflicts with the current state", 409),
  GONE("gone", "This is no longer here", 410),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "This content type is not accepted here", 415),
  INVALID_RULES("invalid-rules", "The regulations are not valid", 422),
  INVALID_REQUEST("invalid-request", "The request's values are not valid", 422),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  INTERNAL("internal-error", "Reglament failed to handle the request", 500),
  BAD_GATEWAY("amocrm-failed", "amoCRM did not answer as expected", 502),
  SERVICE_UNAVAILABLE("service-unavailable", "Reglament cannot serve this right now", 503);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The type for an HTTP status that a handler or Javalin itself raised. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && !type.slug.startsWith("malformed")) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
