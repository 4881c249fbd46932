package io.skillskit.box;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Write state per invocation id, shared by every {@link SkillsWriter} of one {@link BoxEndpoints}.
 * Each write to {@code skill_invocations} replaces all cards of the file, so writes of one
 * invocation must not overtake each other: a processing card sent late would hide the results.
 *
 * <p>The map keeps the most recently used {@value #MAX_TRACKED} invocations. An invocation that
 * falls out only loses the protection against a late processing write, which by then has long been
 * sent.
 */
final class InvocationStates {

  static final int MAX_TRACKED = 10_000;

  private final Map<String, State> states =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  State get(String invocationId) {
    synchronized (states) {
      return states.computeIfAbsent(invocationId, id -> new State());
    }
  }

  /** Ordering and token state of one invocation. Guarded by {@link #lock}. */
  static final class State {

    /** Held for the whole of a write, retries included, so writes apply in call order. */
    final ReentrantLock lock = new ReentrantLock(true);

    /** The terminal status written last, or {@code null} while none was written. */
    InvocationStatus terminalStatus;

    /** Set when Box responded a write with HTTP 401; later writes then fail without a call. */
    boolean writeTokenRejected;
  }
}
