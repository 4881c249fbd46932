package io.skillskit.examples.localbox;

import java.util.Objects;

/**
 * The progression of one representation of one file while a skill polls its {@code info.url}.
 *
 * <p>A representation starts in {@code initialState}. A state of {@code none} turns into {@code
 * pending} on the first request of {@code info.url}, as on Box. While pending, the next {@code
 * pendingPolls} requests of {@code info.url} return {@code pending}, and the one after returns
 * {@code finalState}. Reading the file information shows the current state without advancing it.
 *
 * <pre>{@code
 * box.planRepresentation(file.id(), "mp3", RepresentationPlan.pending(3).thenFail());
 * }</pre>
 *
 * @param initialState the state before any poll
 * @param pendingPolls how many polls of {@code info.url} return {@code pending}, 0 or more
 * @param finalState {@code success} or {@code error}
 */
public record RepresentationPlan(
    RepresentationState initialState, int pendingPolls, RepresentationState finalState) {

  /**
   * Checks the components.
   *
   * @param initialState the state before any poll
   * @param pendingPolls how many polls of {@code info.url} return {@code pending}, 0 or more
   * @param finalState {@code success} or {@code error}
   * @throws NullPointerException when a state is null
   * @throws IllegalArgumentException when {@code pendingPolls} is negative or {@code finalState} is
   *     neither success nor error
   */
  public RepresentationPlan {
    Objects.requireNonNull(initialState, "initialState");
    Objects.requireNonNull(finalState, "finalState");
    if (pendingPolls < 0) {
      throw new IllegalArgumentException(
          "pendingPolls is " + pendingPolls + "; expected 0 or more");
    }
    if (finalState != RepresentationState.SUCCESS && finalState != RepresentationState.ERROR) {
      throw new IllegalArgumentException(
          "finalState is " + finalState + "; expected SUCCESS or ERROR");
    }
  }

  /**
   * Returns a plan whose representation is ready from the start.
   *
   * @return the plan
   */
  public static RepresentationPlan ready() {
    return new RepresentationPlan(RepresentationState.SUCCESS, 0, RepresentationState.SUCCESS);
  }

  /**
   * Returns a plan that starts {@code pending} and succeeds after {@code polls} pending responses.
   *
   * @param polls how many polls return {@code pending}
   * @return the plan
   */
  public static RepresentationPlan pending(int polls) {
    return new RepresentationPlan(RepresentationState.PENDING, polls, RepresentationState.SUCCESS);
  }

  /**
   * Returns a plan that starts {@code none}, turns {@code pending} on the first poll and succeeds
   * after {@code polls} pending responses.
   *
   * @param polls how many polls return {@code pending}
   * @return the plan
   */
  public static RepresentationPlan notStarted(int polls) {
    return new RepresentationPlan(RepresentationState.NONE, polls, RepresentationState.SUCCESS);
  }

  /**
   * Returns a copy of this plan that ends in {@code error} instead of {@code success}.
   *
   * @return the changed plan
   */
  public RepresentationPlan thenFail() {
    return new RepresentationPlan(initialState, pendingPolls, RepresentationState.ERROR);
  }
}
