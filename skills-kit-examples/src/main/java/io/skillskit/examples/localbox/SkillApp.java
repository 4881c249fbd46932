package io.skillskit.examples.localbox;

import java.util.Objects;

/**
 * The skill application LocalBox invokes: the values Box puts in the {@code skill} object of an
 * invocation event.
 *
 * @param id the skill id, used as the path parameter of {@code PUT /2.0/skill_invocations/{id}}
 * @param name the display name of the skill
 * @param apiKey the client id of the skill application; {@link #toString()} hides it
 */
public record SkillApp(String id, String name, String apiKey) {

  /**
   * Checks the components.
   *
   * @param id the skill id, used as the path parameter of {@code PUT /2.0/skill_invocations/{id}}
   * @param name the display name of the skill
   * @param apiKey the client id of the skill application; {@link #toString()} hides it
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when the id is not a string of decimal digits
   */
  public SkillApp {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apiKey, "apiKey");
    if (!id.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException(
          "skill id '" + id + "' is invalid; expected 1 to 19 decimal digits");
    }
  }

  /** Returns the id and name, with the api key shown as {@code ***}. */
  @Override
  public String toString() {
    return "SkillApp[id=" + id + ", name=" + name + ", apiKey=***]";
  }
}
