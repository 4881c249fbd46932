/**
 * An AWS Lambda skill endpoint for API Gateway proxy events, which processes each invocation before
 * returning because Lambda freezes a function once it has responded. Start at {@link
 * io.skillskit.examples.handlers.lambda.SkillLambdaHandler}.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.handlers.lambda;
