package io.skillskit.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.cards.SkillCard;
import io.skillskit.examples.handlers.jdk.JdkSkillServer;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
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
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * The demo the README starts with: a skill at work on real files, with nothing but this machine.
 *
 * <ol>
 *   <li>Starts {@link LocalBox} on 127.0.0.1 holding the generated {@link SampleFiles}: a WAV
 *       recording with tones and pauses, a PNG image, a text document, a WebVTT and an SRT caption
 *       file, and one file of a format no example reads.
 *   <li>Starts the skill, {@link SkillRouter#withExamples()} behind a {@link SkillPipeline}, on the
 *       JDK's HTTP server at a free port of 127.0.0.1, with signature keys made up for this run.
 *   <li>Sends each file a signed invocation event the way Box does, and waits for its outcome.
 *   <li>Prints the cards LocalBox stored for each file, writes them as pretty-printed JSON, one
 *       file per sample, and checks them against the known results the samples were made with.
 * </ol>
 *
 * <p>Run it from the repository root with {@code mvn -B -q -Pdemo -DskipTests package}, or call
 * {@link #run()} from code. It needs no Box account and no network.
 */
public final class Demo {

  /** Directory {@link #main(String[])} writes the cards to when no directory is given. */
  public static final Path DEFAULT_CARDS_DIRECTORY = Path.of("target", "demo-cards");

  /** How long the demo waits for one invocation to finish. */
  public static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Path cardsDirectory;

  /**
   * Creates a demo run.
   *
   * @param out where the summary is printed
   * @param cardsDirectory the directory for the JSON files of the cards; created when missing
   */
  public Demo(PrintStream out, Path cardsDirectory) {
    this.out = Objects.requireNonNull(out, "out");
    this.cardsDirectory = Objects.requireNonNull(cardsDirectory, "cardsDirectory");
  }

  /**
   * Runs the demo and exits with status 1 when a file did not get the expected cards.
   *
   * @param args optionally the directory for the JSON files of the cards; {@code target/demo-cards}
   *     when none is given
   */
  public static void main(String[] args) {
    Path directory = args.length > 0 ? Path.of(args[0]) : DEFAULT_CARDS_DIRECTORY;
    int status = new Demo(System.out, directory).run();
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo: starts LocalBox and the skill, invokes the skill for every sample, prints and
   * writes the cards and checks them.
   *
   * @return 0 when every sample got the expected cards, 1 otherwise, after printing which file
   *     failed and why
   */
  public int run() {
    try {
      List<SampleRun> runs = invokeAll();
      List<String> problems = new ArrayList<>();
      for (SampleRun run : runs) {
        printSummary(run);
        problems.addAll(run.problems());
      }
      out.println();
      out.println("Cards written as JSON to " + cardsDirectory.toAbsolutePath().normalize());
      if (!problems.isEmpty()) {
        out.println("Demo FAILED:");
        problems.forEach(problem -> out.println("  " + problem));
        return 1;
      }
      out.println("Self-check passed: all " + runs.size() + " files got the expected cards.");
      return 0;
    } catch (DemoException e) {
      out.println("Demo FAILED: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Demo FAILED: interrupted");
      return 1;
    } catch (IOException e) {
      out.println(
          "Demo FAILED: could not write the cards under "
              + cardsDirectory.toAbsolutePath().normalize()
              + ": "
              + e);
      return 1;
    } catch (RuntimeException e) {
      out.println("Demo FAILED unexpectedly: " + e);
      e.printStackTrace(out);
      return 1;
    }
  }

  private List<SampleRun> invokeAll() throws IOException, InterruptedException {
    prepareCardsDirectory();
    String primaryKey = newKey();
    String secondaryKey = newKey();
    InvocationTracker tracker = new InvocationTracker();
    List<SampleRun> runs = new ArrayList<>();

    try (LocalBox box = LocalBox.start();
        BoxEndpoints endpoints =
            BoxEndpoints.builder(box.baseUri())
                .basicFormatPolling(Duration.ofMillis(50), Duration.ofMillis(200))
                .build();
        SkillPipeline pipeline =
            SkillPipeline.builder()
                .signingKeys(primaryKey, secondaryKey)
                .endpoints(endpoints)
                .skill(SkillRouter.withExamples())
                .listener(tracker)
                .build();
        JdkSkillServer server = JdkSkillServer.start(pipeline)) {
      out.println("Skills Kit demo");
      out.println("  LocalBox (a stand-in for Box) at " + box.baseUri());
      out.println("  skill endpoint (JDK HttpServer) at " + server.uri());

      InvocationSender sender =
          InvocationSender.builder().primaryKey(primaryKey).secondaryKey(secondaryKey).build();
      for (SampleFile sample : SampleFiles.all()) {
        runs.add(invoke(box, server, sender, tracker, sample));
      }
    }
    return runs;
  }

  private SampleRun invoke(
      LocalBox box,
      JdkSkillServer server,
      InvocationSender sender,
      InvocationTracker tracker,
      SampleFile sample)
      throws IOException, InterruptedException {
    LocalFile file = box.addFile(sample.fileName(), sample.content());
    InvocationEvent event = InvocationEvent.builder(box.invocationFor(file.id())).build();

    DeliveryResult delivery = sender.send(server.uri(), event);
    if (!delivery.isAcknowledged()) {
      throw new DemoException(
          sample.fileName() + ": the skill did not acknowledge the invocation: " + delivery);
    }
    InvocationOutcome outcome;
    try {
      outcome = tracker.await(event.invocationId(), INVOCATION_TIMEOUT);
    } catch (TimeoutException e) {
      throw new DemoException(sample.fileName() + ": " + e.getMessage());
    }

    List<JsonNode> stored = box.storedCards(file.id());
    List<InvocationUpdate> history = box.invocationHistory(file.id());
    List<SkillCard> cards = new ArrayList<>();
    for (JsonNode card : stored) {
      cards.add(SkillCard.parse(card.toString()));
    }
    writeCards(sample, stored);
    List<String> problems = new ArrayList<>();
    for (String problem : Expectations.check(sample.fileName(), outcome, history, cards)) {
      problems.add(sample.fileName() + ": " + problem);
    }
    return new SampleRun(sample, outcome, history, cards, problems);
  }

  private void printSummary(SampleRun run) {
    out.println();
    List<String> statuses = run.history().stream().map(InvocationUpdate::status).toList();
    String status = statuses.isEmpty() ? "no status written" : statuses.get(statuses.size() - 1);
    out.println(
        run.sample().fileName()
            + ": "
            + status
            + " (statuses written: "
            + String.join(" -> ", statuses)
            + ")");
    for (SkillCard card : run.cards()) {
      CardSummary.print(card, out);
    }
  }

  private void prepareCardsDirectory() throws IOException {
    Files.createDirectories(cardsDirectory);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(cardsDirectory, "*.json")) {
      for (Path path : old) {
        Files.delete(path);
      }
    }
  }

  private void writeCards(SampleFile sample, List<JsonNode> stored) throws IOException {
    ObjectNode document = JSON.createObjectNode();
    document.putArray("cards").addAll(stored);
    Path target = cardsDirectory.resolve(sample.fileName() + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), document);
  }

  private static String newKey() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Record of one sample's invocation: its outcome, status history, cards and problems. */
  record SampleRun(
      SampleFile sample,
      InvocationOutcome outcome,
      List<InvocationUpdate> history,
      List<SkillCard> cards,
      List<String> problems) {}

  /** A step of the demo that failed, with the file and the reason in its message. */
  private static final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoException(String message) {
      super(message);
    }
  }
}
