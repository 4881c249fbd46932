package io.skillskit.examples.pipeline;

/**
 * Receives the outcome of each invocation the pipeline accepted, once it has finished, for example
 * to count results or to let a test or the demo wait without sleeping.
 *
 * <p>Called once per accepted invocation, on the thread that finished it. A listener must be quick
 * and thread-safe; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface InvocationListener {

  /**
   * Receives the outcome of a finished invocation.
   *
   * @param outcome how the invocation ended
   */
  void onFinished(InvocationOutcome outcome);
}
