package io.skillskit.examples.handlers.servlet;

import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.pipeline.SkillResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jakarta Servlet (6.0) skill endpoint: runs a skill in any servlet container, such as Jetty,
 * Tomcat or an application server.
 *
 * <p>The servlet reads the body as raw bytes from {@link HttpServletRequest#getInputStream()}. It
 * never calls {@code getParameter} or {@code getReader}, which would consume or decode the body
 * first, and never relies on the container's character encoding, which defaults to ISO-8859-1 when
 * the request names none: the signature is computed over the exact bytes Box sent. All headers are
 * passed with all their values, so names match in any case. Methods other than {@code POST} get
 * 405; a body larger than the limit gets 413.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler();
 * context.addServlet(new ServletHolder(new SkillServlet(pipeline)), "/*");
 * }</pre>
 *
 * <p>The servlet does not close the pipeline; the application does when it stops.
 */
public class SkillServlet extends HttpServlet {

  /** Largest request body accepted by default, in bytes: 1 MiB, far above any real event. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final long serialVersionUID = 1L;

  /** Not serialised: a container that serialises servlets must create them again. */
  private final transient SkillPipeline pipeline;

  private final int maxBodyBytes;

  /**
   * Creates a servlet with the default body limit.
   *
   * @param pipeline the pipeline that handles each delivery
   */
  public SkillServlet(SkillPipeline pipeline) {
    this(pipeline, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Creates a servlet.
   *
   * @param pipeline the pipeline that handles each delivery
   * @param maxBodyBytes the largest body accepted, in bytes, 1 to 64 MiB
   * @throws IllegalArgumentException if the limit is outside 1 byte to 64 MiB
   */
  public SkillServlet(SkillPipeline pipeline, int maxBodyBytes) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    if (maxBodyBytes < 1 || maxBodyBytes > (64 << 20)) {
      throw new IllegalArgumentException(
          "maxBodyBytes is " + maxBodyBytes + "; expected 1 to 64 MiB");
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Handles every method: {@code POST} goes to the pipeline, anything else gets 405.
   *
   * @param request the HTTP request
   * @param response the HTTP response
   * @throws IOException if reading the request or writing the response fails
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      send(response, 405, "{\"error\":\"method_not_allowed\",\"message\":\"Use POST.\"}");
      return;
    }

    byte[] body = readBody(request);
    if (body == null) {
      send(
          response,
          413,
          "{\"error\":\"payload_too_large\",\"message\":\"The body exceeds "
              + maxBodyBytes
              + " bytes.\"}");
      return;
    }

    SkillResponse result = pipeline.handle(body, headers(request));
    result.headers().forEach(response::setHeader);
    send(response, result.statusCode(), result.body());
  }

  /** Returns the raw body, or {@code null} when it is larger than the limit. */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  private static void send(HttpServletResponse response, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(SkillResponse.CONTENT_TYPE);
    response.setContentLength(bytes.length);
    ServletOutputStream out = response.getOutputStream();
    out.write(bytes);
    out.flush();
  }
}
