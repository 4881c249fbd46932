/**
 * Skills Kit for Java: the steps of a Box Custom Skill, one call each.
 *
 * <p>Box POSTs a signed skill invocation event to the skill when a file lands in a watched
 * folder. A skill built on this kit
 *
 * <ol>
 *   <li>verifies the signature over the raw body with {@link
 *       io.skillskit.signature.SignatureValidator},
 *   <li>parses the same bytes with {@link io.skillskit.request.SkillsRequest#parse(byte[])},
 *   <li>answers 200 at once and does the rest asynchronously,
 *   <li>writes a processing card with {@link io.skillskit.box.SkillsWriter},
 *   <li>reads the file or a basic format of it with {@link io.skillskit.box.FilesReader},
 *   <li>builds {@link io.skillskit.cards.SkillCard}s and writes them, or an error card.
 * </ol>
 *
 * <p>Every exception the kit throws for a failed step extends {@link
 * io.skillskit.SkillsKitException}. Tokens, signing keys and URLs that carry a token never
 * appear in a log line, an exception message or a {@code toString()}.
 *
 * <p>Null rule for every package of the kit: parameters and return values are non-null unless a
 * member's documentation says otherwise. Values that may be absent are returned as {@link
 * java.util.Optional}; lists are never {@code null}.
 */
package io.skillskit;
