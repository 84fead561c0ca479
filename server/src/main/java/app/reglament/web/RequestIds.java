package app.reglament.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A request id for every request: taken from X-Request-Id when a proxy already set a sane one,
 * otherwise made up. It goes into the logging context (every log line of the request carries it),
 * into the response header and into every problem document.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = "reglament.requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  static void begin(Context ctx) {
    String incoming = ctx.header(HEADER);
    String id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  static void end() {
    MDC.remove(MDC_KEY);
  }

  /** The id of this request ("-" if it was rejected before ids were assigned). */
  public static String current(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id == null ? "-" : id;
  }

  private static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
