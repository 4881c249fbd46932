package io.skillskit.examples.robustness;

import io.skillskit.box.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when the kit sleeps on it, so retry waits take no real time but still
 * count against the kit's time budgets. Every wait is recorded.
 */
final class FakeTime extends Clock implements Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Instant now;

  FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
