package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful stand-in for the Box endpoints a skill touches, served over HTTP on 127.0.0.1 at a
 * free port. It stores files, mints a read and a write token per invocation, serves content and
 * basic formats, stores skill cards, and responds like Box when a request is wrong. It speaks only
 * HTTP and JSON, so any client can be tested against it.
 *
 * <pre>{@code
 * try (LocalBox box = LocalBox.start()) {
 *   LocalFile file = box.addFile("notes.txt", "budget review".getBytes(UTF_8));
 *   InvocationGrant grant = box.invocationFor(file.id());
 *   // point the skill at box.baseUri(), send it an event built from the grant, then:
 *   List<JsonNode> cards = box.storedCards(file.id());
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 *
 * <ul>
 *   <li>{@code GET /2.0/files/{id}}, with representations when {@code fields} contains {@code
 *       representations} (hints from the {@code x-rep-hints} header);
 *   <li>{@code GET /2.0/files/{id}/content[?version=]}: 302 without a body to an expiring {@code
 *       /d/1/{secret}/download} URL that needs no token, as {@code dl.boxcloud.com} does;
 *   <li>{@code GET /2.0/internal_files/{id}/versions/{v}/representations/{rep}} (the {@code
 *       info.url}) and its {@code content.url_template} under {@value
 *       #REPRESENTATION_CONTENT_PREFIX};
 *   <li>{@code PUT /2.0/skill_invocations/{skill_id}};
 *   <li>{@code GET|POST|PUT|DELETE /2.0/files/{id}/metadata/global/boxSkillsCards}.
 * </ul>
 *
 * <h2>Rules it enforces</h2>
 *
 * <ul>
 *   <li>Tokens only in the {@code Authorization: Bearer} header: a request with {@code
 *       access_token} in its query gets 400. A missing, unknown or expired token gets 401 with an
 *       empty body and a {@code WWW-Authenticate} header. A valid token of the wrong kind or for
 *       another file gets 403 {@code insufficient_scope}. An unknown file gets 404.
 *   <li>The read token reads file information, content and representations of its file. The write
 *       token writes the invocation status and skill cards of its file and cannot read content.
 *       Either may read the skill cards metadata.
 *   <li>Card writes are validated as Box validates them, and accepted ones are listed by {@link
 *       #invocationHistory(String)}.
 *   <li>Every response carries a {@code box-request-id} header; every error carries Box's
 *       ClientError body ({@code type}, {@code status}, {@code code}, {@code message}, {@code
 *       context_info}, {@code help_url}, {@code request_id}), except the empty-bodied 401.
 * </ul>
 *
 * <h2>Basic formats</h2>
 *
 * <p>Audio files offer {@code mp3}, video files {@code mp4}, images {@code jpg}, documents {@code
 * extracted_text}. LocalBox converts only what the JDK can. Text documents (txt, md, csv, tsv, vtt,
 * srt, json, log) are their own extracted text, HTML and XML lose their markup, and JPEG, PNG, GIF
 * and BMP images become a JPEG that fits the requested dimensions. Every other representation is
 * the original bytes, for example a WAV file's {@code mp3}, and the {@code X-LocalBox-Conversion}
 * response header then reads {@code none}. Representation states follow a {@link
 * RepresentationPlan}.
 *
 * <p>Thread-safe. Logs each request at DEBUG with tokens and download secrets masked.
 */
public final class LocalBox implements AutoCloseable {

  /** The path prefix of download URLs, which carry a secret instead of needing a token. */
  public static final String DOWNLOAD_PREFIX = "/d/";

  /** The path prefix of representation content URLs. */
  public static final String REPRESENTATION_CONTENT_PREFIX = "/api/2.0/internal_files/";

  private static final Logger log = LoggerFactory.getLogger(LocalBox.class);

  private final Clock clock;
  private final SkillApp skill;
  private final String enterpriseId;
  private final String enterpriseName;
  private final String defaultFolderId;
  private final Duration tokenTtl;
  private final Duration downloadUrlTtl;
  private final int maxRequestBodyBytes;

  private final FileStore files = new FileStore();
  private final TokenRegistry tokens;
  private final Representations representations;
  private final CardStore cards = new CardStore();
  private final Faults faults = new Faults();
  private final List<RecordedRequest> recorded = new ArrayList<>();

  private final ExecutorService executor;
  private final HttpServer server;
  private final URI baseUri;

  private LocalBox(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.skill = builder.skill != null ? builder.skill : defaultSkill();
    this.enterpriseId = builder.enterpriseId;
    this.enterpriseName = builder.enterpriseName;
    this.defaultFolderId = builder.defaultFolderId;
    this.tokenTtl = builder.tokenTtl;
    this.downloadUrlTtl = builder.downloadUrlTtl;
    this.maxRequestBodyBytes = builder.maxRequestBodyBytes;
    this.tokens = new TokenRegistry(clock);
    this.representations = new Representations(builder.pendingPolls, builder.representationPlans);

    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    this.executor = Executors.newFixedThreadPool(builder.threads, new NamedThreads());
    server.createContext("/", new Router(this));
    server.setExecutor(executor);
    server.start();
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    log.debug("LocalBox started at {} for skill {}", baseUri, skill.id());
  }

  /**
   * Starts a LocalBox with the default settings.
   *
   * @return the running LocalBox; close it when done
   * @throws UncheckedIOException when the server cannot be started
   */
  public static LocalBox start() {
    return builder().start();
  }

  /**
   * Returns a builder for a LocalBox with custom settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the base URI, such as {@code http://127.0.0.1:PORT}, without a trailing slash. Box API
   * paths follow it: {@code baseUri() + "/2.0/files/" + id}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Returns the skill this LocalBox invokes; its id is the only one {@code PUT
   * /2.0/skill_invocations/{skill_id}} accepts.
   *
   * @return the skill
   */
  public SkillApp skill() {
    return skill;
  }

  /**
   * Adds a file in the default folder.
   *
   * @param name the file name with its extension
   * @param content the file's bytes; the array is copied
   * @return the file as of its first version
   * @throws IllegalArgumentException when the name is blank or contains a slash or backslash
   */
  public LocalFile addFile(String name, byte[] content) {
    return addFile(name, FileContent.of(content), defaultFolderId);
  }

  /**
   * Adds a file in the default folder.
   *
   * @param name the file name with its extension
   * @param content the file's content
   * @return the file as of its first version
   * @throws IllegalArgumentException when the name is blank or contains a slash or backslash
   */
  public LocalFile addFile(String name, FileContent content) {
    return addFile(name, content, defaultFolderId);
  }

  /**
   * Adds a file in a folder.
   *
   * @param name the file name with its extension
   * @param content the file's content
   * @param parentFolderId the folder id, a string of decimal digits
   * @return the file as of its first version
   * @throws IllegalArgumentException when the name is blank or contains a slash or backslash, or
   *     the folder id is not decimal digits
   */
  public LocalFile addFile(String name, FileContent content, String parentFolderId) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(parentFolderId, "parentFolderId");
    if (name.isBlank() || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException(
          "file name '" + name + "' is invalid; expected a non-blank name without / or \\");
    }
    requireDigits("parentFolderId", parentFolderId);
    LocalFile file = files.add(name, content, parentFolderId);
    log.debug("LocalBox added file {} ({} bytes)", file.id(), file.size());
    return file;
  }

  /**
   * Uploads a new version of a file; later downloads and representations use it, while {@code
   * ?version=} still reaches older versions.
   *
   * @param fileId the file id
   * @param content the new content
   * @return the file as of the new version
   * @throws IllegalArgumentException when LocalBox has no such file
   */
  public LocalFile addVersion(String fileId, FileContent content) {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(content, "content");
    return files.addVersion(fileId, content).orElseThrow(() -> unknownFile(fileId));
  }

  /**
   * Returns a file as of its current version.
   *
   * @param fileId the file id
   * @return the file, or empty when LocalBox has no such file
   */
  public Optional<LocalFile> file(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    return files.current(fileId);
  }

  /**
   * Mints a new read token and write token for the current version of a file, as Box does for each
   * skill invocation. They expire after the configured token lifetime.
   *
   * @param fileId the file id
   * @return the skill, file and tokens to build an invocation event from
   * @throws IllegalArgumentException when LocalBox has no such file
   */
  public InvocationGrant invocationFor(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    LocalFile file = files.current(fileId).orElseThrow(() -> unknownFile(fileId));
    Instant issuedAt = clock.instant();
    Instant expiresAt = issuedAt.plus(tokenTtl);
    TokenRegistry.Token read = tokens.mint(TokenRegistry.Kind.READ, fileId, skill.id(), expiresAt);
    TokenRegistry.Token write =
        tokens.mint(TokenRegistry.Kind.WRITE, fileId, skill.id(), expiresAt);
    log.debug("LocalBox minted read and write tokens for file {}, expiring {}", fileId, expiresAt);
    return new InvocationGrant(
        skill,
        file,
        enterpriseId,
        enterpriseName,
        read.value(),
        write.value(),
        issuedAt,
        expiresAt);
  }

  /** Expires every token minted so far, so requests that use one get 401 from now on. */
  public void expireTokens() {
    tokens.expireAll();
  }

  /**
   * Expires every token minted so far for one file.
   *
   * @param fileId the file id
   */
  public void expireTokens(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    tokens.expireForFile(fileId);
  }

  /**
   * Expires one token.
   *
   * @param token the token value
   * @return true when LocalBox had minted the token, false when it is unknown
   */
  public boolean expireToken(String token) {
    Objects.requireNonNull(token, "token");
    return tokens.expire(token);
  }

  /**
   * Sets how one representation of a file progresses, replacing its current progress.
   *
   * @param fileId the file id
   * @param representation the representation name: {@code mp3}, {@code mp4}, {@code jpg} (all
   *     dimensions) or {@code extracted_text}
   * @param plan the plan to follow from now on
   */
  public void planRepresentation(String fileId, String representation, RepresentationPlan plan) {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(representation, "representation");
    Objects.requireNonNull(plan, "plan");
    representations.plan(fileId, representation, plan);
  }

  /**
   * Returns the state of a representation of a file's current version.
   *
   * @param fileId the file id
   * @param key the representation as in its URLs, such as {@code mp3} or {@code jpg_1024x1024}
   * @return the state, or empty when no request has shown this representation yet
   */
  public Optional<RepresentationState> representationState(String fileId, String key) {
    Objects.requireNonNull(key, "key");
    return file(fileId).flatMap(file -> representations.state(file, key));
  }

  /**
   * Returns the faults to script misbehaviour with.
   *
   * @return the fault list of this LocalBox
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Returns every request received since the start or the last {@link #clearRequests()}.
   *
   * @return the requests in arrival order
   */
  public List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /**
   * Returns the requests with a method whose raw path starts with a prefix.
   *
   * @param method the method to match
   * @param pathPrefix the start of the raw path, such as {@code /2.0/skill_invocations/}
   * @return the matching requests in arrival order
   */
  public List<RecordedRequest> requestsTo(Method method, String pathPrefix) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    return requests().stream()
        .filter(request -> method.matches(request.method()))
        .filter(request -> request.path().startsWith(pathPrefix))
        .toList();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /**
   * Returns the skill cards stored on a file, written through either {@code skill_invocations} or
   * the {@code boxSkillsCards} endpoints.
   *
   * @param fileId the file id
   * @return copies of the cards in order, empty when the file has none
   */
  public List<JsonNode> storedCards(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    return cards.cards(fileId);
  }

  /**
   * Returns the {@code boxSkillsCards} metadata instance of a file as a GET would return it.
   *
   * @param fileId the file id
   * @return the instance, or empty when the file has none
   */
  public Optional<JsonNode> skillsCardsMetadata(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    return cards.get(fileId).map(JsonNode.class::cast);
  }

  /**
   * Stores cards on a file as if a skill had written them before, for example the placeholder card
   * Box shows while a skill runs. The cards are not validated.
   *
   * @param fileId the file id
   * @param seededCards the cards to store, replacing any others
   * @throws IllegalArgumentException when LocalBox has no such file
   */
  public void seedCards(String fileId, List<JsonNode> seededCards) {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(seededCards, "seededCards");
    files.current(fileId).orElseThrow(() -> unknownFile(fileId));
    ArrayNode array = Json.MAPPER.createArrayNode();
    seededCards.forEach(card -> array.add(card.deepCopy()));
    cards.replaceCards(fileId, array);
  }

  /**
   * Returns the accepted invocation status writes of a file, oldest first.
   *
   * @param fileId the file id
   * @return the writes in the order LocalBox applied them
   */
  public List<InvocationUpdate> invocationHistory(String fileId) {
    Objects.requireNonNull(fileId, "fileId");
    return cards.history(fileId);
  }

  /** Stops the server, releases held requests and stops its threads. */
  @Override
  public void close() {
    faults.clear();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.debug("LocalBox at {} stopped", baseUri);
  }

  /** Returns the base URI and the skill id. */
  @Override
  public String toString() {
    return "LocalBox[" + baseUri + ", skill=" + skill.id() + "]";
  }

  Clock clock() {
    return clock;
  }

  FileStore files() {
    return files;
  }

  TokenRegistry tokens() {
    return tokens;
  }

  Representations representations() {
    return representations;
  }

  CardStore cards() {
    return cards;
  }

  Duration downloadUrlTtl() {
    return downloadUrlTtl;
  }

  int maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  void record(RecordedRequest request) {
    synchronized (recorded) {
      recorded.add(request);
    }
  }

  String nextRequestId() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  private static IllegalArgumentException unknownFile(String fileId) {
    return new IllegalArgumentException(
        "file " + fileId + " is not in this LocalBox; add it with addFile first");
  }

  private static void requireDigits(String name, String value) {
    if (!value.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is invalid; expected 1 to 19 decimal digits");
    }
  }

  private static SkillApp defaultSkill() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder apiKey = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      apiKey.append(letters.charAt(random.nextInt(letters.length())));
    }
    return new SkillApp("20001", "LocalBox Skill", apiKey.toString());
  }

  private static final class NamedThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "localbox-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** Settings for a LocalBox. Every one has a default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private SkillApp skill;
    private String enterpriseId = "70000001";
    private String enterpriseName = "LocalBox Enterprise";
    private String defaultFolderId = "180200300400";
    private Duration tokenTtl = Duration.ofSeconds(86_401);
    private Duration downloadUrlTtl = Duration.ofMinutes(15);
    private int pendingPolls = 2;
    private final Map<String, RepresentationPlan> representationPlans = new HashMap<>();
    private int threads = 8;
    private int maxRequestBodyBytes = 16 * 1024 * 1024;

    private Builder() {}

    /**
     * Sets the clock for token expiry, download URL expiry and recorded times.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the skill this LocalBox invokes.
     *
     * @param skill the skill; default id {@code 20001} with a random api key
     * @return this builder
     */
    public Builder skill(SkillApp skill) {
      this.skill = Objects.requireNonNull(skill, "skill");
      return this;
    }

    /**
     * Sets the enterprise that owns the files.
     *
     * @param id the enterprise id, decimal digits; default {@code 70000001}
     * @param name the enterprise name
     * @return this builder
     * @throws IllegalArgumentException when the id is not decimal digits
     */
    public Builder enterprise(String id, String name) {
      Objects.requireNonNull(id, "id");
      requireDigits("enterprise id", id);
      this.enterpriseId = id;
      this.enterpriseName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the folder that files added without a folder go to.
     *
     * @param folderId the folder id, decimal digits; default {@code 180200300400}
     * @return this builder
     * @throws IllegalArgumentException when the id is not decimal digits
     */
    public Builder defaultFolderId(String folderId) {
      Objects.requireNonNull(folderId, "folderId");
      requireDigits("default folder id", folderId);
      this.defaultFolderId = folderId;
      return this;
    }

    /**
     * Sets how long minted tokens work.
     *
     * @param ttl the lifetime, positive; default 24 hours and 1 second, as in real events
     * @return this builder
     * @throws IllegalArgumentException when the lifetime is zero or negative
     */
    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = positive("tokenTtl", ttl);
      return this;
    }

    /**
     * Sets how long a download URL from a 302 works.
     *
     * @param ttl the lifetime, positive; default 15 minutes
     * @return this builder
     * @throws IllegalArgumentException when the lifetime is zero or negative
     */
    public Builder downloadUrlTtl(Duration ttl) {
      this.downloadUrlTtl = positive("downloadUrlTtl", ttl);
      return this;
    }

    /**
     * Sets how many polls of a representation's {@code info.url} return {@code pending} before it
     * is ready, for representations without their own {@link RepresentationPlan}.
     *
     * @param polls 0 or more; default 2
     * @return this builder
     * @throws IllegalArgumentException when {@code polls} is negative
     */
    public Builder pendingPolls(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("pendingPolls is " + polls + "; expected 0 or more");
      }
      this.pendingPolls = polls;
      return this;
    }

    /**
     * Sets the plan of one representation for every file that has no plan of its own, for example
     * {@code representationPlan("extracted_text", RepresentationPlan.ready())}. Text extraction of
     * documents above 500 MB still ends in {@code error}, as on Box.
     *
     * @param representation {@code mp3}, {@code mp4}, {@code jpg} or {@code extracted_text}
     * @param plan the plan; by default {@code extracted_text} starts {@code none}, the others
     *     {@code pending}, and all succeed after {@link #pendingPolls(int)} polls
     * @return this builder
     */
    public Builder representationPlan(String representation, RepresentationPlan plan) {
      Objects.requireNonNull(representation, "representation");
      Objects.requireNonNull(plan, "plan");
      representationPlans.put(representation, plan);
      return this;
    }

    /**
     * Sets the number of threads that serve requests. Held and delayed requests occupy one each.
     *
     * @param count 1 or more; default 8
     * @return this builder
     * @throws IllegalArgumentException when {@code count} is less than 1
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads is " + count + "; expected 1 or more");
      }
      this.threads = count;
      return this;
    }

    /**
     * Sets the largest request body LocalBox accepts. Larger ones get 413.
     *
     * @param bytes 1 or more; default 16 MiB
     * @return this builder
     * @throws IllegalArgumentException when {@code bytes} is less than 1
     */
    public Builder maxRequestBodyBytes(int bytes) {
      if (bytes < 1 || bytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "maxRequestBodyBytes is " + bytes + "; expected 1 to " + (Integer.MAX_VALUE - 1));
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /**
     * Starts the LocalBox on 127.0.0.1 at a free port.
     *
     * @return the running LocalBox; close it when done
     * @throws UncheckedIOException when the server cannot be started
     */
    public LocalBox start() {
      try {
        return new LocalBox(this);
      } catch (IOException e) {
        throw new UncheckedIOException("LocalBox could not start on 127.0.0.1", e);
      }
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(
            name + " is " + value + "; expected a positive duration");
      }
      return value;
    }
  }
}
