package io.skillskit.examples.skills;

import io.skillskit.box.FileRejectedException;
import io.skillskit.box.FilesReader;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.util.Set;

/**
 * One example skill: reads the file of an invocation event and returns the cards to write onto it.
 *
 * <p>A skill only analyses. Verifying the request, acknowledging it, writing the processing card,
 * retrying failed downloads and writing the cards or an error card are the job of the pipeline that
 * calls it, so the same skill runs unchanged behind every host.
 *
 * <pre>{@code
 * ExampleSkill skill = new CaptionTranscriptSkill();
 * SkillResult result = skill.process(request, FilesReader.of(request, endpoints));
 * SkillsWriter.of(request, endpoints).saveDataCards(result.cards(), result.usage());
 * }</pre>
 *
 * <p>Implementations are thread-safe: one instance serves every invocation.
 */
public interface ExampleSkill {

  /**
   * Returns the file extensions this skill processes.
   *
   * @return lower-case extensions without a dot, such as {@code "wav"}; never empty
   */
  Set<String> extensions();

  /**
   * Reads the event's file and analyses it.
   *
   * @param request the verified and parsed invocation event
   * @param reader the reader for the event's file, with the read token
   * @return the cards to write and the usage to report
   * @throws FileRejectedException if the file's format or size is not supported
   * @throws IOException if reading the file fails, for example when a download is cut off
   * @throws io.skillskit.box.BoxCallException if Box responds with an error or cannot be reached
   * @throws io.skillskit.box.TokenExpiredException if the read token has expired
   * @throws io.skillskit.box.BasicFormatException if Box cannot provide the basic format the skill
   *     reads
   * @throws io.skillskit.cards.NoInfoFoundException if the analysis found nothing to show
   * @throws io.skillskit.examples.analysis.AnalysisException if the file is damaged or not in the
   *     format its extension claims
   */
  SkillResult process(SkillsRequest request, FilesReader reader) throws IOException;
}
