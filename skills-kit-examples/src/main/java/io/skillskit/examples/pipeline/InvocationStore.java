package io.skillskit.examples.pipeline;

/**
 * Remembers which invocations a skill has accepted, so that a re-delivered event is acknowledged
 * without being processed again.
 *
 * <p>Box delivers an event again when the skill does not acknowledge it in time, for up to about 2
 * hours. Each delivery has a new {@code BOX-DELIVERY-ID} header but the same body {@code id}, so
 * the pipeline keys this store on the body's invocation id, and consults it only after the
 * signature was verified. A skill running on several machines shares one store between them, for
 * example in Redis or DynamoDB with a conditional write; {@link InMemoryInvocationStore} serves one
 * process.
 *
 * <p>Implementations are thread-safe.
 */
public interface InvocationStore {

  /**
   * Records an invocation id unless it is recorded already, in one atomic step.
   *
   * @param invocationId the body {@code id} of a verified event
   * @return {@code true} if the id was new and is now recorded, {@code false} if it was recorded
   *     already and the event must not be processed again
   */
  boolean markAccepted(String invocationId);

  /**
   * Forgets an invocation id, so that a later delivery of the event is processed. The pipeline
   * calls it when it recorded an id but could not start the work, for example because its queue was
   * full.
   *
   * @param invocationId the id to forget; an unknown id is ignored
   */
  void forget(String invocationId);
}
