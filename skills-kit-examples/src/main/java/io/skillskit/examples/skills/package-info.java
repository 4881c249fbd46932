/**
 * Example skills doing real work on real files without any outside service. They find the sound and
 * silence in a WAV recording, the dominant colours and size of an image, the topics of a text
 * document and the transcript of a caption file.
 *
 * <p>Each skill is one small class implementing {@link io.skillskit.examples.skills.ExampleSkill}:
 * it reads the file through a {@link io.skillskit.box.FilesReader} and returns the cards with the
 * usage to report. {@link io.skillskit.examples.skills.SkillRouter} picks the skill by file
 * extension and rejects other files with {@code skills_invalid_file_format_error}. The pipeline in
 * {@code io.skillskit.examples.pipeline} does the rest: verifying, acknowledging, retrying and
 * writing.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.skills;
