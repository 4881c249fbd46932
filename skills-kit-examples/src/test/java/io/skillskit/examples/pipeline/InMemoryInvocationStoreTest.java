package io.skillskit.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.examples.localbox.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryInvocationStoreTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-05-01T17:00:00Z"));

  @Test
  void secondMarkOfSameIdIsRejected() {
    InMemoryInvocationStore store = InMemoryInvocationStore.builder().clock(clock).build();

    assertThat(store.markAccepted("a")).isTrue();
    assertThat(store.markAccepted("a")).isFalse();
    assertThat(store.markAccepted("b")).isTrue();
  }

  @Test
  void idIsRememberedForTwoHours() {
    InMemoryInvocationStore store = InMemoryInvocationStore.builder().clock(clock).build();
    store.markAccepted("a");

    clock.advance(Duration.ofHours(2).minusSeconds(1));
    assertThat(store.markAccepted("a")).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.markAccepted("a")).isTrue();
  }

  @Test
  void forgottenIdIsAcceptedAgain() {
    InMemoryInvocationStore store = InMemoryInvocationStore.withDefaults();
    store.markAccepted("a");

    store.forget("a");

    assertThat(store.markAccepted("a")).isTrue();
  }

  @Test
  void fullStoreDropsExpiredIdsFirst() {
    InMemoryInvocationStore store =
        InMemoryInvocationStore.builder().clock(clock).maxEntries(2).build();
    store.markAccepted("old");
    clock.advance(Duration.ofHours(3));
    store.markAccepted("recent");

    store.markAccepted("new");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.markAccepted("recent")).isFalse();
    assertThat(store.markAccepted("new")).isFalse();
  }

  @Test
  void fullStoreDropsOldestLiveId() {
    InMemoryInvocationStore store =
        InMemoryInvocationStore.builder().clock(clock).maxEntries(2).build();
    store.markAccepted("first");
    store.markAccepted("second");

    store.markAccepted("third");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.markAccepted("third")).isFalse();
    assertThat(store.markAccepted("first")).isTrue();
  }

  @Test
  void ttlShorterThanTwoHoursIsRejected() {
    assertThatThrownBy(() -> InMemoryInvocationStore.builder().ttl(Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ttl is PT30M; expected at least PT2H, because Box re-delivers an event for up to 2"
                + " hours");
  }
}
