package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TimedWordsPropertyTest {

  @Property(tries = 300)
  void everyTokenAppearsOnceInOrderAndLastGroupIsKept(
      @ForAll("recognisedWords") List<TimedWord> words, @ForAll boolean perSecond) {
    Transcript transcript =
        perSecond ? TimedWords.groupPerSecond(words) : TimedWords.groupPerSentence(words);

    String tokens = words.stream().map(TimedWord::text).collect(Collectors.joining());
    String lines = String.join("", transcript.texts()).replace(" ", "");
    assertThat(lines).isEqualTo(tokens);
    double lastEnd =
        words.stream().filter(TimedWord::isTimed).mapToDouble(TimedWord::end).max().orElse(0);
    assertThat(transcript.durationSeconds()).isEqualTo(lastEnd);
    if (!words.isEmpty()) {
      assertThat(transcript.lines().get(transcript.lines().size() - 1).end()).isEqualTo(lastEnd);
    }
    if (perSecond) {
      long seconds =
          words.stream()
              .filter(TimedWord::isTimed)
              .mapToLong(w -> (long) w.start())
              .distinct()
              .count();
      assertThat(transcript.lines()).hasSize((int) seconds);
    }
  }

  /**
   * Words in time order with gaps of up to 1.2 s, about one in four an untimed punctuation mark.
   */
  @Provide
  Arbitrary<List<TimedWord>> recognisedWords() {
    Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> punctuation = Arbitraries.of(".", ",", "?", "!");
    Arbitrary<Double> gap = Arbitraries.doubles().between(0, 1.2).ofScale(2);
    Arbitrary<Double> length = Arbitraries.doubles().between(0, 0.8).ofScale(2);
    Arbitrary<Boolean> untimed = Arbitraries.integers().between(0, 3).map(n -> n == 0);
    Arbitrary<Token> token =
        Combinators.combine(word, punctuation, gap, length, untimed).as(Token::new);
    return token.list().ofMaxSize(30).map(TimedWordsPropertyTest::place);
  }

  private static List<TimedWord> place(List<Token> tokens) {
    List<TimedWord> words = new ArrayList<>();
    double time = 0;
    boolean anyTimed = false;
    for (Token token : tokens) {
      if (token.untimed() && anyTimed) {
        words.add(TimedWord.untimed(token.punctuation()));
        continue;
      }
      double start = time + token.gap();
      double end = start + token.length();
      words.add(TimedWord.of(token.word(), start, end));
      anyTimed = true;
      time = end;
    }
    return words;
  }

  record Token(String word, String punctuation, double gap, double length, boolean untimed) {}
}
