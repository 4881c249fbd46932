/**
 * One pipeline shared by every host: verify the signature over the raw bytes, parse, de-duplicate
 * on the invocation id, acknowledge at once, then process in the background and write the data
 * cards or an error card.
 *
 * <p>Start at {@link io.skillskit.examples.pipeline.SkillPipeline}: a host passes it the raw body
 * and the headers of each delivery and sends back the {@link
 * io.skillskit.examples.pipeline.SkillResponse}. {@link
 * io.skillskit.examples.pipeline.InvocationStore} de-duplicates re-deliveries, {@link
 * io.skillskit.examples.pipeline.InvocationListener} and {@link
 * io.skillskit.examples.pipeline.InvocationTracker} report each outcome, and {@link
 * io.skillskit.examples.pipeline.SkillConfig} reads keys and the Box URL from the environment.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.pipeline;
