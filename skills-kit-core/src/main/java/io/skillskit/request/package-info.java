/**
 * The skill invocation event Box POSTs to a skill: {@link io.skillskit.request.SkillsRequest}
 * parses it, and its parts describe the skill, the file and the two tokens.
 *
 * <p>Entry point: {@link io.skillskit.request.SkillsRequest#parse(byte[])}, called with the raw
 * body after the signature has been verified. Problems with the body are reported as {@link
 * io.skillskit.request.InvalidSkillsRequestException}, whose message names the JSON path and the
 * expectation.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; values that may be
 * absent are returned as {@link java.util.Optional}.
 */
package io.skillskit.request;
