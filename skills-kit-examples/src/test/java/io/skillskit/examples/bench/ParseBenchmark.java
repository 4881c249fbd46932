package io.skillskit.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.request.FileType;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses the 2.5 KB mp3 invocation event with {@link SkillsRequest#parse(byte[])} and, as the
 * baseline, with a bare {@link ObjectMapper#readTree(byte[])} of the same bytes.
 *
 * <p>The kit's figure includes building the file context: the file's id, name, size, extension
 * and {@link FileType}, and both tokens with their expiry and scopes.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = BenchFixtures.LOGGING)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ParseBenchmark {

  private byte[] body;
  private ObjectMapper mapper;

  /** Loads the event and creates the shared mapper, as an application would once. */
  @Setup
  public void setUp() {
    body = BenchFixtures.bytes(BenchFixtures.AUDIO_EVENT);
    mapper = new ObjectMapper();
  }

  /**
   * Baseline: a Jackson tree of the event, with no field read.
   *
   * @return the tree
   * @throws IOException never for this fixture
   */
  @Benchmark
  public JsonNode jacksonReadTree() throws IOException {
    return mapper.readTree(body);
  }

  /**
   * Parses the event with the kit and reads its file context.
   *
   * @return the file type, read from the parsed event
   */
  @Benchmark
  public FileType skillsRequestParse() {
    return SkillsRequest.parse(body).file().type();
  }
}
