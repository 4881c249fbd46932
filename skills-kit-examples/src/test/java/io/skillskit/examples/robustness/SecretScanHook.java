package io.skillskit.examples.robustness;

import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fails each jqwik property during which {@link SecretScanAppender} saw a secret in a log line.
 * jqwik loads it for every property of the module through {@code META-INF/services}.
 */
public final class SecretScanHook implements AroundPropertyHook {

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    int mark = SecretScanAppender.count();
    PropertyExecutionResult result = property.execute();
    List<String> leaks = SecretScanAppender.since(mark);
    if (leaks.isEmpty()) {
      return result;
    }
    return result.mapToFailed(
        new AssertionError(
            "Secrets were logged during this property:\n" + String.join("\n", leaks)));
  }
}
