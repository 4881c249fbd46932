package io.skillskit.examples.skills;

import io.skillskit.box.FilesReader;
import io.skillskit.box.Usage;
import io.skillskit.cards.TranscriptCard;
import io.skillskit.examples.analysis.Captions;
import io.skillskit.examples.analysis.Transcript;
import io.skillskit.examples.analysis.TranscriptLine;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Turns a WebVTT or SRT caption file into a transcript card titled {@value #TITLE}, one entry per
 * cue with its start and end time.
 *
 * <p>The skill reads the original file with {@link FilesReader#openContent()}; the extracted text
 * Box would offer loses the cue timings. {@link Captions} removes markup such as voice and italic
 * tags. Usage is one file.
 */
public final class CaptionTranscriptSkill implements ExampleSkill {

  /** Title of the transcript card. */
  public static final String TITLE = "Transcript";

  /** Largest caption file the skill reads, in bytes: 20 MiB. */
  public static final long MAX_FILE_BYTES = 20L << 20;

  /** Creates the skill. */
  public CaptionTranscriptSkill() {}

  @Override
  public Set<String> extensions() {
    return Set.of("vtt", "srt");
  }

  @Override
  public SkillResult process(SkillsRequest request, FilesReader reader) throws IOException {
    reader.requireFormat("vtt", "srt").requireMaxSize(MAX_FILE_BYTES);

    Transcript transcript;
    try (InputStream captions = reader.openContent()) {
      transcript = Captions.parse(captions, request.file().name());
    }

    TranscriptCard.Builder card =
        TranscriptCard.builder(request).title(TITLE).duration(transcript.durationSeconds());
    for (TranscriptLine line : transcript.lines()) {
      card.addEntry(line.text(), line.start(), line.end());
    }
    // A caption file without cues has no entries, so build() throws NoInfoFoundException.
    return new SkillResult(List.of(card.build()), Usage.ONE_FILE);
  }
}
