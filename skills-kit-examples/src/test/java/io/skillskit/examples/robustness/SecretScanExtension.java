package io.skillskit.examples.robustness;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails each JUnit test during which {@link SecretScanAppender} saw a secret in a log line. JUnit
 * loads it for every test class of the module through {@code META-INF/services}, with extension
 * autodetection turned on in {@code junit-platform.properties}.
 */
public final class SecretScanExtension implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SecretScanExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("mark", SecretScanAppender.count());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Integer mark = context.getStore(NAMESPACE).get("mark", Integer.class);
    List<String> leaks = SecretScanAppender.since(mark == null ? 0 : mark);
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "Secrets were logged during this test:\n" + String.join("\n", leaks));
    }
  }
}
