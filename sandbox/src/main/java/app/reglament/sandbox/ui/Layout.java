package app.reglament.sandbox.ui;

import java.util.List;

/**
 * What every page's frame shows: the account, the acting user with the switcher, and the error a
 * refused form left (null when there is none).
 *
 * @param page the page's code on {@code <body data-page>}: {@code leads-pipeline}, {@code
 *     leads-card} or {@code problem}
 * @param path the page's own path, where the user switcher sends {@code ?as=}
 */
record Layout(
    String title,
    String page,
    long accountId,
    String accountName,
    String subdomain,
    long userId,
    String userName,
    List<Option> users,
    String error,
    String path,
    String css) {}
