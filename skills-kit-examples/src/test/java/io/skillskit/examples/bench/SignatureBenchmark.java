package io.skillskit.examples.bench;

import io.skillskit.signature.SignatureGenerator;
import io.skillskit.signature.SignatureValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifies a signed 2 KB body with {@link SignatureValidator#verify(byte[], Map)} and, as
 * baselines, with a bare {@link Mac} over the same body and timestamp.
 *
 * <p>Both baselines compute HMAC-SHA256 over the body bytes followed by the timestamp's bytes,
 * encode it as standard Base64 and compare it with the header value. {@link #macReused} keeps one
 * initialised {@code Mac} per thread, the fair floor; {@link #macCreatedPerCall} creates and
 * initialises one per request, as code that does not cache it does. The kit also finds the five
 * headers in a map of ten in any case, checks version, algorithm and the timestamp's age, and
 * compares in constant time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = BenchFixtures.LOGGING)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SignatureBenchmark {

  static final int BODY_BYTES = 2048;
  static final String PRIMARY_KEY = "BenchPrimaryKey0123456789abcdefg";
  static final String SECONDARY_KEY = "BenchSecondaryKey0123456789abcde";
  static final String TIMESTAMP = "2026-03-14T09:26:53-07:00";

  private byte[] body;
  private Map<String, String> headers;
  private String primaryHeader;
  private SignatureValidator validator;

  /** A {@link Mac} initialised once for the thread that runs the benchmark. */
  @State(Scope.Thread)
  public static class ThreadMac {

    private Mac mac;

    /**
     * Creates and initialises the thread's {@code Mac}.
     *
     * @throws GeneralSecurityException never on a Java SE runtime
     */
    @Setup
    public void setUp() throws GeneralSecurityException {
      mac = newMac();
    }
  }

  /** Builds the body, signs it as Box does and builds the validator with a fixed clock. */
  @Setup
  public void setUp() {
    body = twoKilobyteBody();
    headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:8080");
    headers.put("User-Agent", "Box-Skills/1.0");
    headers.put("Content-Type", "application/json");
    headers.put("Content-Length", Integer.toString(BODY_BYTES));
    for (Map.Entry<String, String> header :
        SignatureGenerator.of(PRIMARY_KEY, SECONDARY_KEY).headers(body, TIMESTAMP).entrySet()) {
      // Box sends the names in upper case; the validator matches them in any case.
      headers.put(header.getKey().toUpperCase(Locale.ROOT), header.getValue());
    }
    headers.put("BOX-DELIVERY-ID", "e1d2c3b4-a5f6-4789-8a0b-1c2d3e4f5a6b");
    primaryHeader = headers.get("BOX-SIGNATURE-PRIMARY");

    Instant fiveMinutesLater =
        OffsetDateTime.parse(TIMESTAMP).toInstant().plusSeconds(300);
    validator =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .secondaryKey(SECONDARY_KEY)
            .clock(Clock.fixed(fiveMinutesLater, ZoneOffset.UTC))
            .build();
    validator.verify(body, headers);
  }

  /**
   * Baseline: HMAC with a {@code Mac} reused by this thread, then Base64 and compare.
   *
   * @param state the thread's {@code Mac}
   * @return whether the signature matches
   */
  @Benchmark
  public boolean macReused(ThreadMac state) {
    return matches(state.mac);
  }

  /**
   * Baseline: HMAC with a {@code Mac} created and initialised for this call, then Base64 and
   * compare.
   *
   * @return whether the signature matches
   * @throws GeneralSecurityException never on a Java SE runtime
   */
  @Benchmark
  public boolean macCreatedPerCall() throws GeneralSecurityException {
    return matches(newMac());
  }

  /**
   * Runs the kit's full check of headers, timestamp and signature.
   *
   * @return the validator, so the call cannot be removed as dead code
   */
  @Benchmark
  public SignatureValidator kitVerify() {
    validator.verify(body, headers);
    return validator;
  }

  private boolean matches(Mac mac) {
    mac.update(body);
    mac.update(TIMESTAMP.getBytes(StandardCharsets.UTF_8));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal());
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        primaryHeader.getBytes(StandardCharsets.US_ASCII));
  }

  private static Mac newMac() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(PRIMARY_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac;
  }

  /** Returns an ASCII JSON object of exactly {@link #BODY_BYTES} bytes. */
  static byte[] twoKilobyteBody() {
    String head = "{\"type\":\"skill_invocation\",\"id\":\"bench_2048\",\"padding\":\"";
    String tail = "\"}";
    char[] padding = new char[BODY_BYTES - head.length() - tail.length()];
    for (int i = 0; i < padding.length; i++) {
      padding[i] = (char) ('a' + i % 26);
    }
    byte[] bytes = (head + new String(padding) + tail).getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != BODY_BYTES) {
      throw new IllegalStateException("body is " + bytes.length + " bytes, not " + BODY_BYTES);
    }
    return bytes;
  }
}
