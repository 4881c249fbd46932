package io.skillskit.examples.pipeline;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.SkillsWriter;
import io.skillskit.box.Sleeper;
import io.skillskit.examples.skills.ExampleSkill;
import io.skillskit.request.InvalidSkillsRequestException;
import io.skillskit.request.SkillsRequest;
import io.skillskit.signature.SignatureValidator;
import io.skillskit.signature.SignatureVerificationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The steps every host runs for a delivery from Box, in one place: verify, parse, de-duplicate,
 * acknowledge, then process and write the cards in the background.
 *
 * <ol>
 *   <li><b>Verify</b> the signature over the raw body bytes, before anything else reads or logs the
 *       body. A missing or invalid signature gets 401 and nothing else happens: no parsing, no call
 *       to Box.
 *   <li><b>Parse</b> the same bytes. A body that is not a skill invocation event gets 400 and no
 *       card is written, because its tokens cannot be trusted to be there.
 *   <li><b>De-duplicate</b> on the body's invocation id with the {@link InvocationStore}. A
 *       re-delivery of an accepted invocation gets 200 and is not processed again.
 *   <li><b>Acknowledge</b> with 200 at once, because Box re-delivers events that are slow to be
 *       acknowledged, and queue the work on a bounded pool. When the queue is full the response is
 *       503 and the id is forgotten, so Box's next delivery is processed.
 *   <li>In the background, write the <b>processing card</b>, run the {@link ExampleSkill}, and
 *       write its <b>data cards</b> with status {@code success} and its usage, or an <b>error
 *       card</b>.
 * </ol>
 *
 * <table>
 *   <caption>Failures and the error card they get</caption>
 *   <tr><th>Failure</th><th>Error card</th></tr>
 *   <tr><td>{@code FileRejectedException} (format, size)</td><td>its error, permanent</td></tr>
 *   <tr><td>{@code BasicFormatException}</td><td>its error and failure type</td></tr>
 *   <tr><td>{@code NoInfoFoundException}</td><td>{@code skills_no_info_found}, permanent</td></tr>
 *   <tr><td>analysis: unsupported format</td><td>{@code skills_invalid_file_format_error},
 *       permanent</td></tr>
 *   <tr><td>analysis: damaged file</td><td>{@code skills_file_processing_error}, permanent</td></tr>
 *   <tr><td>Box 429 or 5xx after the kit's retries, cut-off download, read error</td><td>the
 *       processing step is tried again, up to {@link Builder#processingAttempts(int)} times in
 *       all; then {@code skills_invocations_error}, transient</td></tr>
 *   <tr><td>read token expired</td><td>{@code skills_invocations_error}, transient</td></tr>
 *   <tr><td>write token expired or rejected</td><td>none: one log line, and no further
 *       write</td></tr>
 *   <tr><td>anything else</td><td>{@code skills_file_processing_error}, permanent</td></tr>
 * </table>
 *
 * <pre>{@code
 * SkillPipeline pipeline = SkillPipeline.builder()
 *     .signingKeys(primaryKey, secondaryKey)
 *     .endpoints(BoxEndpoints.production())
 *     .skill(SkillRouter.withExamples())
 *     .build();
 * SkillResponse response = pipeline.handle(rawBody, headers);
 * // send response.statusCode(), response.headers() and response.body()
 * }</pre>
 *
 * <p><b>Logging.</b> Each delivery runs with its invocation id in the SLF4J MDC under {@value
 * SkillsWriter#MDC_INVOCATION_ID}, on the request thread from parsing on and on the worker thread
 * for the whole job. Starts, finishes, retries and every caught failure are logged with ids;
 * tokens, keys and bodies never are.
 *
 * <p>Thread-safe. {@link #close()} stops accepting work and waits for running invocations.
 */
public final class SkillPipeline implements AutoCloseable {

  /** Workers processing invocations at the same time by default. */
  public static final int DEFAULT_WORKERS = 4;

  /** Accepted invocations that may wait for a worker by default. */
  public static final int DEFAULT_QUEUE_CAPACITY = 100;

  /** Times the processing step runs at most by default: the first run and two retries. */
  public static final int DEFAULT_PROCESSING_ATTEMPTS = 3;

  /** Wait before the first retry of the processing step by default; it doubles each retry. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  /** How long {@link #close()} waits for running invocations by default. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** How long a caller of {@link #handleWithin} waits for a final write already in progress. */
  private static final Duration FINAL_WRITE_GRACE = Duration.ofSeconds(1);

  /** Seconds a client should wait after a 503 before delivering again. */
  private static final String RETRY_AFTER_SECONDS = "30";

  private static final Logger log = LoggerFactory.getLogger(SkillPipeline.class);

  private final SignatureValidator validator;
  private final InvocationStore store;
  private final Settings settings;
  private final ThreadPoolExecutor executor;
  private final Duration shutdownTimeout;
  private final Set<InvocationJob> unfinished = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Settings the jobs of this pipeline share. */
  record Settings(
      BoxEndpoints endpoints,
      ExampleSkill skill,
      int processingAttempts,
      Duration retryDelay,
      Sleeper sleeper,
      List<InvocationListener> listeners) {}

  private SkillPipeline(Builder builder) {
    this.validator = builder.validator;
    this.store = builder.store;
    this.settings =
        new Settings(
            builder.endpoints,
            builder.skill,
            builder.processingAttempts,
            builder.retryDelay,
            builder.sleeper,
            List.copyOf(builder.listeners));
    this.shutdownTimeout = builder.shutdownTimeout;
    this.executor =
        new ThreadPoolExecutor(
            builder.workers,
            builder.workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(builder.queueCapacity),
            new WorkerThreads());
  }

  /**
   * Starts a pipeline with {@link #DEFAULT_WORKERS} workers, a queue of {@link
   * #DEFAULT_QUEUE_CAPACITY}, {@link #DEFAULT_PROCESSING_ATTEMPTS} processing attempts and an
   * {@link InMemoryInvocationStore}. Signing keys, endpoints and a skill must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles one delivery: verifies, parses, de-duplicates and acknowledges it at once, and
   * processes an accepted invocation in the background.
   *
   * @param body the raw request body exactly as received, not decoded or parsed
   * @param headers the request headers, names in any case, each with its values
   * @return the response to send; for an accepted invocation it carries the future of the outcome
   */
  public SkillResponse handle(byte[] body, Map<String, ? extends Collection<String>> headers) {
    return handle(body, headers, null);
  }

  /**
   * Handles one delivery like {@link #handle} but returns only once the invocation has finished or
   * the time budget has run out, for hosts that stop running code once they respond, such as AWS
   * Lambda. When the budget runs out, a transient error card is written, and the work left in the
   * background can no longer write cards. The response is 200 in both cases.
   *
   * @param body the raw request body exactly as received
   * @param headers the request headers, names in any case, each with its values
   * @param budget how long processing may take, from when the work is queued
   * @return the response to send
   */
  public SkillResponse handleWithin(
      byte[] body, Map<String, ? extends Collection<String>> headers, Duration budget) {
    Objects.requireNonNull(budget, "budget");
    return handle(body, headers, budget.isNegative() ? Duration.ZERO : budget);
  }

  /**
   * Tells whether this pipeline checks signatures; {@code false} only in the unsigned mode for
   * local testing.
   *
   * @return whether requests without a valid signature are rejected
   */
  public boolean checksSignatures() {
    return validator.checksSignatures();
  }

  /**
   * Stops accepting deliveries, which then get 503, and waits up to the shutdown timeout for queued
   * and running invocations. Each one still queued or running then gets a transient error card,
   * because Box already received a 200 for it and will not send it again, and its thread is
   * interrupted. The endpoints are not closed, because the caller created them.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    executor.shutdown();
    boolean finished = false;
    try {
      finished = executor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (finished) {
      return;
    }
    log.warn(
        "{} invocations still queued or running {} ms after close; interrupting them",
        unfinished.size(),
        shutdownTimeout.toMillis());
    // Each job's final write is claimed before its thread is interrupted. Otherwise the
    // interrupted skill could win the claim, report a permanent failure and write its error card
    // from the interrupted thread, where the HTTP call fails at once.
    for (InvocationJob job : List.copyOf(unfinished)) {
      job.abandon("the skill shut down first");
    }
    executor.shutdownNow();
  }

  /**
   * Describes the configuration without keys.
   *
   * @return text such as {@code SkillPipeline[skill=..., endpoints=..., workers=4]}
   */
  @Override
  public String toString() {
    return "SkillPipeline[validator="
        + validator
        + ", skill="
        + settings.skill()
        + ", endpoints="
        + settings.endpoints()
        + ", store="
        + store
        + ", workers="
        + executor.getCorePoolSize()
        + (closed ? ", closed" : "")
        + "]";
  }

  private SkillResponse handle(
      byte[] body, Map<String, ? extends Collection<String>> headers, Duration budget) {
    // 1. Verify before anything else reads or logs the body.
    try {
      validator.verifyMultiValued(body, headers);
    } catch (SignatureVerificationException e) {
      log.warn("Rejected a delivery with HTTP 401: {}: {}", e.reason(), e.getMessage());
      return SkillResponse.of(
          401,
          "error",
          "invalid_signature",
          "message",
          "The request is not signed with the skill's signature keys.");
    }

    // 2. Parse the same bytes.
    SkillsRequest request;
    try {
      request = SkillsRequest.parse(body == null ? new byte[0] : body);
    } catch (InvalidSkillsRequestException e) {
      log.warn(
          "Rejected a signed delivery with HTTP 400 because it is not a skill invocation event:"
              + " {}",
          e.getMessage());
      return SkillResponse.of(
          400, "error", "skills_invalid_event_error", "message", e.getMessage());
    }

    String previousId = MDC.get(SkillsWriter.MDC_INVOCATION_ID);
    MDC.put(SkillsWriter.MDC_INVOCATION_ID, request.id());
    try {
      return admit(request, budget);
    } finally {
      if (previousId == null) {
        MDC.remove(SkillsWriter.MDC_INVOCATION_ID);
      } else {
        MDC.put(SkillsWriter.MDC_INVOCATION_ID, previousId);
      }
    }
  }

  private SkillResponse admit(SkillsRequest request, Duration budget) {
    if (closed) {
      log.warn("Responded 503 to invocation {} because the pipeline is closed", request.id());
      return unavailable("The skill is shutting down.");
    }

    // 3. De-duplicate, only now that the request is verified.
    if (!store.markAccepted(request.id())) {
      log.info(
          "Acknowledged a re-delivery of invocation {} without processing it again", request.id());
      return SkillResponse.of(200, "status", "duplicate", "invocation_id", request.id());
    }

    // 4. Queue the work and acknowledge.
    InvocationJob job = new InvocationJob(settings, request, MDC.getCopyOfContextMap());
    unfinished.add(job);
    job.completion().whenComplete((outcome, failure) -> unfinished.remove(job));
    Future<?> task;
    try {
      task = executor.submit(job);
    } catch (RejectedExecutionException e) {
      unfinished.remove(job);
      store.forget(request.id());
      log.warn(
          "Responded 503 to invocation {} because {} invocations already wait for a worker",
          request.id(),
          executor.getQueue().size());
      return unavailable("The skill is busy; deliver the event again later.");
    }
    log.info(
        "Accepted invocation {} for file {} of skill {}",
        request.id(),
        request.file().id(),
        request.skill().id());

    if (budget == null) {
      return SkillResponse.of(200, "status", "accepted", "invocation_id", request.id())
          .withCompletion(job.completion());
    }
    return awaitWithin(request, job, task, budget);
  }

  private SkillResponse awaitWithin(
      SkillsRequest request, InvocationJob job, Future<?> task, Duration budget) {
    InvocationOutcome outcome = null;
    try {
      outcome = job.completion().get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      boolean abandoned = job.abandon(budget);
      task.cancel(true);
      if (!abandoned) {
        outcome = awaitFinalWrite(job);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.abandon(budget);
      task.cancel(true);
    } catch (ExecutionException e) {
      // The job completes its future only normally.
      throw new IllegalStateException(e);
    }
    if (outcome == null) {
      outcome = job.completion().getNow(null);
    }
    String status =
        outcome == null ? "processing" : outcome.result().name().toLowerCase(Locale.ROOT);
    return SkillResponse.of(200, "status", status, "invocation_id", request.id())
        .withCompletion(job.completion());
  }

  private static InvocationOutcome awaitFinalWrite(InvocationJob job) {
    try {
      return job.completion().get(FINAL_WRITE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static SkillResponse unavailable(String message) {
    return SkillResponse.of(503, "error", "unavailable", "message", message)
        .withHeader("Retry-After", RETRY_AFTER_SECONDS);
  }

  /** Names the worker threads, so that log lines show which pipeline ran them. */
  private static final class WorkerThreads implements ThreadFactory {
    private static final AtomicInteger PIPELINES = new AtomicInteger();
    private final int pipeline = PIPELINES.incrementAndGet();
    private final AtomicInteger workers = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      return new Thread(
          task, "skill-pipeline-" + pipeline + "-worker-" + workers.incrementAndGet());
    }
  }

  /**
   * Settings of a {@link SkillPipeline}. Signing keys (or the explicit unsigned mode), endpoints
   * and a skill are required.
   */
  public static final class Builder {

    private SignatureValidator validator;
    private BoxEndpoints endpoints;
    private ExampleSkill skill;
    private InvocationStore store;
    private final List<InvocationListener> listeners = new ArrayList<>();
    private int workers = DEFAULT_WORKERS;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private int processingAttempts = DEFAULT_PROCESSING_ATTEMPTS;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    private Builder() {}

    /**
     * Sets the app's signature keys, checked with the default maximum age of 10 minutes.
     *
     * @param primaryKey the primary key as the Box Developer Console shows it
     * @param secondaryKey the secondary key, or {@code null} when the app has none
     * @return this builder
     * @throws IllegalArgumentException if a key is blank or has surrounding whitespace
     */
    public Builder signingKeys(String primaryKey, String secondaryKey) {
      SignatureValidator.Builder keys = SignatureValidator.builder().primaryKey(primaryKey);
      if (secondaryKey != null) {
        keys.secondaryKey(secondaryKey);
      }
      this.validator = keys.build();
      return this;
    }

    /**
     * Sets a validator built by the caller, for example with another clock or maximum age.
     *
     * @param validator the validator
     * @return this builder
     */
    public Builder signatureValidator(SignatureValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Accepts requests without checking their signature, for trying a skill locally without Box.
     * Each request then logs a WARN line. Never use it for a skill Box or anyone else can reach,
     * because any sender could then make it act with tokens of their choosing.
     *
     * @return this builder
     */
    public Builder acceptUnsignedRequestsForLocalTesting() {
      this.validator = SignatureValidator.acceptingUnsignedRequestsForLocalTesting();
      return this;
    }

    /**
     * Sets where to reach Box: {@code BoxEndpoints.production()}, or {@code BoxEndpoints.at(uri)}
     * for LocalBox and other emulators. The pipeline does not close them.
     *
     * @param endpoints the endpoints
     * @return this builder
     */
    public Builder endpoints(BoxEndpoints endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /**
     * Sets the skill that analyses each file, for example {@code SkillRouter.withExamples()}.
     *
     * @param skill the skill
     * @return this builder
     */
    public Builder skill(ExampleSkill skill) {
      this.skill = Objects.requireNonNull(skill, "skill");
      return this;
    }

    /**
     * Sets the store of accepted invocation ids; defaults to a new {@link InMemoryInvocationStore}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder invocationStore(InvocationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Adds a listener that receives the outcome of each accepted invocation.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(InvocationListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets how many invocations are processed at the same time.
     *
     * @param workers the number of worker threads, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if the number is outside 1 to 256
     */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 256) {
        throw new IllegalArgumentException("workers is " + workers + "; expected 1 to 256");
      }
      this.workers = workers;
      return this;
    }

    /**
     * Sets how many accepted invocations may wait for a worker; beyond that deliveries get 503.
     *
     * @param capacity the queue capacity, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the capacity is less than 1
     */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity is " + capacity + "; expected 1 or more");
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets how many times the processing step (download and analysis) runs at most when it fails in
     * a way that may go away, such as a cut-off download.
     *
     * @param attempts the number of attempts, the first one included, 1 to 10
     * @return this builder
     * @throws IllegalArgumentException if the number is outside 1 to 10
     */
    public Builder processingAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException(
            "processingAttempts is " + attempts + "; expected 1 to 10");
      }
      this.processingAttempts = attempts;
      return this;
    }

    /**
     * Sets the wait before the first retry of the processing step; each further retry waits twice
     * as long.
     *
     * @param delay the first wait, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the delay is negative
     */
    public Builder retryDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("retryDelay is " + delay + "; expected zero or more");
      }
      this.retryDelay = delay;
      return this;
    }

    /**
     * Sets what waits between retries of the processing step; tests pass one that returns at once.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets how long {@link SkillPipeline#close()} waits for running invocations.
     *
     * @param timeout the wait, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the timeout is negative
     */
    public Builder shutdownTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(
            "shutdownTimeout is " + timeout + "; expected zero or more");
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Builds the pipeline and starts its workers.
     *
     * @return the pipeline; close it when done
     * @throws IllegalStateException if no signing keys were set and the unsigned mode for local
     *     testing was not chosen, or if the endpoints or the skill are missing
     */
    public SkillPipeline build() {
      if (validator == null) {
        throw new IllegalStateException(
            "No signature keys are configured. Call signingKeys(primary, secondary) with the keys"
                + " from the Box Developer Console (app > Webhooks > Manage signature keys), or,"
                + " only to try the skill locally without Box,"
                + " acceptUnsignedRequestsForLocalTesting().");
      }
      if (endpoints == null) {
        throw new IllegalStateException(
            "No Box endpoints are configured. Call endpoints(BoxEndpoints.production()) for Box,"
                + " or endpoints(BoxEndpoints.at(uri)) for LocalBox or another emulator.");
      }
      if (skill == null) {
        throw new IllegalStateException(
            "No skill is configured. Call skill(...), for example with"
                + " SkillRouter.withExamples().");
      }
      if (store == null) {
        store = InMemoryInvocationStore.withDefaults();
      }
      if (!validator.checksSignatures()) {
        log.warn(
            "This skill pipeline accepts requests WITHOUT checking their signature; use it only"
                + " for local testing, never where Box or anyone else can reach it");
      }
      return new SkillPipeline(this);
    }
  }
}
