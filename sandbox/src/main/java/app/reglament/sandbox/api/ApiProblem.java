package app.reglament.sandbox.api;

/**
 * An API refusal answered as amoCRM's problem+json: {@code {"title","type","status","detail"}}.
 * Thrown by handlers and the guard; written in one place, {@link ApiErrors}.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String title;

  public ApiProblem(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "Bad Request", detail);
  }

  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "Unauthorized", detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not Found", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** amoCRM types its problems by the status page of httpstatus.es. */
  public String type() {
    return "https://httpstatus.es/" + status;
  }

  public String detail() {
    return getMessage();
  }
}
