package io.skillskit.examples.handlers.servlet;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.pipeline.SkillConfig;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.skills.SkillRouter;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Jetty 12 (Jakarta EE 10) serving a {@link SkillServlet} on 127.0.0.1.
 *
 * <pre>{@code
 * try (JettySkillServer server = JettySkillServer.start(pipeline)) {   // free port
 *   URI invocationUrl = server.uri();
 * }
 * }</pre>
 *
 * <p>{@link #main(String[])} runs the example skills as a standalone server configured from the
 * environment (see {@link SkillConfig}). It listens on the loopback address only; Box reaches a
 * skill over HTTPS, so put a TLS-terminating proxy in front of it. Closing the server does not
 * close the pipeline.
 */
public final class JettySkillServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JettySkillServer.class);

  private static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final ServerConnector connector;

  private JettySkillServer(SkillServlet servlet, int port) throws Exception {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost(LOOPBACK);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(servlet), "/*");
    server.setHandler(context);
    server.start();
    log.info("Skill servlet listening on {}", uri());
  }

  /**
   * Starts Jetty on 127.0.0.1 at a free port with a {@link SkillServlet} for the pipeline.
   *
   * @param pipeline the pipeline that handles each delivery
   * @return the running server
   * @throws IllegalStateException if Jetty fails to start
   */
  public static JettySkillServer start(SkillPipeline pipeline) {
    return start(new SkillServlet(pipeline), 0);
  }

  /**
   * Starts Jetty on 127.0.0.1 with a servlet of the caller's settings.
   *
   * @param servlet the servlet to serve on every path
   * @param port the port, or 0 for a free one
   * @return the running server
   * @throws IllegalStateException if Jetty fails to start, for example because the port is taken
   * @throws IllegalArgumentException if the port is outside 0 to 65535
   */
  public static JettySkillServer start(SkillServlet servlet, int port) {
    Objects.requireNonNull(servlet, "servlet");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port is " + port + "; expected 0 to 65535");
    }
    try {
      return new JettySkillServer(servlet, port);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Jetty failed to start on " + LOOPBACK + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the example skills on Jetty until the process is stopped. The keys and the Box API base
   * URL come from the environment, as {@link SkillConfig} describes.
   *
   * @param args optionally the port, 8080 by default
   * @throws InterruptedException if the main thread is interrupted while the server runs
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    SkillConfig config = SkillConfig.fromEnvironment();
    BoxEndpoints endpoints = config.newEndpoints();
    SkillPipeline pipeline =
        SkillPipeline.builder()
            .signatureValidator(config.newValidator())
            .endpoints(endpoints)
            .skill(SkillRouter.withExamples())
            .build();
    JettySkillServer server = start(new SkillServlet(pipeline), port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  pipeline.close();
                  endpoints.close();
                  stopped.countDown();
                },
                "skill-server-shutdown"));
    stopped.await();
  }

  /**
   * Returns the URL to send invocations to.
   *
   * @return for example {@code http://127.0.0.1:50123/}
   */
  public URI uri() {
    return URI.create("http://" + LOOPBACK + ":" + connector.getLocalPort() + "/");
  }

  /** Stops Jetty and its threads. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("Jetty failed to stop cleanly", e);
    }
  }

  /**
   * Returns the URL.
   *
   * @return text such as {@code JettySkillServer[http://127.0.0.1:50123/]}
   */
  @Override
  public String toString() {
    return "JettySkillServer[" + uri() + "]";
  }
}
