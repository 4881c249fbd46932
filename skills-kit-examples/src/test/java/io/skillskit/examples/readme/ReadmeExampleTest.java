package io.skillskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.handlers.jdk.JdkSkillServer;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.InvocationTracker;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.sender.InvocationSender;
import io.skillskit.examples.skills.SkillRouter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's offline example word for word, so the README cannot drift from the API. */
class ReadmeExampleTest {

  private static final String PRIMARY_KEY = "ReadmePrimaryKey0000000000000001";
  private static final String SECONDARY_KEY = "ReadmeSecondaryKey00000000000002";

  @Test
  void offlineExampleStoresTimelineCard() throws Exception {
    String primaryKey = PRIMARY_KEY;
    String secondaryKey = SECONDARY_KEY;
    byte[] wavBytes = SampleFiles.tonesWav().content();

    // README example starts here.
    InvocationTracker tracker = new InvocationTracker();
    try (LocalBox box = LocalBox.start();
        BoxEndpoints endpoints = BoxEndpoints.at(box.baseUri());
        SkillPipeline pipeline =
            SkillPipeline.builder()
                .signingKeys(primaryKey, secondaryKey)
                .endpoints(endpoints)
                .skill(SkillRouter.withExamples())
                .listener(tracker)
                .build();
        JdkSkillServer server = JdkSkillServer.start(pipeline)) {

      LocalFile file = box.addFile("memo.wav", wavBytes);
      InvocationEvent event = InvocationEvent.builder(box.invocationFor(file.id())).build();
      InvocationSender sender =
          InvocationSender.builder().primaryKey(primaryKey).secondaryKey(secondaryKey).build();
      sender.send(server.uri(), event);

      InvocationOutcome outcome = tracker.await(event.invocationId(), Duration.ofSeconds(30));
      List<JsonNode> cards = box.storedCards(file.id());
      // README example ends here.

      assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
      assertThat(cards).hasSize(1);
      assertThat(cards.get(0).path("skill_card_type").asText()).isEqualTo("timeline");
    }
  }
}
