/**
 * Skill cards: the JSON objects a skill writes onto a file for the Box web app to show.
 *
 * <p>Entry points: the builders of {@link io.skillskit.cards.KeywordCard}, {@link
 * io.skillskit.cards.TimelineCard} and {@link io.skillskit.cards.TranscriptCard} for results, and
 * {@link io.skillskit.cards.StatusCard} for the processing and error cards, each bound to a {@link
 * io.skillskit.request.SkillsRequest}. {@link io.skillskit.cards.SkillCard#toJson()} returns the
 * exact JSON Box stores. {@link io.skillskit.cards.SkillsError} contains Box's nine error codes,
 * and {@link io.skillskit.cards.Thumbnails} makes the 45 x 45 images of timeline entries.
 *
 * <pre>{@code
 * KeywordCard topics = KeywordCard.builder(request).title("Topics")
 *     .addEntry("budget").addEntry("hiring").build();
 * String json = topics.toJson();
 * }</pre>
 *
 * <p>Builders check their input when {@code build()} is called and name the entry index and the
 * value in their messages. An entry with a blank text is dropped with a warning; a card left
 * without entries raises {@link io.skillskit.cards.NoInfoFoundException}, so the skill can write an
 * error card with {@link io.skillskit.cards.SkillsError#NO_INFO_FOUND} instead.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; values that may be
 * absent are returned as {@link java.util.Optional}. Cards are immutable and thread-safe, builders
 * are not.
 */
package io.skillskit.cards;
