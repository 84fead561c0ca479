package app.reglament.sandbox.oauth;

/** amoCRM's "give access" page, reduced to what a person needs to click "Allow". */
final class AllowPage {
  private AllowPage() {}

  static String render(
      String accountName, String userName, String clientId, String state, String fromWidget) {
    return """
        <!doctype html>
        <html lang="ru">
        <head><meta charset="utf-8"><title>Предоставить доступ — %1$s</title>
        <style>
          body{font-family:sans-serif;background:#f5f5f5;display:flex;justify-content:center}
          main{background:#fff;margin-top:10vh;padding:2em 3em;border-radius:8px;max-width:32em}
          button{background:#4c8bf7;color:#fff;border:0;padding:.8em 2em;font-size:1em;
            border-radius:4px;cursor:pointer}
        </style></head>
        <body><main>
          <h1>Предоставить доступ</h1>
          <p>Интеграция <b>%3$s</b> получит доступ к аккаунту <b>%1$s</b> от имени
             пользователя <b>%2$s</b>: сделки, контакты, задачи, события и вебхуки.</p>
          <form method="post" action="/oauth/allow">
            <input type="hidden" name="client_id" value="%3$s">
            <input type="hidden" name="state" value="%4$s">
            <input type="hidden" name="from_widget" value="%5$s">
            <button type="submit" id="allow">Разрешить</button>
          </form>
        </main></body></html>
        """
        .formatted(
            escape(accountName),
            escape(userName),
            escape(clientId),
            escape(state),
            escape(fromWidget));
  }

  static String refusal(String message) {
    return "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Ошибка</title>"
        + "</head><body><h1>Ошибка авторизации</h1><p>"
        + escape(message)
        + "</p></body></html>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
