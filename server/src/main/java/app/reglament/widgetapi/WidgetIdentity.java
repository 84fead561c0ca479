package app.reglament.widgetapi;

/**
 * Who is calling from the widget, as amoCRM's disposable token says: the account and the user come
 * from the signed token, never from the request.
 */
public record WidgetIdentity(long accountId, long userId, boolean admin, String subdomain) {}
