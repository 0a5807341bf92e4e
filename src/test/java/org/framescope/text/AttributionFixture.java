package org.framescope.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hand annotation of the seed corpus's attributions ({@code attribution/seeds.yaml}) and the
 * measures an extraction is held to: per kind, precision and recall of attributions (a found one
 * is right when its content overlaps an annotated one of the same kind); the speaker accuracy of
 * direct quotations (of those found, whatever their kind, the share whose resolved name is the
 * annotated one); the character overlap of reported and mixed content (precision, recall, F1);
 * and the share of the outlet's own text (outside every annotated content) taken from it.
 */
public final class AttributionFixture {
  /** One annotated attribution, its content a span of the article's text. */
  public record Gold(String kind, String speaker, String cue, int start, int end) {}

  /** One found attribution (a row of {@code quotes}). */
  public record Found(String kind, String speaker, int start, int end) {}

  /** The annotation, by seed file name. */
  public static Map<String, List<Gold>> read(Map<String, String> textByFile) throws IOException {
    Map<String, List<Gold>> out = new LinkedHashMap<>();
    try (InputStream in = AttributionFixture.class.getResourceAsStream(
        "/attribution/seeds.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String text = textByFile.get(e.getKey());
        if (text == null) {
          throw new IllegalStateException("no article for " + e.getKey());
        }
        List<Gold> golds = new ArrayList<>();
        for (JsonNode g : e.getValue()) {
          String content = g.get(3).asText();
          String[] ends = content.split(" \u2026 ", 2);
          int start = text.indexOf(ends[0]);
          String last = ends.length == 2 ? ends[1] : ends[0];
          int end = start < 0 ? -1 : text.indexOf(last, start);
          if (start < 0 || end < 0) {
            throw new IllegalStateException(e.getKey() + ": content not in the text: " + content);
          }
          golds.add(new Gold(g.get(0).asText(), g.get(1).asText(), g.get(2).asText(), start,
              end + last.length()));
        }
        out.put(e.getKey(), golds);
      }
    }
    return out;
  }

  /** The measures of one extraction against the annotation. */
  public record Measures(Map<String, double[]> precisionRecall, int directFound,
      int directSpeakerRight, double reportedPrecision, double reportedRecall,
      double outletTaken, List<String> speakerMisses) {

    public double directSpeakerAccuracy() {
      return directFound == 0 ? 0 : directSpeakerRight / (double) directFound;
    }

    public double reportedF1() {
      double p = reportedPrecision;
      double r = reportedRecall;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      precisionRecall.forEach((k, pr) -> s.append(String.format(Locale.ROOT,
          "%s P %.2f R %.2f (%d found, %d annotated); ", k, pr[0], pr[1], (int) pr[2],
          (int) pr[3])));
      s.append(String.format(Locale.ROOT, "direct speaker accuracy %.2f (%d/%d); reported and "
          + "mixed content P %.2f R %.2f F1 %.2f; outlet text taken %.3f; speakers missed: %s",
          directSpeakerAccuracy(), directSpeakerRight, directFound, reportedPrecision,
          reportedRecall, reportedF1(), outletTaken, speakerMisses));
      return s.toString();
    }
  }

  /** Measures {@code found} against {@code gold}, article by article (same keys). */
  public static Measures measure(Map<String, List<Gold>> gold, Map<String, List<Found>> found,
      Map<String, Integer> textLengths) {
    Map<String, double[]> pr = new LinkedHashMap<>();
    int directFound = 0;
    List<String> misses = new ArrayList<>();
    int directRight = 0;
    long contentFound = 0;
    long contentGold = 0;
    long contentBoth = 0;
    long outletChars = 0;
    long outletTaken = 0;
    for (String kind : List.of(Attribution.DIRECT, Attribution.MIXED, Attribution.REPORTED)) {
      int foundK = 0;
      int foundRight = 0;
      int goldK = 0;
      int goldFound = 0;
      for (String file : gold.keySet()) {
        List<Gold> g = gold.get(file);
        List<Found> f = found.getOrDefault(file, List.of());
        for (Found x : f) {
          if (x.kind.equals(kind)) {
            foundK++;
            foundRight += g.stream().anyMatch(y -> y.kind.equals(kind)
                && overlaps(x.start, x.end, y.start, y.end)) ? 1 : 0;
          }
        }
        for (Gold y : g) {
          if (y.kind.equals(kind)) {
            goldK++;
            goldFound += f.stream().anyMatch(x -> x.kind.equals(kind)
                && overlaps(x.start, x.end, y.start, y.end)) ? 1 : 0;
          }
        }
      }
      pr.put(kind, new double[] {foundK == 0 ? 0 : foundRight / (double) foundK,
          goldK == 0 ? 0 : goldFound / (double) goldK, foundK, goldK});
    }
    for (String file : gold.keySet()) {
      List<Gold> g = gold.get(file);
      List<Found> f = found.getOrDefault(file, List.of());
      for (Gold y : g) {
        if (!y.kind.equals(Attribution.DIRECT)) {
          continue;
        }
        for (Found x : f) {
          if (overlaps(x.start, x.end, y.start, y.end)) {
            directFound++;
            boolean right = x.speaker != null && same(x.speaker, y.speaker);
            directRight += right ? 1 : 0;
            if (!right) {
              misses.add(y.speaker + " as " + x.speaker);
            }
            break;
          }
        }
      }
      int n = textLengths.get(file);
      BitSet goldR = new BitSet(n);
      BitSet goldAny = new BitSet(n);
      BitSet foundR = new BitSet(n);
      BitSet foundAny = new BitSet(n);
      for (Gold y : g) {
        goldAny.set(y.start, y.end);
        if (!y.kind.equals(Attribution.DIRECT)) {
          goldR.set(y.start, y.end);
        }
      }
      for (Found x : f) {
        foundAny.set(x.start, x.end);
        if (!x.kind.equals(Attribution.DIRECT)) {
          foundR.set(x.start, x.end);
        }
      }
      contentFound += foundR.cardinality();
      contentGold += goldR.cardinality();
      BitSet both = (BitSet) foundR.clone();
      both.and(goldR);
      contentBoth += both.cardinality();
      BitSet outlet = new BitSet(n);
      outlet.set(0, n);
      outlet.andNot(goldAny);
      outletChars += outlet.cardinality();
      outlet.and(foundAny);
      outletTaken += outlet.cardinality();
    }
    return new Measures(pr, directFound, directRight,
        contentFound == 0 ? 0 : contentBoth / (double) contentFound,
        contentGold == 0 ? 0 : contentBoth / (double) contentGold,
        outletChars == 0 ? 0 : outletTaken / (double) outletChars, misses);
  }

  private static boolean overlaps(int a, int b, int c, int d) {
    return a < d && c < b;
  }

  /** Names compared without case, articles, possessives and spacing. */
  static boolean same(String a, String b) {
    return norm(a).equals(norm(b));
  }

  private static String norm(String s) {
    String t = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("^the ", "")
        .replaceAll("\\s+", " ").strip();
    return t;
  }

  private AttributionFixture() {}
}
