package io.skillskit.examples.skills;

import io.skillskit.box.FileRejectedException;
import io.skillskit.box.FilesReader;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the skill for a file by its extension and passes the file on to it.
 *
 * <p>A file whose extension no skill handles is rejected through {@link
 * FilesReader#requireFormat(String...)}, so it fails with a {@link FileRejectedException} carrying
 * {@link io.skillskit.cards.SkillsError#INVALID_FILE_FORMAT}, and the pipeline writes that error
 * card.
 *
 * <pre>{@code
 * ExampleSkill skill = SkillRouter.withExamples();   // wav, images, text documents, captions
 * ExampleSkill mine = SkillRouter.of(new SoundTimelineSkill(), new CaptionTranscriptSkill());
 * }</pre>
 */
public final class SkillRouter implements ExampleSkill {

  private final Map<String, ExampleSkill> byExtension;

  private SkillRouter(Map<String, ExampleSkill> byExtension) {
    this.byExtension = byExtension;
  }

  /**
   * Returns a router over the four example skills: {@link SoundTimelineSkill}, {@link
   * ImageColoursSkill}, {@link DocumentTopicsSkill} and {@link CaptionTranscriptSkill}.
   *
   * @return the router
   */
  public static SkillRouter withExamples() {
    return of(
        new SoundTimelineSkill(),
        new ImageColoursSkill(),
        new DocumentTopicsSkill(),
        new CaptionTranscriptSkill());
  }

  /**
   * Returns a router over the given skills.
   *
   * @param skills the skills, whose extensions must not overlap
   * @return the router
   * @throws IllegalArgumentException if no skill is given or two skills claim the same extension
   * @throws NullPointerException if the array or a skill is null
   */
  public static SkillRouter of(ExampleSkill... skills) {
    Objects.requireNonNull(skills, "skills");
    return of(List.of(skills));
  }

  /**
   * Returns a router over the given skills.
   *
   * @param skills the skills, whose extensions must not overlap
   * @return the router
   * @throws IllegalArgumentException if the list is empty or two skills claim the same extension
   * @throws NullPointerException if the list or a skill is null
   */
  public static SkillRouter of(List<? extends ExampleSkill> skills) {
    Objects.requireNonNull(skills, "skills");
    if (skills.isEmpty()) {
      throw new IllegalArgumentException("a router needs at least one skill");
    }
    Map<String, ExampleSkill> byExtension = new LinkedHashMap<>();
    for (ExampleSkill skill : skills) {
      Objects.requireNonNull(skill, "skill");
      for (String extension : skill.extensions()) {
        ExampleSkill previous = byExtension.putIfAbsent(extension, skill);
        if (previous != null) {
          throw new IllegalArgumentException(
              "extension "
                  + extension
                  + " is claimed by both "
                  + previous.getClass().getSimpleName()
                  + " and "
                  + skill.getClass().getSimpleName()
                  + "; give each extension to one skill");
        }
      }
    }
    return new SkillRouter(Collections.unmodifiableMap(byExtension));
  }

  /**
   * Returns every extension some skill of this router handles.
   *
   * @return the extensions in alphabetical order
   */
  @Override
  public Set<String> extensions() {
    return Collections.unmodifiableSet(new TreeSet<>(byExtension.keySet()));
  }

  /**
   * Returns the skill that handles an extension.
   *
   * @param extension a lower-case extension without a dot
   * @return the skill, or {@code null} when none handles it
   */
  ExampleSkill skillFor(String extension) {
    return byExtension.get(extension);
  }

  /**
   * Passes the file on to the skill for its extension.
   *
   * @throws FileRejectedException with {@link io.skillskit.cards.SkillsError#INVALID_FILE_FORMAT}
   *     if no skill handles the extension, and whatever the chosen skill throws
   */
  @Override
  public SkillResult process(SkillsRequest request, FilesReader reader) throws IOException {
    ExampleSkill skill = byExtension.get(request.file().extension());
    if (skill == null) {
      // Always throws here, because the extension is not among the accepted ones.
      reader.requireFormat(extensions().toArray(String[]::new));
      throw new IllegalStateException(
          "requireFormat accepted extension " + request.file().extension());
    }
    return skill.process(request, reader);
  }

  /**
   * Lists the extensions and their skills.
   *
   * @return text such as {@code SkillRouter[wav=SoundTimelineSkill, ...]}
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SkillRouter[");
    String separator = "";
    for (Map.Entry<String, ExampleSkill> entry : byExtension.entrySet()) {
      text.append(separator)
          .append(entry.getKey())
          .append('=')
          .append(entry.getValue().getClass().getSimpleName());
      separator = ", ";
    }
    return text.append(']').toString();
  }
}
