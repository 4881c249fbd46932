package io.skillskit.examples.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Text that trips up parsers, loggers and displays: odd Unicode of every kind. */
final class OddText {

  /** Single characters and short sequences, each odd in its own way. */
  static final String[] PIECES = {
    "\u0000", // NUL
    "\u001f", // a C0 control
    "\n",
    "\r\n",
    "\t",
    "\u007f", // DEL
    "\u0085", // next line, a C1 control
    "\u00a0", // no-break space, not whitespace to Java
    "\u2028",
    "\u2029", // line and paragraph separators, line breaks in JavaScript
    "\u200b",
    "\u200d", // zero-width space and joiner
    "\u202e",
    "\u2066", // right-to-left override and isolate
    "\ufeff", // byte order mark
    "\ufffd",
    "\ufffe",
    "\uffff", // replacement character and noncharacters
    "\u3000", // ideographic space, whitespace to Java
    "e\u0301", // e with a combining acute accent
    "\u0130",
    "\u0131", // Turkish dotted capital I and dotless i
    "\u017f", // long s, which folds to s
    "\ud83c\udfa7",
    "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", // emoji and a ZWJ family
    "\udbff\udfff", // U+10FFFF, the last code point
    "\ud800",
    "\udfff", // unpaired surrogates
    "\\",
    "\"",
    "/",
    "\\u0041", // JSON metacharacters as plain text
    "%00",
    "%0a",
    "${jndi:x}",
    "{}",
    "[]", // text that means something elsewhere
    "\u0661\u0662", // Arabic-Indic digits
    "\uff11\uff12", // full-width digits
    "Ω",
    "ß",
    "\u65e5\u672c",
    "caf\u00e9",
  };

  private OddText() {}

  static Arbitrary<String> pieces() {
    return Arbitraries.of(PIECES);
  }

  /** Strings made of odd pieces and plain letters, up to about 40 characters. */
  static Arbitrary<String> strings() {
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            Tuple.of(3, pieces()),
            Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4)),
            Tuple.of(1, Arbitraries.chars().map(String::valueOf)));
    return piece.list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts));
  }
}
