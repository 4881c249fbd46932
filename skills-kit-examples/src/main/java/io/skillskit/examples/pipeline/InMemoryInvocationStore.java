package io.skillskit.examples.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InvocationStore} in the memory of one process, with a time to live and a size bound.
 *
 * <p>An id is remembered for {@link #DEFAULT_TTL} (2 hours, as long as Box re-delivers an event)
 * unless the builder sets longer. When the store holds {@link Builder#maxEntries(int) maxEntries}
 * ids, expired ones are dropped first and then the oldest, so memory stays bounded; dropping an id
 * that has not expired weakens de-duplication and is logged at WARN.
 *
 * <p>The store is lost when the process ends and is not shared between processes: a skill on
 * several machines, or on AWS Lambda, where each container has its own memory, needs a shared store
 * to de-duplicate across them.
 *
 * <pre>{@code
 * InvocationStore store = InMemoryInvocationStore.builder()
 *     .ttl(Duration.ofHours(3))
 *     .maxEntries(50_000)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InMemoryInvocationStore implements InvocationStore {

  /** How long an id is remembered by default, and at least: 2 hours. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(2);

  /** How many ids are remembered at most by default. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private static final Logger log = LoggerFactory.getLogger(InMemoryInvocationStore.class);

  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;

  /** Expiry of each id, oldest first. */
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  private InMemoryInvocationStore(Builder builder) {
    this.ttl = builder.ttl;
    this.maxEntries = builder.maxEntries;
    this.clock = builder.clock;
  }

  /**
   * Returns a store with the default time to live and size bound.
   *
   * @return a new empty store
   */
  public static InMemoryInvocationStore withDefaults() {
    return builder().build();
  }

  /**
   * Starts a store with {@link #DEFAULT_TTL}, {@link #DEFAULT_MAX_ENTRIES} and the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized boolean markAccepted(String invocationId) {
    Objects.requireNonNull(invocationId, "invocationId");
    Instant now = clock.instant();
    Instant expiry = expiries.get(invocationId);
    if (expiry != null && now.isBefore(expiry)) {
      return false;
    }
    // Re-inserting moves the id to the end, so the map stays ordered by age.
    expiries.remove(invocationId);
    makeRoom(now);
    expiries.put(invocationId, now.plus(ttl));
    return true;
  }

  @Override
  public synchronized void forget(String invocationId) {
    Objects.requireNonNull(invocationId, "invocationId");
    expiries.remove(invocationId);
  }

  /**
   * Returns how many ids the store holds, expired ones not yet dropped included.
   *
   * @return the number of ids
   */
  public synchronized int size() {
    return expiries.size();
  }

  /**
   * Describes the settings and the size.
   *
   * @return text such as {@code InMemoryInvocationStore[ttl=PT2H, maxEntries=100000, size=3]}
   */
  @Override
  public synchronized String toString() {
    return "InMemoryInvocationStore[ttl="
        + ttl
        + ", maxEntries="
        + maxEntries
        + ", size="
        + expiries.size()
        + "]";
  }

  private void makeRoom(Instant now) {
    if (expiries.size() < maxEntries) {
      return;
    }
    // Every id gets the same time to live, so the oldest ids expire first.
    Iterator<Map.Entry<String, Instant>> oldestFirst = expiries.entrySet().iterator();
    while (oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().getValue())) {
      oldestFirst.remove();
    }
    if (expiries.size() >= maxEntries) {
      Iterator<String> ids = expiries.keySet().iterator();
      ids.next();
      ids.remove();
      log.warn(
          "Evicted an invocation id before its time to live ended because the store is full"
              + " ({} ids); a re-delivery of that invocation would be processed again. Raise"
              + " maxEntries or use a shared store.",
          maxEntries);
    }
  }

  /** Settings of an {@link InMemoryInvocationStore}. */
  public static final class Builder {

    private Duration ttl = DEFAULT_TTL;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets how long an id is remembered.
     *
     * @param ttl the time to live, at least {@link #DEFAULT_TTL}
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is shorter than 2 hours, the time within
     *     which Box re-delivers an event
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.compareTo(DEFAULT_TTL) < 0) {
        throw new IllegalArgumentException(
            "ttl is "
                + ttl
                + "; expected at least "
                + DEFAULT_TTL
                + ", because Box re-delivers an event for up to 2 hours");
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets how many ids are remembered at most.
     *
     * @param maxEntries the bound, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries is " + maxEntries + "; expected 1 or more");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets the clock that decides when an id expires; tests pass one they move forward.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the store.
     *
     * @return a new empty store
     */
    public InMemoryInvocationStore build() {
      return new InMemoryInvocationStore(this);
    }
  }
}
