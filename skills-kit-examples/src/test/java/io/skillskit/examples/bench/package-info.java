/**
 * JMH benchmarks and the scripted I/O measurements behind the benchmarks page.
 *
 * <p>Classes named {@code *Benchmark} are JMH benchmarks; surefire does not run them, but every
 * build compiles them and generates their JMH harness, so they keep compiling as the kit changes.
 * Each benchmark runs the kit and a bare baseline (plain Jackson, a bare {@code javax.crypto.Mac})
 * side by side in the same JMH run. {@link io.skillskit.examples.bench.BenchRunner} runs them in
 * alternating rounds through the {@code bench} Maven profile.
 *
 * <p>{@link io.skillskit.examples.bench.IoBench}, run through the {@code bench-io} profile,
 * measures downloads next to curl, the heap used to stream a large file under {@code -Xmx64m},
 * and {@code saveDataCards} latency and throughput. It starts a LocalBox on 127.0.0.1 and sends
 * traffic to nothing else.
 */
package io.skillskit.examples.bench;
