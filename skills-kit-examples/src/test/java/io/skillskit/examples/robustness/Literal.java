package io.skillskit.examples.robustness;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** A generated JSON value, with its type and, for strings, the text it decodes to. */
record Literal(String json, Kind kind, String text) {

  enum Kind {
    NULL,
    BOOLEAN,
    INTEGER,
    FRACTION,
    STRING,
    ARRAY,
    OBJECT,
    /** Not valid JSON, such as {@code NaN} or {@code 01}. */
    INVALID
  }

  /** Jackson's default limit on the digits of one number. */
  static final int MAX_NUMBER_LENGTH = 1000;

  JsonText tree() {
    return JsonText.raw(json);
  }

  boolean isBlankString() {
    return kind == Kind.STRING && text.isBlank();
  }

  boolean isNegative() {
    return json.startsWith("-");
  }

  /** Tells whether this is an integer that fits a {@code long}. */
  boolean isLong() {
    return kind == Kind.INTEGER && bigInteger().bitLength() < 64;
  }

  BigInteger bigInteger() {
    return new BigInteger(json);
  }

  /** Tells whether the literal is longer than the parser accepts for one number. */
  boolean isOverlongNumber() {
    return (kind == Kind.INTEGER || kind == Kind.FRACTION) && json.length() > MAX_NUMBER_LENGTH;
  }

  @Override
  public String toString() {
    return json.length() <= 80 ? json : json.substring(0, 80) + "... (" + json.length() + ")";
  }

  static Literal ofString(String text) {
    return new Literal(JsonText.quote(text), Kind.STRING, text);
  }

  static Arbitrary<Literal> any() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(new Literal("null", Kind.NULL, null))),
        Tuple.of(1, Arbitraries.of("true", "false").map(b -> new Literal(b, Kind.BOOLEAN, null))),
        Tuple.of(4, integers()),
        Tuple.of(2, fractions()),
        Tuple.of(4, strings()),
        Tuple.of(1, containers()),
        Tuple.of(1, invalid()));
  }

  static Arbitrary<Literal> integers() {
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs().between(0, 10_000_000_000_000L).map(String::valueOf)),
            Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
            Tuple.of(
                2,
                Arbitraries.of(
                    "0",
                    "-0",
                    "1",
                    "-1",
                    "999999999",
                    "1000000000",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775808",
                    "-9223372036854775809",
                    "31556889864403199",
                    "31556889864403200",
                    "18446744073709551616")),
            Tuple.of(
                2,
                Arbitraries.bigIntegers()
                    .between(BigInteger.ONE, BigInteger.TEN.pow(60))
                    .map(n -> (n.testBit(0) ? "-" : "") + n)),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(MAX_NUMBER_LENGTH - 2, MAX_NUMBER_LENGTH + 40)
                    .map(length -> "9".repeat(length))));
    return text.map(digits -> new Literal(digits, Kind.INTEGER, null));
  }

  static Arbitrary<Literal> fractions() {
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.doubles().map(String::valueOf)),
            Tuple.of(
                2,
                Arbitraries.of(
                    "0.0",
                    "-0.0",
                    "1.5",
                    "1e5",
                    "1E400",
                    "-1e400",
                    "1e-400",
                    "4.9e-324",
                    "1.7976931348623157E308",
                    "1e999999999",
                    "5368709120.0",
                    "1714669200.5")),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(MAX_NUMBER_LENGTH - 2, MAX_NUMBER_LENGTH + 20)
                    .map(length -> "1." + "0".repeat(length))));
    return text.filter(t -> !t.contains("Infinity") && !t.contains("NaN"))
        .map(t -> new Literal(t, Kind.FRACTION, null));
  }

  static Arbitrary<Literal> strings() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.strings().ofMaxLength(30)),
            Tuple.of(2, OddText.strings()),
            Tuple.of(
                2,
                Arbitraries.of(
                    "",
                    " ",
                    "\t",
                    "\u3000",
                    "skill_invocation",
                    "file",
                    "folder",
                    "123",
                    "0",
                    "-5",
                    "9223372036854775808",
                    "01",
                    "null",
                    "true",
                    Events.READ_TOKEN)),
            Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)))
        .map(Literal::ofString);
  }

  static Arbitrary<Literal> containers() {
    return Arbitraries.of(
            "[]",
            "{}",
            "[1,2]",
            "{\"id\":\"1\"}",
            "{\"access_token\":\"x\"}",
            "[[[]]]",
            "{\"a\":{\"b\":{}}}",
            "[null]",
            "[\"" + Events.READ_TOKEN + "\"]")
        .map(json -> new Literal(json, json.startsWith("[") ? Kind.ARRAY : Kind.OBJECT, null));
  }

  static Arbitrary<Literal> invalid() {
    return Arbitraries.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "01",
            "+1",
            "0x10",
            ".5",
            "1.",
            "1e",
            "--1",
            "tru",
            "nul",
            "'single'",
            "\"unterminated",
            "{",
            "[",
            "}",
            "]",
            "1 2",
            "\"\\x41\"",
            "\"\\u12\"",
            "\"tab\there\"",
            "undefined")
        .map(json -> new Literal(json, Kind.INVALID, null));
  }
}
