package io.skillskit.examples.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link InvocationListener} that keeps every outcome and lets callers wait for the outcome of
 * an invocation by its id, also before the invocation was sent.
 *
 * <pre>{@code
 * InvocationTracker tracker = new InvocationTracker();
 * SkillPipeline pipeline = SkillPipeline.builder()...listener(tracker).build();
 * sender.send(skillUrl, event);
 * InvocationOutcome outcome = tracker.await(event.invocationId(), Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Outcomes are kept until {@link #clear()}, so use it in tests and demos, not in a long-running
 * server. Thread-safe.
 */
public final class InvocationTracker implements InvocationListener {

  private final ConcurrentMap<String, CompletableFuture<InvocationOutcome>> outcomes =
      new ConcurrentHashMap<>();
  private final List<InvocationOutcome> finished = new CopyOnWriteArrayList<>();

  /** Creates a tracker without outcomes. */
  public InvocationTracker() {}

  @Override
  public void onFinished(InvocationOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    finished.add(outcome);
    future(outcome.invocationId()).complete(outcome);
  }

  /**
   * Returns a future that completes with the outcome of an invocation.
   *
   * @param invocationId the body {@code id} of the event
   * @return the future, already complete when the invocation has finished
   */
  public CompletableFuture<InvocationOutcome> outcomeOf(String invocationId) {
    return future(invocationId);
  }

  /**
   * Waits for the outcome of an invocation.
   *
   * @param invocationId the body {@code id} of the event
   * @param timeout how long to wait at most
   * @return the outcome
   * @throws TimeoutException if the invocation has not finished within the timeout
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public InvocationOutcome await(String invocationId, Duration timeout)
      throws TimeoutException, InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    try {
      return future(invocationId).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      // The futures are only ever completed normally.
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      TimeoutException timedOut =
          new TimeoutException(
              "Invocation " + invocationId + " did not finish within " + timeout + ".");
      timedOut.initCause(e);
      throw timedOut;
    }
  }

  /**
   * Returns every outcome received so far, in the order the invocations finished.
   *
   * @return an unmodifiable copy of the outcomes
   */
  public List<InvocationOutcome> finished() {
    return List.copyOf(finished);
  }

  /** Forgets every outcome and every pending wait. */
  public void clear() {
    outcomes.clear();
    finished.clear();
  }

  private CompletableFuture<InvocationOutcome> future(String invocationId) {
    Objects.requireNonNull(invocationId, "invocationId");
    return outcomes.computeIfAbsent(invocationId, id -> new CompletableFuture<>());
  }
}
