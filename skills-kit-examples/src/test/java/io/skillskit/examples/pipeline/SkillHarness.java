package io.skillskit.examples.pipeline;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.sender.DeliveryHeaders;
import io.skillskit.examples.sender.DeliverySigner;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.skills.SkillRouter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * LocalBox, endpoints that do not really wait between retries, and a pipeline over the example
 * skills with a tracker, for tests of the pipeline and its hosts. Waits the kit and the pipeline
 * would take are recorded instead.
 */
public final class SkillHarness implements AutoCloseable {

  /** Primary signature key the pipeline accepts. */
  public static final String PRIMARY_KEY = "HarnessPrimaryKey0123456789abcdef";

  /** Secondary signature key the pipeline accepts. */
  public static final String SECONDARY_KEY = "HarnessSecondaryKey0123456789abcd";

  /** Time zone of the delivery timestamps, as Box sends them. */
  public static final ZoneId BOX_ZONE = ZoneId.of("America/Los_Angeles");

  /** How long a test waits for an invocation at most. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final LocalBox box;
  private final BoxEndpoints endpoints;
  private final InvocationTracker tracker = new InvocationTracker();
  private final List<Duration> boxWaits = new CopyOnWriteArrayList<>();
  private final List<Duration> pipelineWaits = new CopyOnWriteArrayList<>();
  private final SkillPipeline pipeline;

  private SkillHarness(Consumer<SkillPipeline.Builder> customization) {
    box = LocalBox.start();
    endpoints =
        BoxEndpoints.builder(box.baseUri())
            .sleeper(boxWaits::add)
            .maxAttempts(2)
            .basicFormatPolling(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
    SkillPipeline.Builder builder =
        SkillPipeline.builder()
            .signingKeys(PRIMARY_KEY, SECONDARY_KEY)
            .endpoints(endpoints)
            .skill(SkillRouter.withExamples())
            .listener(tracker)
            .sleeper(pipelineWaits::add)
            .shutdownTimeout(TIMEOUT);
    customization.accept(builder);
    pipeline = builder.build();
  }

  /**
   * Starts LocalBox and the default pipeline.
   *
   * @return the harness; close it after the test
   */
  public static SkillHarness start() {
    return start(builder -> {});
  }

  /**
   * Starts LocalBox and a pipeline the caller may change before it is built.
   *
   * @param customization changes to the pipeline builder
   * @return the harness; close it after the test
   */
  public static SkillHarness start(Consumer<SkillPipeline.Builder> customization) {
    return new SkillHarness(customization);
  }

  public LocalBox box() {
    return box;
  }

  public BoxEndpoints endpoints() {
    return endpoints;
  }

  public SkillPipeline pipeline() {
    return pipeline;
  }

  public InvocationTracker tracker() {
    return tracker;
  }

  /** Waits the kit would have taken between retries of Box calls. */
  public List<Duration> boxWaits() {
    return boxWaits;
  }

  /** Waits the pipeline would have taken between processing attempts. */
  public List<Duration> pipelineWaits() {
    return pipelineWaits;
  }

  /** Stores a sample file in LocalBox. */
  public LocalFile add(SampleFile sample) {
    return box.addFile(sample.fileName(), sample.content());
  }

  /** Builds an invocation event for a file, with fresh tokens. */
  public InvocationEvent eventFor(LocalFile file) {
    return InvocationEvent.builder(box.invocationFor(file.id())).build();
  }

  /** Builds an invocation event for a grant. */
  public static InvocationEvent eventFor(InvocationGrant grant) {
    return InvocationEvent.builder(grant).build();
  }

  /** Waits for the outcome of an invocation. */
  public InvocationOutcome await(String invocationId) throws Exception {
    return tracker.await(invocationId, TIMEOUT);
  }

  /**
   * Returns the headers Box sends with a body, signed with the harness keys at the current time.
   */
  public static Map<String, String> signedHeaders(byte[] body) {
    return signedHeaders(body, PRIMARY_KEY, SECONDARY_KEY);
  }

  /** Returns the headers Box sends with a body, signed with the given keys. */
  public static Map<String, String> signedHeaders(byte[] body, String primary, String secondary) {
    String timestamp = DeliverySigner.timestamp(Instant.now(), BOX_ZONE);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(DeliveryHeaders.DELIVERY_ID, UUID.randomUUID().toString());
    headers.put(DeliveryHeaders.DELIVERY_TIMESTAMP, timestamp);
    headers.put(DeliveryHeaders.SIGNATURE_PRIMARY, DeliverySigner.sign(primary, body, timestamp));
    headers.put(
        DeliveryHeaders.SIGNATURE_SECONDARY, DeliverySigner.sign(secondary, body, timestamp));
    headers.put(DeliveryHeaders.SIGNATURE_VERSION, "1");
    headers.put(DeliveryHeaders.SIGNATURE_ALGORITHM, "HmacSHA256");
    return headers;
  }

  /** Converts single-valued headers into the multi-valued form the pipeline takes. */
  public static Map<String, List<String>> multiValued(Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  @Override
  public void close() {
    pipeline.close();
    endpoints.close();
    box.close();
  }
}
