package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.framescope.text.Tokenizer;
import org.framescope.text.Voice;
import org.framescope.text.Token;
import org.junit.jupiter.api.Test;

class TermCounterTest {
  private static void count(TermCounter c, String source, String sentence) {
    List<Token> tokens = Tokenizer.tokenize(sentence);
    Voice[] voices = new Voice[tokens.size()];
    java.util.Arrays.fill(voices, Voice.OUTLET);
    c.count(source, tokens, voices);
  }

  private static Map<String, Long> sum(List<TermCounter.Bucket> buckets, Map<String, Long> into,
      Map<String, Integer> bucketOf) {
    for (TermCounter.Bucket b : buckets) {
      List<TermCounter.Count> counts = TermCounter.decode(b.bytes());
      assertThat(counts).hasSize(b.counts());
      for (TermCounter.Count x : counts) {
        into.merge(x.source() + "|" + x.ngram() + "|" + x.term(), x.uses(), Long::sum);
        // a term is in the same bucket whatever the batch or the source
        assertThat(bucketOf.computeIfAbsent(x.term(), k -> b.bucket())).isEqualTo(b.bucket());
      }
    }
    return into;
  }

  /** Counts handed on in several batches sum to the counts of one batch. */
  @Test
  void batchesSumToTheWhole() {
    TermCounter once = new TermCounter(Set.of());
    TermCounter often = new TermCounter(Set.of());
    Map<String, Long> drained = new TreeMap<>();
    Map<String, Integer> buckets = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String source = "S" + (i % 7);
      String sentence = "word" + (i % 13) + " and word" + (i % 5) + ", then word" + i + ".";
      count(once, source, sentence);
      count(often, source, sentence);
      if (i % 17 == 0) {
        sum(often.drain(), drained, buckets);
      }
    }
    sum(often.drain(), drained, buckets);
    Map<String, Long> whole = sum(once.drain(), new TreeMap<>(), buckets);
    assertThat(drained).isEqualTo(whole);
    assertThat(whole).containsEntry("S0|1|and", 43L).containsEntry("S1|2|word1 and", 4L)
        .doesNotContainKey("S0|2|word0 then");
    // 300 sentences of 5 words, the comma breaking one pair: 1,500 words and 900 pairs
    assertThat(whole.entrySet().stream().filter(e -> e.getKey().contains("|1|"))
        .mapToLong(Map.Entry::getValue).sum()).isEqualTo(1500);
    assertThat(whole.entrySet().stream().filter(e -> e.getKey().contains("|2|"))
        .mapToLong(Map.Entry::getValue).sum()).isEqualTo(900);
  }

  /** A pair with a stop word is one of the sentence's pairs but has no count of its own. */
  @Test
  void pairsWithAStopWordAreCountedOnlyAmongThePairs() {
    TermCounter c = new TermCounter(Set.of("the", "of"));
    List<Token> tokens = Tokenizer.tokenize("the fall of Aleppo shocked rebel-held towns");
    Voice[] voices = new Voice[tokens.size()];
    java.util.Arrays.fill(voices, Voice.OUTLET);
    c.count("S", tokens, voices);
    assertThat(TermCounter.ownPairs(tokens, voices)).isEqualTo(7);
    assertThat(sum(c.drain(), new TreeMap<>(), new HashMap<>()).keySet().stream()
        .filter(k -> k.startsWith("S|2|")).toList()).containsExactlyInAnyOrder(
        "S|2|aleppo shocked", "S|2|shocked rebel", "S|2|rebel held", "S|2|held towns");
  }
}
