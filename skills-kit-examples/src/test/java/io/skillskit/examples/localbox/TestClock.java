package io.skillskit.examples.localbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that shows a fixed instant until a test moves it forward. */
public final class TestClock extends Clock {

  private volatile Instant now;

  /** Creates a clock showing a fixed instant. */
  public TestClock(Instant now) {
    this.now = now;
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("TestClock is UTC only");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
