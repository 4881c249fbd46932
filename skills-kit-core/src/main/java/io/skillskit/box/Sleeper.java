package io.skillskit.box;

import java.time.Duration;

/**
 * Waits between attempts of a Box call and between polls of a basic format. The default waits with
 * {@link Thread#sleep(long)}; tests inject one that records the waits and returns at once.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * BoxEndpoints box = BoxEndpoints.builder(URI.create("http://127.0.0.1:8080"))
 *     .sleeper(waits::add)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait, zero or more
   * @throws InterruptedException if the thread is interrupted while waiting; the kit then stops the
   *     call and keeps the thread's interrupt flag set
   */
  void sleep(Duration duration) throws InterruptedException;
}
