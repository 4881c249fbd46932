package io.skillskit.examples.localbox;

/** HTTP methods that LocalBox routes, and that faults and request lookups match on. */
public enum Method {
  /** Reads a file, its content, a representation or the skill cards. */
  GET,
  /** Creates the skill cards metadata instance of a file. */
  POST,
  /** Writes an invocation status, or patches the skill cards metadata instance. */
  PUT,
  /** Deletes the skill cards metadata instance of a file. */
  DELETE;

  boolean matches(String method) {
    return name().equals(method);
  }
}
