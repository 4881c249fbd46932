package io.skillskit.examples.localbox;

import java.time.Instant;
import java.util.Objects;

/**
 * The grant LocalBox hands over for one skill invocation: the skill, the file and the two tokens
 * Box would put in the event. An invocation sender turns it into a signed event.
 *
 * <p>The read token may read this file only (file information, representations, content). The write
 * token may write the invocation status and the skill cards of this file only, and cannot read
 * content. Both expire at {@link #expiresAt()}. {@link #toString()} hides the tokens.
 *
 * @param skill the skill that is invoked
 * @param file the file, as of its current version
 * @param enterpriseId the id of the enterprise that owns the file
 * @param enterpriseName the name of that enterprise
 * @param readToken the read token; a secret
 * @param writeToken the write token; a secret
 * @param issuedAt when LocalBox minted the tokens, on its clock
 * @param expiresAt when both tokens stop working, on LocalBox's clock
 */
public record InvocationGrant(
    SkillApp skill,
    LocalFile file,
    String enterpriseId,
    String enterpriseName,
    String readToken,
    String writeToken,
    Instant issuedAt,
    Instant expiresAt) {

  /**
   * Checks the components.
   *
   * @param skill the skill that is invoked
   * @param file the file, as of its current version
   * @param enterpriseId the id of the enterprise that owns the file
   * @param enterpriseName the name of that enterprise
   * @param readToken the read token; a secret
   * @param writeToken the write token; a secret
   * @param issuedAt when LocalBox minted the tokens, on its clock
   * @param expiresAt when both tokens stop working, on LocalBox's clock
   * @throws NullPointerException when a component is null
   */
  public InvocationGrant {
    Objects.requireNonNull(skill, "skill");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(enterpriseId, "enterpriseId");
    Objects.requireNonNull(enterpriseName, "enterpriseName");
    Objects.requireNonNull(readToken, "readToken");
    Objects.requireNonNull(writeToken, "writeToken");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns the ids and the expiry, with both tokens shown as {@code ***}. */
  @Override
  public String toString() {
    return "InvocationGrant[skill="
        + skill.id()
        + ", file="
        + file.id()
        + ", version="
        + file.versionId()
        + ", readToken=***, writeToken=***, expiresAt="
        + expiresAt
        + "]";
  }
}
