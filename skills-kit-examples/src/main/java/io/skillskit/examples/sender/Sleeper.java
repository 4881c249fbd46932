package io.skillskit.examples.sender;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between re-deliveries. Tests inject one that records the wait instead. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for a duration.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns a sleeper that blocks the calling thread.
   *
   * @return the real-time sleeper
   */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
