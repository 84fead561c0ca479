package app.reglament.sandbox.oauth;

/** A fresh token pair, as the token endpoint hands it out. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds) {}
