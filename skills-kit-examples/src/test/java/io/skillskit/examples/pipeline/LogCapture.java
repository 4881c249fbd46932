package io.skillskit.examples.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records the log events of a logger and its children while open. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level previousLevel;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName, Level level) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    previousLevel = logger.getLevel();
    logger.setLevel(level);
    appender.start();
    logger.addAppender(appender);
  }

  /** Records every event at or above a level, from a logger and its children. */
  public static LogCapture of(String loggerName, Level level) {
    return new LogCapture(loggerName, level);
  }

  /** Records every event at or above a level, from every logger. */
  public static LogCapture all(Level level) {
    return new LogCapture(Logger.ROOT_LOGGER_NAME, level);
  }

  /** Returns the events recorded so far. */
  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Returns the formatted messages, with the text of any exception, recorded so far. */
  public List<String> texts() {
    return events().stream()
        .map(
            event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " " + event.getThrowableProxy().getMessage()))
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }
}
