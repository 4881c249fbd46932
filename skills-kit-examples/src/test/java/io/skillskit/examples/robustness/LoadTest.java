package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.handlers.jdk.JdkSkillServer;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.InvocationTracker;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.DeliveryResult;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.sender.InvocationSender;
import io.skillskit.examples.skills.SkillRouter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sends many signed invocations at once through the sender, the JDK endpoint and the example
 * pipeline to LocalBox, some of them delivered twice, and checks that every file ends with the
 * cards of its invocation written exactly once. It prints the throughput and the spread of the time
 * from sending to the success write, and writes them to {@code target/load-figures.txt}.
 *
 * <p>The default run sends 200 invocations, all at once. The Maven profile {@code robustness-heavy}
 * sends 2,000, 200 at a time, by setting the system properties {@code robustness.load.invocations}
 * and {@code robustness.load.concurrency}.
 */
class LoadTest {

  private static final String PRIMARY_KEY = "LoadPrimaryKey0123456789abcdefghi";
  private static final String SECONDARY_KEY = "LoadSecondaryKey0123456789abcdefg";

  private static final int INVOCATIONS = Integer.getInteger("robustness.load.invocations", 200);
  private static final int CONCURRENCY =
      Integer.getInteger("robustness.load.concurrency", INVOCATIONS);

  /** One invocation in ten is delivered a second time, as Box does when a reply is slow. */
  private static final int REDELIVERY_EVERY = 10;

  /** Only a guard against hangs, far above the few seconds the default run takes. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(10);

  private static final Path FIGURES = Path.of("target", "load-figures.txt");

  /** Samples of a few KB, one per example skill that reads them whole or as a basic format. */
  private static final List<SampleFile> SAMPLES =
      List.of(
          SampleFiles.meetingNotesText(),
          SampleFiles.captionsVtt(),
          SampleFiles.captionsSrt(),
          SampleFiles.colourBlocksPng());

  private record Sent(String fileId, InvocationEvent event, Instant sentAt) {}

  @Test
  void everyFileGetsItsCardsOnce() throws Exception {
    Resources resources = Resources.snapshot();
    InvocationTracker tracker = new InvocationTracker();
    LocalBox box = LocalBox.builder().threads(16).pendingPolls(1).start();
    BoxEndpoints endpoints =
        BoxEndpoints.builder(box.baseUri())
            .basicFormatPolling(Duration.ofMillis(20), Duration.ofMillis(100))
            .build();
    SkillPipeline pipeline =
        SkillPipeline.builder()
            .signingKeys(PRIMARY_KEY, SECONDARY_KEY)
            .endpoints(endpoints)
            .skill(SkillRouter.withExamples())
            .listener(tracker)
            .workers(8)
            .queueCapacity(INVOCATIONS + INVOCATIONS / REDELIVERY_EVERY)
            .build();
    JdkSkillServer server = JdkSkillServer.builder(pipeline).threads(8).start();
    InvocationSender sender =
        InvocationSender.builder()
            .primaryKey(PRIMARY_KEY)
            .secondaryKey(SECONDARY_KEY)
            .ackTimeout(Duration.ofSeconds(30))
            .build();

    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < INVOCATIONS; i++) {
      SampleFile sample = SAMPLES.get(i % SAMPLES.size());
      LocalFile file = box.addFile(i + "-" + sample.fileName(), sample.content());
      InvocationEvent event = InvocationEvent.builder(box.invocationFor(file.id())).build();
      sent.add(new Sent(file.id(), event, null));
    }

    List<Sent> timed = Collections.synchronizedList(new ArrayList<>());
    List<DeliveryResult> deliveries = Collections.synchronizedList(new ArrayList<>());
    Instant[] window = new Instant[2];
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> tasks = new ArrayList<>();
          for (int i = 0; i < sent.size(); i++) {
            Sent one = sent.get(i);
            int copies = i % REDELIVERY_EVERY == 0 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
              tasks.add(
                  senders.submit(
                      () -> {
                        go.await();
                        Instant start = Instant.now();
                        DeliveryResult result = sender.send(server.uri(), one.event());
                        deliveries.add(result);
                        timed.add(new Sent(one.fileId(), one.event(), start));
                        return null;
                      }));
            }
          }
          window[0] = Instant.now();
          go.countDown();
          for (Future<?> task : tasks) {
            task.get();
          }
          senders.shutdown();
          for (Sent one : sent) {
            tracker.await(one.event().invocationId(), HANG_GUARD);
          }
        });

    server.close();
    pipeline.close();
    assertThat(Resources.connectionsInUse(endpoints)).as("connections in use").isZero();
    endpoints.close();

    // Every delivery was acknowledged, each second delivery as a duplicate, and each invocation
    // was processed once.
    int redelivered = (INVOCATIONS + REDELIVERY_EVERY - 1) / REDELIVERY_EVERY;
    assertThat(deliveries).hasSize(INVOCATIONS + redelivered);
    assertThat(deliveries).allMatch(DeliveryResult::isAcknowledged);
    assertThat(deliveries.stream().filter(LoadTest::isDuplicate)).hasSize(redelivered);
    assertThat(tracker.finished()).hasSize(INVOCATIONS);
    assertThat(tracker.finished()).allMatch(InvocationOutcome::isSuccess);
    assertThat(tracker.finished().stream().map(InvocationOutcome::invocationId).distinct())
        .hasSize(INVOCATIONS);

    // Every file ends with its own cards, written with status success exactly once.
    List<Duration> latencies = new ArrayList<>();
    Instant lastWrite = window[0];
    for (Sent one : sent) {
      List<InvocationUpdate> history = box.invocationHistory(one.fileId());
      List<InvocationUpdate> successes =
          history.stream().filter(update -> update.status().equals("success")).toList();
      assertThat(successes).as("success writes of file %s", one.fileId()).hasSize(1);
      assertThat(history.get(history.size() - 1).status()).isEqualTo("success");
      List<JsonNode> cards = box.storedCards(one.fileId());
      assertThat(cards).isNotEmpty();
      for (JsonNode card : cards) {
        assertThat(card.at("/invocation/id").asText()).isEqualTo(one.event().invocationId());
      }
      Instant written = successes.get(0).appliedAt();
      lastWrite = written.isAfter(lastWrite) ? written : lastWrite;
      latencies.add(Duration.between(firstSend(timed, one), written));
    }
    assertThat(box.requestsTo(Method.PUT, "/2.0/skill_invocations/")).hasSize(2 * INVOCATIONS);
    window[1] = lastWrite;

    box.close();
    resources.assertReleased();

    Tally.add(Tally.INVOCATIONS, INVOCATIONS + redelivered);
    report(latencies, Duration.between(window[0], window[1]), redelivered);
  }

  private static boolean isDuplicate(DeliveryResult delivery) {
    return delivery.lastAttempt().responseBody().contains("\"duplicate\"");
  }

  private static Instant firstSend(List<Sent> timed, Sent one) {
    synchronized (timed) {
      return timed.stream()
          .filter(sentOne -> sentOne.event() == one.event())
          .map(Sent::sentAt)
          .min(Instant::compareTo)
          .orElseThrow();
    }
  }

  private static void report(List<Duration> latencies, Duration total, int redelivered)
      throws IOException {
    List<Long> millis = latencies.stream().map(Duration::toMillis).sorted().toList();
    double seconds = total.toNanos() / 1e9;
    String figures =
        String.format(
            Locale.ROOT,
            "invocations: %d (%d delivered twice), concurrency: %d%n"
                + "wall time from first send to last success write: %.2f s%n"
                + "throughput: %.1f invocations/s%n"
                + "send to success write: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
            INVOCATIONS,
            redelivered,
            CONCURRENCY,
            seconds,
            INVOCATIONS / seconds,
            percentile(millis, 50),
            percentile(millis, 90),
            percentile(millis, 99),
            millis.get(millis.size() - 1));
    System.out.print(figures);
    Files.createDirectories(FIGURES.getParent());
    Files.writeString(FIGURES, figures, StandardCharsets.UTF_8);
  }

  /** Returns the nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
