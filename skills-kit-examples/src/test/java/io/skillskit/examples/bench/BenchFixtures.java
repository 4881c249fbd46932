package io.skillskit.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the fixture files the benchmarks measure from the test class path. */
final class BenchFixtures {

  /** The 2.5 KB skill invocation event for an mp3 file, in the shape Box sends. */
  static final String AUDIO_EVENT = "fixtures/events/invocation-audio-mp3.json";

  /**
   * JVM option that sets logging to INFO, as a deployed skill usually runs. Without a
   * configuration Logback logs DEBUG lines to the console, and the benchmark would measure them.
   */
  static final String LOGGING = "-Dlogback.configurationFile=logback-bench.xml";

  private BenchFixtures() {}

  /**
   * Returns the bytes of a class path resource.
   *
   * @throws IllegalStateException if the resource is missing
   */
  static byte[] bytes(String resource) {
    try (InputStream in = BenchFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
  }
}
