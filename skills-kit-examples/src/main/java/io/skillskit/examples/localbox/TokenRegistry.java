package io.skillskit.examples.localbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read and write tokens LocalBox has minted, each scoped to one file and expiring. */
final class TokenRegistry {

  enum Kind {
    READ,
    WRITE
  }

  /** A minted token. {@link #toString()} hides the value. */
  record Token(String value, Kind kind, String fileId, String skillId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[kind="
          + kind
          + ", file="
          + fileId
          + ", expiresAt="
          + expiresAt
          + ", value=***]";
    }
  }

  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Set<String> revoked = new HashSet<>();

  TokenRegistry(Clock clock) {
    this.clock = clock;
  }

  /**
   * Mints a token that looks like a real one: it starts with {@code 1!} and carries URL-safe Base64
   * characters and a dot, so clients that put it in a URL without encoding break.
   */
  synchronized Token mint(Kind kind, String fileId, String skillId, Instant expiresAt) {
    String value;
    do {
      value = "1!" + randomText(24) + "." + randomText(12);
    } while (tokens.containsKey(value));
    Token token = new Token(value, kind, fileId, skillId, expiresAt);
    tokens.put(value, token);
    return token;
  }

  /** Returns the token when it is known, not expired on demand and not past its expiry. */
  synchronized Optional<Token> findValid(String value) {
    Token token = tokens.get(value);
    if (token == null || revoked.contains(value)) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(token);
  }

  synchronized void expireAll() {
    revoked.addAll(tokens.keySet());
  }

  synchronized void expireForFile(String fileId) {
    tokens.values().stream()
        .filter(token -> token.fileId().equals(fileId))
        .forEach(token -> revoked.add(token.value()));
  }

  synchronized boolean expire(String value) {
    if (!tokens.containsKey(value)) {
      return false;
    }
    revoked.add(value);
    return true;
  }

  String randomText(int bytes) {
    byte[] data = new byte[bytes];
    random.nextBytes(data);
    return URL_SAFE.encodeToString(data);
  }
}
