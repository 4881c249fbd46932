package io.skillskit.request;

import java.util.Objects;

/**
 * The skill application that Box invoked, from the event's {@code skill} object.
 *
 * <p>{@link #toString()} masks the API key.
 *
 * @param id the skill id, kept as a string also when Box sent a JSON number
 * @param name the display name of the skill, or {@code ""} when the event has none
 * @param apiKey the client id of the skill's Box application, or {@code ""} when the event has
 *     none; treat it as confidential
 */
public record Skill(String id, String name, String apiKey) {

  /**
   * Creates the skill part of an event.
   *
   * @param id the skill id
   * @param name the display name, or {@code ""}
   * @param apiKey the client id of the skill's application, or {@code ""}
   * @throws NullPointerException if an argument is null
   */
  public Skill {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /**
   * Returns the skill's id and name, with the API key masked.
   *
   * @return text such as {@code Skill[id=10027, name=Media Insights, apiKey=***]}
   */
  @Override
  public String toString() {
    return "Skill[id=" + id + ", name=" + name + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + "]";
  }
}
