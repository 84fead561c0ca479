package app.reglament.sandbox.oauth;

/**
 * The token endpoint's refusal, answered as amoCRM does: {@code {"hint","title","type","status",
 * "detail"}}. The hint is what integrations read ("Token has been revoked").
 */
public final class OAuthRefusal extends RuntimeException {
  static final String TYPE = "https://developers.amocrm.ru/v3/errors/OAuthProblemJson";
  static final String BAD_REQUEST_TITLE = "Некорректный запрос";
  static final String BAD_REQUEST_DETAIL =
      "В запросе отсутствует ряд параметров или параметры невалидны";

  private final int status;
  private final String hint;

  OAuthRefusal(int status, String hint) {
    super(hint);
    this.status = status;
    this.hint = hint;
  }

  static OAuthRefusal badRequest(String hint) {
    return new OAuthRefusal(400, hint);
  }

  static OAuthRefusal unauthorized(String hint) {
    return new OAuthRefusal(401, hint);
  }

  public int status() {
    return status;
  }

  public String hint() {
    return hint;
  }

  public String title() {
    return status == 401 ? "Unauthorized" : BAD_REQUEST_TITLE;
  }

  public String detail() {
    return status == 401 ? "Client authentication failed" : BAD_REQUEST_DETAIL;
  }
}
