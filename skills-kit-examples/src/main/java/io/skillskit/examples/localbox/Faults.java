package io.skillskit.examples.localbox;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults LocalBox applies to matching requests, in the order they were installed. A request
 * gets at most one fault: the first installed one that matches its method and path prefix and has
 * applications left.
 *
 * <p>Path prefixes are matched against the raw request path. Useful prefixes are {@code
 * /2.0/files/} (file information, content and skill cards metadata), {@code
 * /2.0/skill_invocations/}, {@code /2.0/internal_files/} (representation info), {@value
 * LocalBox#REPRESENTATION_CONTENT_PREFIX} (representation content) and {@value
 * LocalBox#DOWNLOAD_PREFIX} (downloads after the redirect).
 */
public final class Faults {

  private final List<Fault> installed = new CopyOnWriteArrayList<>();

  Faults() {}

  /**
   * Starts a fault for requests with a method and a path that starts with a prefix.
   *
   * @param method the request method to match
   * @param pathPrefix the start of the raw request path, such as {@code /2.0/skill_invocations/}
   * @return the target on which to choose the effect
   * @throws IllegalArgumentException when the prefix does not start with {@code /}
   */
  public FaultTarget on(Method method, String pathPrefix) {
    Objects.requireNonNull(method, "method");
    return new FaultTarget(this, method, checkPrefix(pathPrefix));
  }

  /**
   * Starts a fault for requests of any method whose path starts with a prefix.
   *
   * @param pathPrefix the start of the raw request path
   * @return the target on which to choose the effect
   * @throws IllegalArgumentException when the prefix does not start with {@code /}
   */
  public FaultTarget onAnyMethod(String pathPrefix) {
    return new FaultTarget(this, null, checkPrefix(pathPrefix));
  }

  /**
   * Returns the installed faults, including used-up ones, in installation order.
   *
   * @return an unmodifiable snapshot
   */
  public List<Fault> installed() {
    return List.copyOf(installed);
  }

  /** Removes every fault and releases requests held by them. */
  public void clear() {
    for (Fault fault : installed) {
      fault.release();
    }
    installed.clear();
  }

  void add(Fault fault) {
    installed.add(fault);
  }

  /** Returns the fault to apply to a request and uses one of its applications, or null. */
  Fault take(String method, String path) {
    for (Fault fault : installed) {
      if (fault.tryUse(method, path)) {
        return fault;
      }
    }
    return null;
  }

  private static String checkPrefix(String pathPrefix) {
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    if (!pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException(
          "path prefix '" + pathPrefix + "' is invalid; expected a path starting with /");
    }
    return pathPrefix;
  }
}
