package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.examples.robustness.EventOracle.Expected;
import io.skillskit.examples.robustness.JsonText.Location;
import io.skillskit.examples.robustness.Outcomes.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Feeds the event parser bodies that are broken in one known way and checks the outcome against
 * what the parser documents: a request with the right values, or a rejection that names the right
 * JSON path with a clear message. 10,000 tries per property.
 */
class EventPropertyTest {

  /** The parser's default depth limit, counted from the root object as level 1. */
  private static final int MAX_DEPTH = 32;

  @Property(tries = 10_000)
  void truncatedEventIsRejected(
      @ForAll boolean numericIds, @ForAll("names") String name, @ForAll double cutFraction) {
    JsonText.Obj event = Events.template(numericIds);
    event.find("$.source.name").replace(JsonText.string(name));
    byte[] whole = event.write().getBytes(StandardCharsets.UTF_8);
    int cut = (int) (Math.abs(cutFraction % 1.0) * whole.length);

    Parsed parsed = Outcomes.parse(Arrays.copyOf(whole, cut));

    assertThat(parsed.accepted()).isFalse();
  }

  @Property(tries = 10_000)
  void duplicatedReadKeyIsRejected(
      @ForAll boolean numericIds,
      @ForAll int objectChoice,
      @ForAll int fieldChoice,
      @ForAll int positionChoice,
      @ForAll boolean escapeName) {
    JsonText.Obj event = Events.template(numericIds);
    List<JsonText.Obj> objects = objects(event);
    JsonText.Obj target = objects.get(Math.floorMod(objectChoice, objects.size()));
    if (target.fields.isEmpty()) {
      target = event;
    }
    JsonText.Field original = target.fields.get(Math.floorMod(fieldChoice, target.fields.size()));
    String literal = escapeName ? escapeFirstLetter(original.name()) : original.literal();
    int position = Math.floorMod(positionChoice, target.fields.size() + 1);
    target.fields.add(
        position, new JsonText.Field(original.name(), original.value().copy(), literal));

    Parsed parsed = Outcomes.parse(event);

    // The parser looks for duplicates only among the fields it reads; a duplicate it skips is
    // ignored like any unknown field.
    boolean readAtTopLevel = target == event && TOP_LEVEL_READ_FIELDS.contains(original.name());
    if (readAtTopLevel) {
      assertThat(parsed.rejection()).isNotNull();
    }
    if (parsed.rejection() != null) {
      assertThat(parsed.path()).startsWith("$");
      assertThat(parsed.rejection()).hasMessageContaining("twice");
      assertThat(parsed.rejection()).hasMessageContaining(original.name());
    }
  }

  /** Top-level fields of an event that the parser reads. */
  private static final java.util.Set<String> TOP_LEVEL_READ_FIELDS =
      java.util.Set.of(
          "type", "id", "skill", "source", "token", "enterprise", "event", "created_at",
          "trigger");

  @Property(tries = 10_000)
  void oddUnicodeIsKeptOrRejected(
      @ForAll boolean numericIds,
      @ForAll("textTargets") String path,
      @ForAll("names") String text,
      @ForAll boolean asciiEscapes) {
    JsonText.Obj event = Events.template(numericIds);
    String decoded = text;
    if (asciiEscapes) {
      event.find(path).replace(JsonText.raw(JsonText.quoteAscii(text)));
    } else {
      // Unpaired surrogates cannot be encoded in UTF-8; the encoder writes '?' for them.
      decoded = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      event.find(path).replace(JsonText.string(text));
    }
    event.add("x-" + text, JsonText.string(text));

    Parsed parsed = Outcomes.parse(event);

    boolean required = !path.equals("$.skill.name") && !path.equals("$.event.event_type");
    boolean digits = decoded.chars().allMatch(c -> c >= '0' && c <= '9');
    if ((required && decoded.isBlank()) || (EventOracle.URL_IDS.contains(path) && !digits)) {
      assertThat(parsed.path()).isEqualTo(path);
      return;
    }
    assertThat(parsed.rejection()).isNull();
    assertThat(valueAt(parsed, path)).isEqualTo(decoded);
  }

  @Property(tries = 10_000)
  void hugeNumbersAreReadExactlyOrRejected(
      @ForAll boolean numericIds,
      @ForAll("numberTargets") String path,
      @ForAll("numbers") Literal number) {
    JsonText.Obj event = Events.template(numericIds);
    event.find(path).replace(number.tree());

    Parsed parsed = Outcomes.parse(event);

    Expected expected = EventOracle.replacing(path, number);
    expected.check(parsed);
    if (parsed.accepted()) {
      assertExactValue(parsed, path, number);
    } else if (number.isOverlongNumber() && parsed.path().equals("$")) {
      assertThat(parsed.rejection()).hasMessageContaining("number longer than 1000 characters");
    }
  }

  @Property(tries = 10_000)
  void wrongTypeAnywhereIsNamed(
      @ForAll boolean numericIds, @ForAll int locationChoice, @ForAll("literals") Literal value) {
    JsonText.Obj event = Events.template(numericIds);
    List<Location> locations = event.locations();
    Location location = locations.get(Math.floorMod(locationChoice, locations.size()));
    location.replace(value.tree());

    Parsed parsed = Outcomes.parse(event);

    EventOracle.replacing(location.path(), value).check(parsed);
  }

  @Property(tries = 10_000)
  void missingPartIsNamed(
      @ForAll boolean numericIds, @ForAll("removals") List<Integer> removalChoices) {
    JsonText.Obj event = Events.template(numericIds);
    List<Location> locations = event.locations();
    List<Location> removed = new ArrayList<>();
    for (int choice : removalChoices) {
      removed.add(locations.get(Math.floorMod(choice, locations.size())));
    }
    String expectedPath = firstMissingRequired(removed);
    removeAll(removed);

    Parsed parsed = Outcomes.parse(event);

    if (expectedPath == null) {
      assertThat(parsed.rejection()).isNull();
    } else {
      assertThat(parsed.path()).isEqualTo(expectedPath);
      assertThat(parsed.rejection()).hasMessageContaining("missing");
    }
  }

  @Property(tries = 10_000)
  void deepNestingIsRejectedBeyondTheLimit(
      @ForAll boolean numericIds,
      @ForAll int containerChoice,
      @ForAll @IntRange(min = 1, max = 3000) int depth,
      @ForAll long shapeBits) {
    JsonText.Obj event = Events.template(numericIds);
    List<Container> containers = containers(event);
    Container container = containers.get(Math.floorMod(containerChoice, containers.size()));
    JsonText nested = JsonText.raw(nested(depth, shapeBits));
    if (container.value instanceof JsonText.Obj object) {
      object.add("x-nested", nested);
    } else {
      ((JsonText.Arr) container.value).items.add(nested);
    }

    Parsed parsed = Outcomes.parse(event);

    if (container.depth + depth > MAX_DEPTH) {
      assertThat(parsed.path()).isEqualTo("$");
      assertThat(parsed.rejection()).hasMessageContaining("nests deeper than 32 levels");
    } else {
      assertThat(parsed.rejection()).isNull();
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(OddText.strings(), Arbitraries.strings().all().ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> textTargets() {
    return Arbitraries.of(
        "$.source.name",
        "$.skill.name",
        "$.id",
        "$.source.id",
        "$.skill.id",
        "$.token.read.access_token",
        "$.event.event_type");
  }

  @Provide
  Arbitrary<String> numberTargets() {
    return Arbitraries.of(
        "$.source.size",
        "$.token.read.expires_in",
        "$.token.write.expires_in",
        "$.skill.id",
        "$.source.id",
        "$.source.file_version.id",
        "$.source.parent.id",
        "$.id",
        "$.source.sequence_id",
        "$.enterprise.id",
        "$.status.message");
  }

  @Provide
  Arbitrary<Literal> numbers() {
    return Arbitraries.oneOf(
        Literal.integers(),
        Literal.fractions(),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22).map(Literal::ofString));
  }

  @Provide
  Arbitrary<Literal> literals() {
    return Literal.any();
  }

  @Provide
  Arbitrary<List<Integer>> removals() {
    return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(4);
  }

  private static String valueAt(Parsed parsed, String path) {
    return switch (path) {
      case "$.source.name" -> parsed.request().file().name();
      case "$.skill.name" -> parsed.request().skill().name();
      case "$.id" -> parsed.request().id();
      case "$.source.id" -> parsed.request().file().id();
      case "$.skill.id" -> parsed.request().skill().id();
      case "$.token.read.access_token" -> parsed.request().readToken().value();
      case "$.event.event_type" -> parsed.request().eventType().orElseThrow();
      default -> throw new IllegalArgumentException("no accessor for " + path);
    };
  }

  private static void assertExactValue(Parsed parsed, String path, Literal number) {
    Long value = EventOracle.seconds(number);
    switch (path) {
      case "$.source.size" -> {
        if (value != null) {
          assertThat(parsed.request().file().size()).isEqualTo(value);
        }
      }
      case "$.token.read.expires_in" -> {
        if (value != null) {
          Instant expected =
              value >= 1_000_000_000L
                  ? Instant.ofEpochSecond(value)
                  : Events.CLOCK.instant().plusSeconds(value);
          assertThat(parsed.request().readToken().expiresAt()).contains(expected);
        }
      }
      case "$.source.id" -> {
        String expected = number.kind() == Literal.Kind.STRING ? number.text() : number.json();
        assertThat(parsed.request().file().id()).isEqualTo(expected);
      }
      default -> {
        // Ignored fields and ids checked elsewhere need no value check here.
      }
    }
  }

  private static List<JsonText.Obj> objects(JsonText.Obj root) {
    List<JsonText.Obj> objects = new ArrayList<>();
    objects.add(root);
    for (Location location : root.locations()) {
      if (location.value() instanceof JsonText.Obj object) {
        objects.add(object);
      }
    }
    return objects;
  }

  /** Writes the first letter of a name as a {@code \}{@code u} escape, which decodes the same. */
  private static String escapeFirstLetter(String name) {
    if (name.isEmpty()) {
      return JsonText.quote(name);
    }
    String quoted = JsonText.quote(name.substring(1));
    return "\"" + String.format("\\u%04x", (int) name.charAt(0)) + quoted.substring(1);
  }

  private record Container(JsonText value, int depth) {}

  private static List<Container> containers(JsonText.Obj root) {
    List<Container> containers = new ArrayList<>();
    containers.add(new Container(root, 1));
    for (Location location : root.locations()) {
      JsonText value = location.value();
      if (value instanceof JsonText.Obj || value instanceof JsonText.Arr) {
        containers.add(new Container(value, location.depth() + 1));
      }
    }
    return containers;
  }

  /** Writes {@code depth} nested arrays and objects, chosen by the bits, around a number. */
  private static String nested(int depth, long shapeBits) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int level = 0; level < depth; level++) {
      if (((shapeBits >>> (level % 64)) & 1) == 0) {
        open.append('[');
        close.append(']');
      } else {
        open.append("{\"k\":");
        close.append('}');
      }
    }
    return open + "1" + close.reverse();
  }

  /** Returns the first required path, in the parser's order, that the removals take away. */
  private static String firstMissingRequired(List<Location> removed) {
    for (String required : Events.REQUIRED) {
      for (Location location : removed) {
        String path = location.path();
        if (required.equals(path) || required.startsWith(path + ".")) {
          return required;
        }
      }
    }
    return null;
  }

  /** Removes fields and items, later ones in a container first so indexes stay valid. */
  private static void removeAll(List<Location> removed) {
    List<Location> order = new ArrayList<>(removed);
    order.sort(Comparator.comparingInt(Location::index).reversed());
    List<Location> done = new ArrayList<>();
    for (Location location : order) {
      boolean again =
          done.stream()
              .anyMatch(
                  d -> d.container() == location.container() && d.index() == location.index());
      if (again) {
        continue;
      }
      done.add(location);
      if (location.container() instanceof JsonText.Obj object) {
        object.fields.remove(location.index());
      } else {
        ((JsonText.Arr) location.container()).items.remove(location.index());
      }
    }
  }
}
