package org.framescope.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Which rows of a per-source list are shown, and what is said about the rest. A list that fits
 * ({@code 2 × top} rows or fewer) is shown whole, thin rows included (marked); a longer one shows
 * its reliable rows only, sorted, the {@code top} highest and the {@code top} lowest, and counts
 * the reliable rows between them and the thin rows left out. {@link ReportOptions#allSources}
 * shows every row, reliable rows first.
 *
 * @param high the rows shown at the top, highest first
 * @param low the rows shown after the gap (empty when there is none), highest first
 * @param between reliable rows not shown, between {@code high} and {@code low}
 * @param thinLeftOut rows too thin to read that are not shown
 */
public record Ranking<T>(List<T> high, List<T> low, int between, int thinLeftOut) {

  /** Ranks {@code rows} by {@code value}, highest first (ties by {@code name}). */
  public static <T> Ranking<T> of(List<T> rows, Predicate<T> reliable, ToDoubleFunction<T> value,
      Function<T, String> name, ReportOptions options) {
    Comparator<T> order = Comparator.<T>comparingDouble(value).reversed()
        .thenComparing(name);
    List<T> solid = rows.stream().filter(reliable).sorted(order).toList();
    List<T> thin = rows.stream().filter(reliable.negate()).sorted(order).toList();
    if (options.allSources() || rows.size() <= 2 * options.top()) {
      List<T> all = new ArrayList<>(solid);
      all.addAll(thin);
      return new Ranking<>(all, List.of(), 0, 0);
    }
    if (solid.size() <= 2 * options.top()) {
      return new Ranking<>(solid, List.of(), 0, thin.size());
    }
    return new Ranking<>(solid.subList(0, options.top()),
        solid.subList(solid.size() - options.top(), solid.size()),
        solid.size() - 2 * options.top(), thin.size());
  }

  /** The {@code n} names of largest weight, heaviest first (ties by name). */
  public static List<String> heaviest(java.util.Collection<String> names,
      java.util.function.ToLongFunction<String> weight, int n) {
    return names.stream().sorted(Comparator.comparingLong(weight).reversed()
        .thenComparing(Comparator.naturalOrder())).limit(n).toList();
  }

  /** The rows shown, in order. */
  public List<T> shown() {
    List<T> all = new ArrayList<>(high);
    all.addAll(low);
    return all;
  }

  /** What was left out, in words (empty when nothing was). */
  public String leftOut(String noun) {
    List<String> parts = new ArrayList<>();
    if (between > 0) {
      parts.add(between + " " + noun + (between == 1 ? "" : "s") + " with a reliable score "
          + "between the strongest " + high.size() + " at each end");
    }
    if (thinLeftOut > 0) {
      parts.add(thinLeftOut + " " + noun + (thinLeftOut == 1 ? "" : "s") + " with too few hits "
          + "to read");
    }
    return parts.isEmpty() ? "" : "Not shown: " + String.join("; ", parts)
        + " (--all-sources shows every " + noun + ").";
  }
}
