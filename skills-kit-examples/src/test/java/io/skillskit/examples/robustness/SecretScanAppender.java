package io.skillskit.examples.robustness;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scans every log event of the test run for secrets: the formatted message, the MDC values and the
 * logged exception with its whole cause chain. {@code logback-test.xml} attaches it to the root
 * logger with DEBUG on, and {@link SecretScanExtension} and {@link SecretScanHook} fail the test
 * during which a secret was logged.
 */
public final class SecretScanAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    Tally.add(Tally.LOG_LINES, 1);
    List<String> texts = new ArrayList<>(4);
    texts.add(event.getFormattedMessage());
    texts.addAll(event.getMDCPropertyMap().values());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      texts.add(ThrowableProxyUtil.asString(thrown));
    }
    for (String text : texts) {
      String found = Secrets.find(text);
      if (found != null) {
        VIOLATIONS.add(
            event.getLevel()
                + " "
                + event.getLoggerName()
                + " ["
                + event.getThreadName()
                + "]: "
                + found);
        return;
      }
    }
  }

  /** Returns how many leaks were found so far in this run. */
  static int count() {
    return VIOLATIONS.size();
  }

  /** Returns the leaks found since an earlier {@link #count()}, with every secret masked. */
  static List<String> since(int mark) {
    List<String> all = List.copyOf(VIOLATIONS);
    return all.subList(Math.min(mark, all.size()), all.size());
  }
}
