package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.examples.robustness.Literal.Kind;
import io.skillskit.examples.robustness.Outcomes.Parsed;
import java.time.Instant;
import java.util.Set;

/**
 * Predicts what the parser must do when one value of a valid event is replaced, from the rules the
 * parser documents: which fields are required, which types each accepts, which are ignored.
 */
final class EventOracle {

  /**
   * The allowed outcomes: acceptance, rejection at {@code path}, rejection at any path under it,
   * and, when {@code rootToo}, rejection of the body as a whole ({@code $}).
   */
  record Expected(boolean accept, String path, boolean under, boolean rootToo) {

    static final Expected ACCEPT = new Expected(true, null, false, false);

    static Expected reject(String path) {
      return new Expected(false, path, false, false);
    }

    /** Rejected wherever the parser notices the problem first. */
    static Expected rejectAnywhere() {
      return new Expected(false, "$", true, false);
    }

    static Expected acceptOrRejectUnder(String path) {
      return new Expected(true, path, true, false);
    }

    Expected orRootRejection() {
      return new Expected(accept, path, under, true);
    }

    void check(Parsed parsed) {
      if (parsed.accepted()) {
        assertThat(accept).as("accepted although a rejection was expected").isTrue();
        return;
      }
      String rejected = parsed.path();
      if (rootToo && rejected.equals("$")) {
        return;
      }
      if (under) {
        assertThat(rejected).as("rejected path").startsWith(path);
      } else {
        assertThat(path).as("rejected although acceptance was expected: %s", rejected).isNotNull();
        assertThat(rejected).as("rejected path").isEqualTo(path);
      }
    }
  }

  private static final Set<String> REQUIRED_IDS = Set.of("$.id", "$.skill.id", "$.source.id");
  private static final Set<String> OPTIONAL_IDS =
      Set.of("$.source.file_version.id", "$.source.parent.id");

  /** Ids the kit puts into the URLs it calls with a token, so only decimal digits pass. */
  static final Set<String> URL_IDS =
      Set.of("$.skill.id", "$.source.id", "$.source.file_version.id");

  private static final Set<String> REQUIRED_OBJECTS = Set.of("$.skill", "$.source", "$.token");
  private static final Set<String> TOKENS = Set.of("$.token.read", "$.token.write");
  private static final Set<String> TOKEN_VALUES =
      Set.of("$.token.read.access_token", "$.token.write.access_token");
  private static final Set<String> EXPIRIES =
      Set.of("$.token.read.expires_in", "$.token.write.expires_in");
  private static final Set<String> NESTED_ID_OBJECTS =
      Set.of("$.source.file_version", "$.source.parent");

  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private EventOracle() {}

  /** Predicts the outcome when the value at {@code path} of a valid event becomes {@code value}. */
  static Expected replacing(String path, Literal value) {
    if (value.kind() == Kind.INVALID) {
      // A streaming parser may read a valid first token of the bad text and reject its type.
      return Expected.rejectAnywhere();
    }
    Expected expected = byType(path, value);
    // Jackson checks the length of a number only when its value is read.
    return value.isOverlongNumber() ? expected.orRootRejection() : expected;
  }

  private static Expected byType(String path, Literal value) {
    Kind kind = value.kind();
    if (path.equals("$.type")) {
      boolean ok =
          kind == Kind.NULL || (kind == Kind.STRING && value.text().equals("skill_invocation"));
      return ok ? Expected.ACCEPT : Expected.reject(path);
    }
    if (REQUIRED_IDS.contains(path) || OPTIONAL_IDS.contains(path)) {
      return id(path, value, REQUIRED_IDS.contains(path));
    }
    if (path.equals("$.source.name") || TOKEN_VALUES.contains(path)) {
      return kind == Kind.STRING && !value.isBlankString()
          ? Expected.ACCEPT
          : Expected.reject(path);
    }
    if (REQUIRED_OBJECTS.contains(path)) {
      return kind == Kind.OBJECT ? Expected.acceptOrRejectUnder(path) : Expected.reject(path);
    }
    if (TOKENS.contains(path)) {
      return kind == Kind.OBJECT ? Expected.acceptOrRejectUnder(path) : Expected.reject(path);
    }
    if (EXPIRIES.contains(path)) {
      return expiresIn(path, value);
    }
    if (path.equals("$.source.size")) {
      return size(path, value);
    }
    if (path.equals("$.source.type")) {
      boolean ok = kind != Kind.STRING || value.text().equals("file");
      return ok ? Expected.ACCEPT : Expected.reject(path);
    }
    if (NESTED_ID_OBJECTS.contains(path)) {
      return kind == Kind.OBJECT ? Expected.acceptOrRejectUnder(path) : Expected.ACCEPT;
    }
    return Expected.ACCEPT;
  }

  private static Expected id(String path, Literal value, boolean required) {
    return switch (value.kind()) {
      case NULL -> required ? Expected.reject(path) : Expected.ACCEPT;
      case STRING -> {
        boolean digits = value.text().chars().allMatch(c -> c >= '0' && c <= '9');
        boolean bad = value.isBlankString() || (URL_IDS.contains(path) && !digits);
        yield bad ? Expected.reject(path) : Expected.ACCEPT;
      }
      case INTEGER -> value.isNegative() ? Expected.reject(path) : Expected.ACCEPT;
      default -> Expected.reject(path);
    };
  }

  private static Expected expiresIn(String path, Literal value) {
    Long seconds = seconds(value);
    if (value.kind() == Kind.NULL) {
      return Expected.ACCEPT;
    }
    if (seconds == null || seconds < 0) {
      return Expected.reject(path);
    }
    if (seconds >= EPOCH_THRESHOLD && seconds > Instant.MAX.getEpochSecond()) {
      return Expected.reject(path);
    }
    return Expected.ACCEPT;
  }

  private static Expected size(String path, Literal value) {
    if (value.kind() == Kind.NULL) {
      return Expected.ACCEPT;
    }
    Long bytes = seconds(value);
    return bytes != null && bytes >= 0 ? Expected.ACCEPT : Expected.reject(path);
  }

  /** Reads an integer, or a string of at most 19 digits, that fits a long; null otherwise. */
  static Long seconds(Literal value) {
    if (value.kind() == Kind.INTEGER && value.isLong()) {
      return value.bigInteger().longValueExact();
    }
    if (value.kind() == Kind.STRING
        && !value.text().isEmpty()
        && value.text().length() <= 19
        && value.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Long.parseLong(value.text());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
