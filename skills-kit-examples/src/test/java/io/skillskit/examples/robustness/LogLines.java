package io.skillskit.examples.robustness;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records every log event of every logger, from DEBUG up, while it is open. */
final class LogLines implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previous;

  private LogLines() {
    previous = root.getLevel();
    if (!root.isDebugEnabled()) {
      root.setLevel(Level.DEBUG);
    }
    appender.start();
    root.addAppender(appender);
  }

  static LogLines capture() {
    return new LogLines();
  }

  /** Returns the formatted messages at a level or above, from loggers whose name starts so. */
  List<String> messages(Level atLeast, String loggerPrefix) {
    synchronized (appender) {
      return appender.list.stream()
          .filter(event -> event.getLevel().isGreaterOrEqual(atLeast))
          .filter(event -> event.getLoggerName().startsWith(loggerPrefix))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  /** Returns the formatted messages from DEBUG up that contain a text. */
  List<String> containing(String text) {
    synchronized (appender) {
      return appender.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(message -> message.contains(text))
          .toList();
    }
  }

  /**
   * Returns, for every event, its formatted message, its MDC values and the logged exception with
   * its whole cause chain: each a text that may not contain a secret.
   */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    synchronized (appender) {
      for (ILoggingEvent event : appender.list) {
        texts.add(event.getFormattedMessage());
        texts.addAll(event.getMDCPropertyMap().values());
        if (event.getThrowableProxy() != null) {
          texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
      }
    }
    return texts;
  }

  /** Returns how many events were recorded. */
  int count() {
    synchronized (appender) {
      return appender.list.size();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(previous);
  }
}
