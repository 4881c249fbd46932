package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.box.sdkgen.networking.boxnetworkclient.BoxNetworkClient;
import io.skillskit.box.BoxEndpoints;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;

/**
 * Counts what a test could leak, before and after it: threads started by the kit, LocalBox and the
 * example hosts; sockets and temporary files this JVM keeps open; and entries in the temporary
 * directory. Take a snapshot before the test starts anything and check it after closing everything.
 */
final class Resources {

  /**
   * Name prefixes of threads that the kit's HTTP client, LocalBox, the JDK servers and the example
   * pipeline start. OkHttp's shared task runner is left out: one JVM-wide pool whose idle threads
   * end on their own after 60 seconds.
   */
  static final List<String> THREAD_PREFIXES =
      List.of(
          "localbox-",
          "HTTP-Dispatcher",
          "OkHttp ",
          "skill-pipeline-",
          "jdk-skill-server-",
          "jetty-",
          "qtp");

  private static final String SHARED_OKHTTP_RUNNER = "OkHttp TaskRunner";

  /** How long threads and sockets get to go away after everything is closed. */
  private static final long SETTLE_MILLIS = 10_000;

  private static final Path TEMP_DIR = Path.of(System.getProperty("java.io.tmpdir"));
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  private final Set<Thread> threads;
  private final int sockets;
  private final Set<String> tempEntries;

  private Resources() {
    threads = new HashSet<>(Thread.getAllStackTraces().keySet());
    sockets = countOpenSockets();
    tempEntries = tempEntries();
  }

  static Resources snapshot() {
    return new Resources();
  }

  /** Returns the connections of the endpoints' pool, idle ones included. */
  static int connections(BoxEndpoints endpoints) {
    return pool(endpoints).connectionCount();
  }

  /** Returns the connections of the endpoints' pool that a call or an open stream still uses. */
  static int connectionsInUse(BoxEndpoints endpoints) {
    ConnectionPool pool = pool(endpoints);
    return pool.connectionCount() - pool.idleConnectionCount();
  }

  private static ConnectionPool pool(BoxEndpoints endpoints) {
    BoxNetworkClient client = (BoxNetworkClient) endpoints.networkSession().getNetworkClient();
    return client.getHttpClient().connectionPool();
  }

  /**
   * Checks, once everything the test started is closed, that no thread of the watched kinds started
   * since the snapshot is still alive, that this JVM has no more sockets open than before, and that
   * no temporary file was left behind or is held open.
   */
  void assertReleased() throws InterruptedException {
    List<String> alive = new ArrayList<>();
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (threads.contains(thread) || !isWatched(thread.getName())) {
        continue;
      }
      thread.join(Math.max(1, deadline - System.currentTimeMillis()));
      if (thread.isAlive()) {
        alive.add(thread.getName());
      }
    }
    assertThat(alive).as("threads still alive").isEmpty();

    int open = countOpenSockets();
    while (open > sockets && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      open = countOpenSockets();
    }
    assertThat(open).as("open sockets (%d before)", sockets).isLessThanOrEqualTo(sockets);

    Set<String> added = tempEntries();
    added.removeAll(tempEntries);
    assertThat(added).as("new entries in %s", TEMP_DIR).isEmpty();
    assertThat(openTempFiles()).as("temporary files held open").isEmpty();
  }

  private static boolean isWatched(String name) {
    if (name.startsWith(SHARED_OKHTTP_RUNNER)) {
      return false;
    }
    return THREAD_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** Counts this process's open sockets; Linux only, 0 elsewhere. */
  static int countOpenSockets() {
    if (!Files.isDirectory(OPEN_FILES)) {
      return 0;
    }
    int count = 0;
    for (Path link : list(OPEN_FILES)) {
      try {
        if (Files.readSymbolicLink(link).toString().startsWith("socket:")) {
          count++;
        }
      } catch (IOException e) {
        // The descriptor was closed while the directory was read.
      }
    }
    return count;
  }

  private static List<String> openTempFiles() {
    List<String> open = new ArrayList<>();
    if (!Files.isDirectory(OPEN_FILES)) {
      return open;
    }
    String prefix = TEMP_DIR.toAbsolutePath() + File.separator;
    for (Path link : list(OPEN_FILES)) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        if (target.startsWith(prefix) && isOurs(Path.of(target).getFileName().toString())) {
          open.add(target);
        }
      } catch (IOException e) {
        // closed meanwhile
      }
    }
    return open;
  }

  /**
   * Returns the entries of the temporary directory that this JVM's libraries would create: ImageIO
   * caches, {@code File.createTempFile} defaults, Jetty work directories and JDK font files. Other
   * processes on the machine share the directory, so other names are not counted.
   */
  private static Set<String> tempEntries() {
    Set<String> names = new HashSet<>();
    for (Path entry : list(TEMP_DIR)) {
      String name = entry.getFileName().toString();
      if (isOurs(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean isOurs(String name) {
    return name.startsWith("imageio")
        || name.endsWith(".tmp")
        || name.startsWith("jetty-")
        || name.startsWith("+~JF");
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
