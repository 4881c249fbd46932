package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class KeyTermsPropertyTest {

  private final KeyTerms keyTerms = KeyTerms.builder().maxTerms(50).phrases(true).build();

  @Property(tries = 300)
  void termsAreRankedByCountThenAlphabetically(@ForAll @StringLength(max = 400) String text) {
    KeyTermsResult result = keyTerms.extract(text);

    assertRanked(result.terms());
    assertRanked(result.phrases());
    for (TermCount term : result.terms()) {
      assertThat(term.term().codePointCount(0, term.term().length())).isGreaterThanOrEqualTo(3);
      assertThat(KeyTerms.englishStopWords()).doesNotContain(term.term());
      assertThat(term.term()).isEqualTo(term.term().strip()).doesNotContain(" ");
    }
    assertThat(result.phrases()).allSatisfy(phrase -> assertThat(phrase.count()).isGreaterThan(1));
  }

  private static void assertRanked(List<TermCount> terms) {
    for (int i = 1; i < terms.size(); i++) {
      TermCount before = terms.get(i - 1);
      TermCount after = terms.get(i);
      assertThat(before.count()).isGreaterThanOrEqualTo(after.count());
      if (before.count() == after.count()) {
        assertThat(before.term()).isLessThan(after.term());
      }
    }
  }
}
