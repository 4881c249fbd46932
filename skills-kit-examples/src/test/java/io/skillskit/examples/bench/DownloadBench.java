package io.skillskit.examples.bench;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.FilesReader;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Download throughput of {@link FilesReader#openContent()} and {@link
 * FilesReader#openContentBase64()} next to curl, against the same LocalBox in the same run.
 *
 * <p>Each client downloads the whole file once per round: {@code GET /2.0/files/{id}/content}
 * with the read token, then the 302 to the download URL. The clients take turns, and the one that
 * goes first changes every round. The kit reads into a 64 KiB array and drops the bytes, as curl
 * writes them to {@code /dev/null}. Throughput counts the file's bytes, also for Base64, over the
 * time from the first request to the last byte.
 */
final class DownloadBench {

  private static final int READ_BUFFER_BYTES = 64 * 1024;
  private static final long CURL_TIMEOUT_SECONDS = 300;

  private final SkillsRequest request;
  private final BoxEndpoints endpoints;
  private final String contentUrl;
  private final long size;

  DownloadBench(SkillsRequest request, BoxEndpoints endpoints, long size) {
    this.request = request;
    this.endpoints = endpoints;
    this.contentUrl =
        endpoints.baseUri() + "/2.0/files/" + request.file().id() + "/content";
    this.size = size;
  }

  /** Runs the rounds after one warm-up download per client and returns the Markdown section. */
  String run(int rounds) throws IOException, InterruptedException {
    boolean curlAvailable = curlVersion() != null;
    List<Double> curl = new ArrayList<>();
    List<Double> kit = new ArrayList<>();
    List<Double> base64 = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();

    kitOnce(false);
    kitOnce(true);
    if (curlAvailable) {
      curlOnce();
    }
    for (int round = 1; round <= rounds; round++) {
      double curlRate = Double.NaN;
      double kitRate;
      if (curlAvailable && round % 2 == 1) {
        curlRate = curlOnce();
      }
      kitRate = kitOnce(false);
      base64.add(kitOnce(true));
      if (curlAvailable && round % 2 == 0) {
        curlRate = curlOnce();
      }
      kit.add(kitRate);
      if (curlAvailable) {
        curl.add(curlRate);
        ratios.add(kitRate / curlRate);
      }
      System.out.printf(
          Locale.ROOT,
          "download round %d: curl %.0f MiB/s, openContent %.0f MiB/s, openContentBase64 %.0f"
              + " MiB/s%n",
          round,
          curlRate,
          kitRate,
          base64.get(base64.size() - 1));
    }

    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "### Download of a %d MiB file, %d rounds%n%n",
            size >> 20,
            rounds));
    text.append("curl: ").append(curlAvailable ? curlVersion() : "not found, skipped").append("\n\n");
    text.append("| client | median MiB/s | min-max |\n|---|---|---|\n");
    if (curlAvailable) {
      row(text, "curl", curl);
    }
    row(text, "openContent()", kit);
    row(text, "openContentBase64() (file bytes/s)", base64);
    if (curlAvailable) {
      text.append(
          String.format(
              Locale.ROOT,
              "%nopenContent() / curl in the same round: median %.2f, min-max %.2f-%.2f%n",
              Stats.median(ratios),
              Stats.min(ratios),
              Stats.max(ratios)));
    }
    return text.toString();
  }

  private static void row(StringBuilder text, String client, List<Double> rates) {
    text.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f | %.0f-%.0f |%n",
            client,
            Stats.median(rates),
            Stats.min(rates),
            Stats.max(rates)));
  }

  /** Downloads the file once with the kit and returns MiB/s of file bytes. */
  private double kitOnce(boolean asBase64) throws IOException {
    FilesReader reader = FilesReader.of(request, endpoints);
    byte[] buffer = new byte[READ_BUFFER_BYTES];
    long read = 0;
    long start = System.nanoTime();
    try (InputStream in = asBase64 ? reader.openContentBase64() : reader.openContent()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        read += n;
      }
    }
    long elapsed = System.nanoTime() - start;
    long expected = asBase64 ? 4 * ((size + 2) / 3) : size;
    if (read != expected) {
      throw new IllegalStateException("read " + read + " bytes; expected " + expected);
    }
    return mebibytesPerSecond(size, elapsed);
  }

  /** Downloads the file once with curl and returns MiB/s as curl measured it. */
  private double curlOnce() throws IOException, InterruptedException {
    Process curl =
        new ProcessBuilder(
                "curl",
                "--silent",
                "--show-error",
                "--fail",
                "--max-time",
                Long.toString(CURL_TIMEOUT_SECONDS),
                "--location",
                "--header",
                "@-",
                "--output",
                "/dev/null",
                "--write-out",
                "%{size_download} %{time_total}",
                contentUrl)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    // The token goes in through stdin so that it never appears on a command line.
    try (OutputStream stdin = curl.getOutputStream()) {
      stdin.write(
          ("Authorization: Bearer " + request.readToken().value() + "\n")
              .getBytes(StandardCharsets.US_ASCII));
    }
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (!curl.waitFor(CURL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      curl.destroyForcibly();
      throw new IllegalStateException("curl did not finish within " + CURL_TIMEOUT_SECONDS + " s");
    }
    if (curl.exitValue() != 0) {
      throw new IllegalStateException("curl failed with exit code " + curl.exitValue());
    }
    String[] parts = output.strip().split(" ");
    long downloaded = Long.parseLong(parts[0]);
    if (downloaded != size) {
      throw new IllegalStateException("curl read " + downloaded + " bytes; expected " + size);
    }
    long nanos = (long) (Double.parseDouble(parts[1]) * 1e9);
    return mebibytesPerSecond(size, nanos);
  }

  /** Returns curl's first version line, or {@code null} when curl cannot be run. */
  static String curlVersion() {
    try {
      Process process = new ProcessBuilder("curl", "--version").start();
      String first =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("");
      process.waitFor(10, TimeUnit.SECONDS);
      return process.exitValue() == 0 ? first.split(" \\(")[0] : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static double mebibytesPerSecond(long bytes, long nanos) {
    return bytes / (double) (1 << 20) / (nanos / 1e9);
  }
}
