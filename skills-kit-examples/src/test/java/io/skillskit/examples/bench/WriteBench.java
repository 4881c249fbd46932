package io.skillskit.examples.bench;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.SkillsWriter;
import io.skillskit.cards.KeywordCard;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.request.SkillsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Latency and throughput of {@link SkillsWriter#saveDataCards(List)} against LocalBox.
 *
 * <p>Each call builds a three-keyword card and sends {@code PUT /2.0/skill_invocations/{id}} with
 * status {@code success}; LocalBox checks the token, validates the card as Box does and stores it.
 * Sequential rounds time each call of one caller. Concurrent rounds start {@value #CALLERS}
 * threads at once, each with its own invocation and writer on one shared {@link BoxEndpoints}, and
 * divide the calls by the time until the last thread is done.
 */
final class WriteBench {

  static final int CALLERS = 16;
  private static final int WARMUP_CALLS = 2_000;
  private static final int SEQUENTIAL_CALLS = 3_000;
  private static final int CALLS_PER_CALLER = 600;
  private static final long ROUND_TIMEOUT_SECONDS = 300;

  private final LocalBox box;
  private final BoxEndpoints endpoints;

  WriteBench(LocalBox box, BoxEndpoints endpoints) {
    this.box = box;
    this.endpoints = endpoints;
  }

  /** Runs warm-up and the rounds and returns the Markdown section. */
  String run(int rounds) throws Exception {
    SkillsRequest single = newInvocation("sequential.mp3");
    List<SkillsRequest> many = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      many.add(newInvocation("concurrent-" + i + ".mp3"));
    }

    sequential(single, WARMUP_CALLS);
    concurrent(many, WARMUP_CALLS / CALLERS);

    List<Double> medians = new ArrayList<>();
    List<Double> p90s = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    List<Double> throughputs = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      box.clearRequests();
      double[] micros = sequential(single, SEQUENTIAL_CALLS);
      medians.add(Stats.percentile(micros, 50));
      p90s.add(Stats.percentile(micros, 90));
      p99s.add(Stats.percentile(micros, 99));
      box.clearRequests();
      double callsPerSecond = concurrent(many, CALLS_PER_CALLER);
      throughputs.add(callsPerSecond);
      System.out.printf(
          Locale.ROOT,
          "write round %d: median %.0f us, p90 %.0f us, p99 %.0f us; %d callers %.0f calls/s%n",
          round,
          medians.get(round - 1),
          p90s.get(round - 1),
          p99s.get(round - 1),
          CALLERS,
          callsPerSecond);
    }
    box.clearRequests();

    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "### saveDataCards against LocalBox, %d rounds%n%n"
                + "Sequential: %d calls per round after %d warm-up calls. Concurrent: %d callers x"
                + " %d calls per round.%n%n",
            rounds,
            SEQUENTIAL_CALLS,
            WARMUP_CALLS,
            CALLERS,
            CALLS_PER_CALLER));
    text.append("| figure | median over rounds | min-max |\n|---|---|---|\n");
    row(text, "sequential latency p50 (us)", medians);
    row(text, "sequential latency p90 (us)", p90s);
    row(text, "sequential latency p99 (us)", p99s);
    row(text, CALLERS + " callers, calls/s", throughputs);
    return text.toString();
  }

  private static void row(StringBuilder text, String figure, List<Double> values) {
    text.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.0f-%.0f |%n",
            figure,
            Stats.median(values),
            Stats.min(values),
            Stats.max(values)));
  }

  private SkillsRequest newInvocation(String name) {
    LocalFile file = box.addFile(name, RepeatingContent.of(1024));
    byte[] event = InvocationEvent.builder(box.invocationFor(file.id())).build().body();
    return SkillsRequest.parse(event);
  }

  /** Makes {@code calls} sequential calls and returns each one's time in microseconds. */
  private double[] sequential(SkillsRequest request, int calls) {
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    double[] micros = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      writer.saveDataCards(List.of(card(request, i)));
      micros[i] = (System.nanoTime() - start) / 1e3;
    }
    return micros;
  }

  /** Runs one caller per request at once and returns calls per second over all of them. */
  private double concurrent(List<SkillsRequest> requests, int callsEach) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch ready = new CountDownLatch(requests.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (SkillsRequest request : requests) {
        done.add(
            callers.submit(
                () -> {
                  SkillsWriter writer = SkillsWriter.of(request, endpoints);
                  ready.countDown();
                  go.await();
                  for (int i = 0; i < callsEach; i++) {
                    writer.saveDataCards(List.of(card(request, i)));
                  }
                  return null;
                }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> future : done) {
        future.get(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      long elapsed = System.nanoTime() - start;
      return requests.size() * (double) callsEach / (elapsed / 1e9);
    } finally {
      callers.shutdownNow();
    }
  }

  private static KeywordCard card(SkillsRequest request, int call) {
    return KeywordCard.builder(request)
        .title("Topics")
        .addEntry("budget")
        .addEntry("hiring")
        .addEntry("roadmap " + call)
        .build();
  }
}
