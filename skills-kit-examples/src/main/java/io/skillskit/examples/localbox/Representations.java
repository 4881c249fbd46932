package io.skillskit.examples.localbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The basic formats LocalBox offers and the state of each one per file version.
 *
 * <p>Offered formats: {@code mp3} for audio, {@code mp4} for video, {@code jpg} at Box's JPG
 * dimensions for images, and {@code extracted_text} for documents. A hint for anything else, or for
 * a format the file's kind does not have, yields no entry.
 */
final class Representations {

  static final String EXTRACTED_TEXT = "extracted_text";

  /** Text is not extracted from documents above this size, as on Box (500 MB). */
  static final long MAX_TEXT_EXTRACTION_BYTES = 500L * 1024 * 1024;

  private static final Set<String> JPG_DIMENSIONS =
      Set.of("32x32", "94x94", "160x160", "320x320", "1024x1024", "2048x2048");
  private static final String DEFAULT_JPG_DIMENSIONS = "1024x1024";
  private static final Pattern HINT = Pattern.compile("\\[([a-z0-9_]+)(?:\\?([^\\[\\]]*))?\\]");
  private static final Pattern HINT_SEPARATOR = Pattern.compile("[\\s,]*");
  private static final Pattern KEY = Pattern.compile("(mp3|mp4|extracted_text|jpg_(\\d+x\\d+))");

  /** One representation of a file: the format and, for images, the dimensions. */
  record Spec(String name, String dimensions) {
    String key() {
      return dimensions == null ? name : name + "_" + dimensions;
    }
  }

  private static final class Progress {
    final RepresentationPlan plan;
    RepresentationState state;
    int pendingAnswers;

    Progress(RepresentationPlan plan) {
      this.plan = plan;
      this.state = plan.initialState();
    }
  }

  private final int defaultPendingPolls;
  private final Map<String, RepresentationPlan> defaultPlans;
  private final Map<String, Progress> progress = new HashMap<>();
  private final Map<String, RepresentationPlan> plans = new HashMap<>();

  Representations(int defaultPendingPolls, Map<String, RepresentationPlan> defaultPlans) {
    this.defaultPendingPolls = defaultPendingPolls;
    this.defaultPlans = Map.copyOf(defaultPlans);
  }

  /**
   * Returns the representations to list for a file: those its hints ask for, or every offered one
   * when there are no hints.
   *
   * @throws ApiError 400 when the hints are not a sequence of {@code [type]} or {@code
   *     [type?params]} groups
   */
  static List<Spec> requested(LocalFile file, String hints) {
    FileKinds.Kind kind = FileKinds.kindOf(file.extension());
    if (hints == null || hints.isBlank()) {
      return offered(kind, null, null);
    }
    Set<Spec> specs = new LinkedHashSet<>();
    Matcher matcher = HINT.matcher(hints.trim());
    int position = 0;
    String text = hints.trim();
    while (position < text.length()) {
      Matcher separator = HINT_SEPARATOR.matcher(text).region(position, text.length());
      if (separator.lookingAt()) {
        position = separator.end();
      }
      if (position >= text.length()) {
        break;
      }
      matcher.region(position, text.length());
      if (!matcher.lookingAt()) {
        throw ApiError.badRequest(
            "x-rep-hints '"
                + hints
                + "' is invalid at position "
                + position
                + "; expected groups such as [mp3] or [jpg?dimensions=1024x1024]");
      }
      specs.addAll(offered(kind, matcher.group(1), matcher.group(2)));
      position = matcher.end();
    }
    return new ArrayList<>(specs);
  }

  /** Returns the representation a key from a URL names, when the file offers it. */
  static Optional<Spec> fromKey(LocalFile file, String key) {
    Matcher matcher = KEY.matcher(key);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Spec spec =
        matcher.group(2) != null
            ? new Spec("jpg", matcher.group(2))
            : new Spec(matcher.group(1), null);
    FileKinds.Kind kind = FileKinds.kindOf(file.extension());
    String params = spec.dimensions() == null ? null : "dimensions=" + spec.dimensions();
    return offered(kind, spec.name(), params).contains(spec) ? Optional.of(spec) : Optional.empty();
  }

  synchronized void plan(String fileId, String name, RepresentationPlan plan) {
    plans.put(fileId + "/" + name, plan);
    progress.keySet().removeIf(key -> key.startsWith(fileId + "/") && keyName(key).equals(name));
  }

  /** Returns the current state without advancing it, as the file information shows it. */
  synchronized RepresentationState peek(LocalFile file, Spec spec) {
    return progressOf(file, spec).state;
  }

  /** Advances the state as a request of the representation's info URL does, and returns it. */
  synchronized RepresentationState poll(LocalFile file, Spec spec) {
    Progress current = progressOf(file, spec);
    if (current.state == RepresentationState.NONE) {
      current.state = RepresentationState.PENDING;
    }
    if (current.state == RepresentationState.PENDING) {
      if (current.pendingAnswers < current.plan.pendingPolls()) {
        current.pendingAnswers++;
      } else {
        current.state = current.plan.finalState();
      }
    }
    return current.state;
  }

  /** Returns the state of a representation of the given file version, if it was ever shown. */
  synchronized Optional<RepresentationState> state(LocalFile file, String key) {
    Progress current = progress.get(progressKey(file, key));
    return current == null ? Optional.empty() : Optional.of(current.state);
  }

  static ObjectNode entry(URI base, LocalFile file, Spec spec, RepresentationState state) {
    String versionPath =
        "/internal_files/"
            + file.id()
            + "/versions/"
            + file.versionId()
            + "/representations/"
            + spec.key();
    ObjectNode entry = Json.object();
    entry.put("representation", spec.name());
    ObjectNode properties = entry.putObject("properties");
    if (spec.dimensions() != null) {
      int width = Integer.parseInt(spec.dimensions().substring(0, spec.dimensions().indexOf('x')));
      properties.put("dimensions", spec.dimensions());
      properties.put("paged", "false");
      properties.put("thumb", width < 320 ? "true" : "false");
    }
    entry.putObject("info").put("url", base + "/2.0" + versionPath);
    entry.putObject("status").put("state", state.wireValue());
    entry
        .putObject("content")
        .put("url_template", base + "/api/2.0" + versionPath + "/content/{+asset_path}");
    return entry;
  }

  private Progress progressOf(LocalFile file, Spec spec) {
    return progress.computeIfAbsent(
        progressKey(file, spec.key()), key -> new Progress(planFor(file, spec)));
  }

  private RepresentationPlan planFor(LocalFile file, Spec spec) {
    RepresentationPlan chosen = plans.get(file.id() + "/" + spec.name());
    if (chosen != null) {
      return chosen;
    }
    boolean text = spec.name().equals(EXTRACTED_TEXT);
    RepresentationPlan plan = defaultPlans.get(spec.name());
    if (plan == null) {
      plan =
          text
              ? RepresentationPlan.notStarted(defaultPendingPolls)
              : RepresentationPlan.pending(defaultPendingPolls);
    }
    return text && file.size() > MAX_TEXT_EXTRACTION_BYTES ? plan.thenFail() : plan;
  }

  private static String progressKey(LocalFile file, String key) {
    return file.id() + "/" + file.versionId() + "/" + key;
  }

  private static String keyName(String progressKey) {
    String key = progressKey.substring(progressKey.lastIndexOf('/') + 1);
    return key.startsWith("jpg_") ? "jpg" : key;
  }

  private static List<Spec> offered(FileKinds.Kind kind, String name, String params) {
    List<Spec> specs = new ArrayList<>();
    switch (kind) {
      case AUDIO -> addIfNamed(specs, name, new Spec("mp3", null));
      case VIDEO -> addIfNamed(specs, name, new Spec("mp4", null));
      case DOCUMENT -> addIfNamed(specs, name, new Spec(EXTRACTED_TEXT, null));
      case IMAGE -> {
        if (name == null || name.equals("jpg")) {
          for (String dimensions : dimensions(params)) {
            if (JPG_DIMENSIONS.contains(dimensions)) {
              specs.add(new Spec("jpg", dimensions));
            }
          }
        }
      }
    }
    return specs;
  }

  private static void addIfNamed(List<Spec> specs, String name, Spec spec) {
    if (name == null || name.equals(spec.name())) {
      specs.add(spec);
    }
  }

  private static List<String> dimensions(String params) {
    if (params == null || params.isBlank()) {
      return List.of(DEFAULT_JPG_DIMENSIONS);
    }
    for (String param : params.split("&")) {
      if (param.startsWith("dimensions=")) {
        return List.of(param.substring("dimensions=".length()).split(","));
      }
    }
    return List.of(DEFAULT_JPG_DIMENSIONS);
  }
}
