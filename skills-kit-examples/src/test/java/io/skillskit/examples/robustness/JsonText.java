package io.skillskit.examples.robustness;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value that, unlike Jackson's tree, can hold a field name twice and keeps every literal
 * exactly as written, so tests can build bodies Jackson would never write: duplicate keys, numbers
 * of any length, strings with chosen escapes.
 */
abstract class JsonText {

  /** A place in a tree: the container, the field or item index in it, and the JSON path. */
  record Location(JsonText container, int index, String path, int depth) {

    JsonText value() {
      return container instanceof Obj object
          ? object.fields.get(index).value
          : ((Arr) container).items.get(index);
    }

    void replace(JsonText value) {
      if (container instanceof Obj object) {
        Field old = object.fields.get(index);
        object.fields.set(index, new Field(old.name, value, old.literal));
      } else {
        ((Arr) container).items.set(index, value);
      }
    }
  }

  /** A field; {@code literal} is the name as written, which may escape characters of it. */
  record Field(String name, JsonText value, String literal) {
    Field(String name, JsonText value) {
      this(name, value, quote(name));
    }
  }

  abstract String write();

  abstract JsonText copy();

  /** Lists every field and array item under this value, parents before children. */
  List<Location> locations() {
    List<Location> out = new ArrayList<>();
    collect(this, "$", 1, out);
    return out;
  }

  private static void collect(JsonText value, String path, int depth, List<Location> out) {
    if (value instanceof Obj object) {
      for (int i = 0; i < object.fields.size(); i++) {
        Field field = object.fields.get(i);
        String child = path + "." + field.name;
        out.add(new Location(object, i, child, depth));
        collect(field.value, child, depth + 1, out);
      }
    } else if (value instanceof Arr array) {
      for (int i = 0; i < array.items.size(); i++) {
        String child = path + "[" + i + "]";
        out.add(new Location(array, i, child, depth));
        collect(array.items.get(i), child, depth + 1, out);
      }
    }
  }

  /** Finds the value at a path such as {@code $.token.read}, or null. */
  Location find(String path) {
    for (Location location : locations()) {
      if (location.path.equals(path)) {
        return location;
      }
    }
    return null;
  }

  static Raw raw(String literal) {
    return new Raw(literal);
  }

  static Raw string(String text) {
    return new Raw(quote(text));
  }

  static Raw number(long value) {
    return new Raw(Long.toString(value));
  }

  static Obj object(Object... namesAndValues) {
    Obj object = new Obj();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.add((String) namesAndValues[i], (JsonText) namesAndValues[i + 1]);
    }
    return object;
  }

  static Arr array(JsonText... items) {
    Arr array = new Arr();
    array.items.addAll(List.of(items));
    return array;
  }

  /** Quotes text as a JSON string, escaping only what JSON requires. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Quotes text as a JSON string with every character outside printable ASCII escaped. */
  static String quoteAscii(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static final class Obj extends JsonText {
    final List<Field> fields = new ArrayList<>();

    Obj add(String name, JsonText value) {
      fields.add(new Field(name, value));
      return this;
    }

    @Override
    String write() {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(fields.get(i).literal).append(':').append(fields.get(i).value.write());
      }
      return out.append('}').toString();
    }

    @Override
    Obj copy() {
      Obj copy = new Obj();
      fields.forEach(
          field -> copy.fields.add(new Field(field.name, field.value.copy(), field.literal)));
      return copy;
    }
  }

  static final class Arr extends JsonText {
    final List<JsonText> items = new ArrayList<>();

    @Override
    String write() {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(items.get(i).write());
      }
      return out.append(']').toString();
    }

    @Override
    Arr copy() {
      Arr copy = new Arr();
      items.forEach(item -> copy.items.add(item.copy()));
      return copy;
    }
  }

  static final class Raw extends JsonText {
    final String literal;

    Raw(String literal) {
      this.literal = literal;
    }

    @Override
    String write() {
      return literal;
    }

    @Override
    Raw copy() {
      return this;
    }
  }
}
