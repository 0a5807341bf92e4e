package org.framescope.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.framescope.report.ReportData.Actor;
import org.framescope.report.ReportData.EvidenceKey;
import org.framescope.report.ReportData.Line;
import org.framescope.report.ReportData.Score;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.SourceStoryScoresTable;
import org.framescope.schema.SpeakerScoresTable;
import org.framescope.schema.StorySummaryTable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@value #FILE}: one self-contained HTML page per run, for a reader with a browser and no
 * Python: no script, no style sheet, font or image from anywhere (charts are PNGs inside the
 * page), so it opens offline and travels by e-mail. Each section is there when its tables are.
 * Long source lists show the strongest {@link ReportOptions#top} at each end ({@link Ranking}) and
 * say in words what they leave out; long tables are folded, never cut.
 */
public final class Report {
  private Report() {}

  public static final String FILE = "report.html";

  private static final String[] VOICES = {SourceScoresTable.VOICE_OUTLET,
      SourceScoresTable.VOICE_QUOTED, SourceScoresTable.VOICE_REPORTED};

  /**
   * Renders the report of the output whose tables {@code path} locates; {@code tables} are the
   * ones it holds, {@code run} its run.json.
   */
  public static String render(SparkSession spark, Function<String, String> path,
      Collection<String> tables, Map<String, Object> run, ReportOptions options) {
    Report.Page page = new Page(run, options);
    page.header();
    page.runSection();
    if (tables.contains(SourceScoresTable.NAME)) {
      List<Score> scores = ReportData.scores(spark, path);
      Map<EvidenceKey, List<String>> wanted = new LinkedHashMap<>();
      page.scoreSections(scores, "axis", wanted);
      page.scoreSections(scores, "frame", wanted);
      List<String> busiest = busiest(scores);
      page.timeSection(ReportData.monthly(spark, path, busiest), busiest);
      page.evidence = ReportData.evidence(spark, path, wanted);
      page.fillEvidence();
    }
    if (tables.contains(ActorScoresTable.NAME)) {
      page.actorSection(ReportData.actors(spark, path));
    }
    if (tables.contains(SourceKeynessTable.NAME)) {
      page.keynessSection(ReportData.keyness(spark, path));
    }
    if (tables.contains(SpeakerScoresTable.NAME)) {
      page.speakerSection(ReportData.speakers(spark, path));
    }
    if (tables.contains(StorySummaryTable.NAME)) {
      page.storySection(ReportData.stories(spark, path),
          tables.contains(SourceStoryScoresTable.NAME) ? ReportData.within(spark, path)
              : List.of());
    }
    return page.html();
  }

  /** The sources with the most original articles (at most {@link ReportData#TIMELINE_SOURCES}). */
  static List<String> busiest(List<Score> scores) {
    Map<String, Long> articles = new TreeMap<>();
    for (Score s : scores) {
      articles.merge(s.source(), s.nArticles(), Math::max);
    }
    return Ranking.heaviest(articles.keySet(), articles::get, ReportData.TIMELINE_SOURCES);
  }

  static String signed(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%+.2f", v);
  }

  static String interval(Double low, Double high) {
    return low == null || high == null ? "[n/a]"
        : String.format(Locale.ROOT, "[%+.2f, %+.2f]", low, high);
  }

  static String plain(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** The page being built. */
  private static final class Page {
    final Map<String, Object> run;
    final ReportOptions options;
    final Document doc = Document.createShell("");
    final Element body;
    final Element contents;
    final Map<EvidenceKey, Element> evidenceSlots = new LinkedHashMap<>();
    Map<EvidenceKey, List<Line>> evidence = Map.of();
    int charts;

    Page(Map<String, Object> run, ReportOptions options) {
      this.run = run;
      this.options = options;
      doc.outputSettings().prettyPrint(false).charset("UTF-8");
      Element head = doc.head();
      head.appendElement("meta").attr("charset", "utf-8");
      head.appendElement("meta").attr("name", "viewport")
          .attr("content", "width=device-width, initial-scale=1");
      head.appendElement("title").text("framescope report: " + lexiconName());
      // No favicon request: the page asks nothing of any server.
      head.appendElement("link").attr("rel", "icon").attr("href", "data:,");
      head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
      body = doc.body();
      body.appendElement("h1").text("framescope report");
      contents = new Element("nav");
    }

    String lexiconName() {
      return run.get("lexicon") instanceof Map<?, ?> m && m.get("name") != null
          ? String.valueOf(m.get("name")) : "no lexicon";
    }

    void header() {
      Element p = body.appendElement("p").addClass("meta");
      // The folder's name, not its path: the page travels by e-mail.
      String output = String.valueOf(run.getOrDefault("output", "?")).replaceAll("/+$", "");
      p.appendText("Output " + output.substring(output.lastIndexOf('/') + 1) + " · lexicon "
          + lexiconName() + " · run " + when());
      body.appendElement("p").addClass("how").text("Each score is an outlet's word choice: a "
          + "preference from −1 (always pole b) to +1 (always pole a), or a salience in hits per "
          + "10,000 words, with its 95% bootstrap interval. The outlet's own voice (its narrative "
          + "and headlines) is kept apart from the words it quotes or reports. Grey rows have too "
          + "few hits to read. Republished copies count once; page furniture is not counted.");
      body.appendChild(contents);
      contents.appendElement("strong").text("Contents: ");
    }

    Element section(String id, String title) {
      contents.appendElement("a").attr("href", "#" + id).text(title);
      contents.appendText(" ");
      Element s = body.appendElement("section").attr("id", id);
      s.appendElement("h2").text(title);
      return s;
    }

    /** When the run started, to the minute. */
    String when() {
      String at = String.valueOf(run.getOrDefault("started_at", "?"));
      return at.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*")
          ? at.substring(0, 10) + " " + at.substring(11, 16) + " UTC" : at;
    }

    long number(String key) {
      return run.get(key) instanceof Number n ? n.longValue() : 0;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object o) {
      return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    void runSection() {
      Element s = section("run", "The run");
      Element t = s.appendElement("table").addClass("facts");
      fact(t, "records read", String.valueOf(number("records_read")));
      fact(t, "accepted", String.valueOf(number("articles_accepted")));
      fact(t, "rejected", number("records_rejected") + counts(map(run.get("rejected_by_reason"))));
      fact(t, "duplicates", number("duplicates") + counts(map(run.get("duplicates_by_kind"))));
      fact(t, "original articles", String.valueOf(number("original_articles")));
      Map<String, Object> furniture = map(run.get("lines_removed_by_rule"));
      long removed = furniture.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
      fact(t, "page furniture removed", removed + " lines" + counts(furniture));
      Map<String, Object> lexicon = map(run.get("lexicon"));
      if (!lexicon.isEmpty()) {
        fact(t, "lexicon", lexiconName() + " (" + lexicon.getOrDefault("origin", "?") + "; "
            + lexicon.getOrDefault("axes", "?") + " axes, " + lexicon.getOrDefault("frames", "?")
            + " frames, " + lexicon.getOrDefault("actors", "?") + " actors)");
      }
      if (run.get("text_layer") != null) {
        fact(t, "text layer", String.valueOf(run.get("text_layer")));
      }
      fact(t, "input", String.valueOf(run.getOrDefault("input", "?")));
      fact(t, "date", when());
      Map<String, Object> perSource = map(run.get("articles_per_source"));
      if (!perSource.isEmpty()) {
        List<String[]> rows = perSource.entrySet().stream()
            .sorted(Comparator.comparingLong((Map.Entry<String, Object> e) ->
                -((Number) map(e.getValue()).getOrDefault("articles", 0)).longValue())
                .thenComparing(Map.Entry::getKey))
            .map(e -> new String[] {e.getKey(),
                String.valueOf(map(e.getValue()).getOrDefault("articles", 0)),
                String.valueOf(map(e.getValue()).getOrDefault("duplicates", 0))})
            .toList();
        s.appendElement("h3").text("Articles per source (" + rows.size() + " sources)");
        table(s, new String[] {"source", "articles", "of them duplicates"}, rows, null);
      }
    }

    static String counts(Map<String, Object> byKey) {
      if (byKey.isEmpty()) {
        return "";
      }
      return " (" + byKey.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", ")) + ")";
    }

    static void fact(Element table, String what, String value) {
      Element tr = table.appendElement("tr");
      tr.appendElement("th").text(what);
      tr.appendElement("td").text(value);
    }

    /**
     * A table: the first {@code 2 × top} rows shown, the rest folded below in one {@code
     * details} (never cut). {@code thin} marks rows to grey (null: none).
     */
    Element table(Element parent, String[] header, List<String[]> rows, List<Boolean> thin) {
      int visible = 2 * options.top();
      Element t = parent.appendElement("table");
      Element hr = t.appendElement("tr");
      for (String h : header) {
        hr.appendElement("th").text(h);
      }
      Element into = t;
      for (int i = 0; i < rows.size(); i++) {
        if (i == visible && !options.allSources()) {
          Element fold = parent.appendElement("details");
          fold.appendElement("summary").text((rows.size() - visible) + " more rows");
          into = fold.appendElement("table");
          Element h2 = into.appendElement("tr");
          for (String h : header) {
            h2.appendElement("th").text(h);
          }
        }
        Element tr = into.appendElement("tr");
        if (thin != null && thin.get(i)) {
          tr.addClass("thin");
        }
        for (String c : rows.get(i)) {
          tr.appendElement("td").text(c);
        }
      }
      return t;
    }

    void chart(Element parent, Charts.Image image, String alt) {
      charts++;
      parent.appendElement("img").addClass("chart")
          .attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()))
          .attr("width", String.valueOf(image.width()))
          .attr("height", String.valueOf(image.height())).attr("alt", alt);
    }

    long minHits() {
      Object v = map(map(run.get("options")).get("score")).get("min_hits");
      return v instanceof Number n ? n.longValue() : 10;
    }

    long minArticles() {
      Object v = map(map(run.get("options")).get("score")).get("min_articles");
      return v instanceof Number n ? n.longValue() : 3;
    }

    String thinReason(Score s) {
      return s.hits() + " hits in " + s.nArticlesWithHits() + " article"
          + (s.nArticlesWithHits() == 1 ? "" : "s") + ": too few to read (a score needs "
          + minHits() + " hits in " + minArticles() + " articles)";
    }

    /** A chart's rows: the ranking's high sources, a row saying how many lie between, its low. */
    static <T> List<String> labels(Ranking<T> ranking, Function<T, String> source) {
      List<String> labels = new ArrayList<>();
      ranking.high().forEach(r -> labels.add(source.apply(r)));
      if (!ranking.low().isEmpty()) {
        labels.add("··· " + ranking.between() + " more ···");
        ranking.low().forEach(r -> labels.add(source.apply(r)));
      }
      return labels;
    }

    /** {@code labels} in panels of at most {@link Charts#MAX_ROWS} rows (one, when empty). */
    static List<List<String>> panels(List<String> labels) {
      List<List<String>> panels = new ArrayList<>();
      for (int from = 0; from < labels.size(); from += Charts.MAX_ROWS) {
        panels.add(labels.subList(from, Math.min(labels.size(), from + Charts.MAX_ROWS)));
      }
      return panels.isEmpty() ? List.of(List.of()) : panels;
    }

    /** " (2 of 8)" for the second of eight panels; nothing when there is one. */
    static String of(int panel, int panels) {
      return panels > 1 ? " (" + (panel + 1) + " of " + panels + ")" : "";
    }

    void leftOut(Element parent, Ranking<?> ranking) {
      String left = ranking.leftOut("source");
      if (!left.isEmpty()) {
        parent.appendElement("p").addClass("left-out").text(left);
      }
    }

    /** A section per axis (or frame): the chart, the numbers, and the evidence. */
    void scoreSections(List<Score> scores, String kind, Map<EvidenceKey, List<String>> wanted) {
      Map<String, List<Score>> byName = new TreeMap<>();
      for (Score s : scores) {
        if (s.kind().equals(kind)) {
          byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
      }
      if (byName.isEmpty()) {
        return;
      }
      boolean axis = kind.equals("axis");
      Element sec = section(axis ? "axes" : "frames", axis ? "Word choice per axis"
          : "Attention to frames");
      sec.appendElement("p").text(axis
          ? "Per axis, each source's preference in its own voice (circles), in the quotations "
              + "it carries (squares) and in the statements it reports (diamonds), with 95% "
              + "intervals ([n/a]: fewer than two articles, no interval); sources ranked by their "
              + "own voice, the hits of pole a vs pole b beside each."
          : "Per frame, each source's salience (hits per 10,000 words of the voice), with 95% "
              + "intervals; sources ranked by their own voice.");
      for (Map.Entry<String, List<Score>> e : byName.entrySet()) {
        Map<String, Map<String, Score>> bySource = new TreeMap<>();
        for (Score s : e.getValue()) {
          bySource.computeIfAbsent(s.source(), k -> new LinkedHashMap<>()).put(s.voice(), s);
        }
        List<Score> own = e.getValue().stream()
            .filter(s -> s.voice().equals(SourceScoresTable.VOICE_OUTLET)).toList();
        Ranking<Score> ranking = Ranking.of(own, Score::reliable, Score::value, Score::source,
            options);
        Score first = own.isEmpty() ? e.getValue().get(0) : own.get(0);
        String title = axis ? e.getKey() + ": " + first.poleA() + " (+1) vs " + first.poleB()
            + " (−1)" : e.getKey();
        Element sub = sec.appendElement("div").addClass("name").attr("id", kind + "-" + e.getKey());
        sub.appendElement("h3").text(title);
        double upper = 1;
        if (!axis) {
          upper = e.getValue().stream().mapToDouble(s -> s.salienceHigh() != null
              ? s.salienceHigh() : s.salience() == null ? 0 : s.salience()).max().orElse(1);
          upper = Math.max(1, Math.ceil(upper * 1.05));
        }
        drawPanels(sub, title, axis ? "preference (−1: " + first.poleB() + " … +1: "
            + first.poleA() + ")" : "hits per 10,000 words", ranking, bySource,
            axis ? -1 : 0, upper, axis ? 0.0 : null);
        leftOut(sub, ranking);
        List<String[]> rows = new ArrayList<>();
        List<Boolean> thin = new ArrayList<>();
        List<Score> withEvidence = new ArrayList<>();
        for (Score o : ranking.shown()) {
          Map<String, Score> v = bySource.get(o.source());
          String[] row = new String[2 + VOICES.length + 1];
          row[0] = o.source();
          row[1] = String.valueOf(o.nArticles());
          for (int i = 0; i < VOICES.length; i++) {
            Score s = v.get(VOICES[i]);
            row[2 + i] = s == null ? "–" : cell(s, axis);
          }
          row[row.length - 1] = o.reliable() ? "" : thinReason(o);
          rows.add(row);
          thin.add(!o.reliable());
          for (String voice : VOICES) {
            Score s = v.get(voice);
            if (s != null && s.reliable() && !s.evidence().isEmpty()) {
              withEvidence.add(s);
            }
          }
        }
        table(sub, new String[] {"source", "articles", "own voice", "quoted", "reported",
            "note"}, rows, thin);
        Element ev = sub.appendElement("details").addClass("evidence");
        ev.appendElement("summary").text("Evidence: up to " + ReportData.EVIDENCE_LINES
            + " lines behind each reliable score shown");
        for (Score s : withEvidence) {
          EvidenceKey key = new EvidenceKey(s.source(), s.name(), s.voice());
          Element slot = ev.appendElement("div").addClass("kwic");
          slot.appendElement("h4").text(s.source() + " · " + s.voice());
          evidenceSlots.put(key, slot);
          wanted.put(key, s.evidence());
        }
        if (withEvidence.isEmpty()) {
          ev.appendElement("p").text("No reliable score shown here.");
        }
      }
    }

    String cell(Score s, boolean axis) {
      if (s.hits() == 0) {
        return "no hits";
      }
      if (axis) {
        return signed(s.preference()) + " " + interval(s.low(), s.high()) + " · " + s.countA()
            + " vs " + (s.countB() == null ? 0 : s.countB()) + " hits";
      }
      return plain(s.salience()) + " " + (s.salienceLow() == null ? "[n/a]"
          : String.format(Locale.ROOT, "[%.2f, %.2f]", s.salienceLow(), s.salienceHigh()))
          + " · " + s.countA() + " hits";
    }

    /** The ranking's rows as dot-and-interval panels of at most {@link Charts#MAX_ROWS}. */
    void drawPanels(Element parent, String title, String valueLabel, Ranking<Score> ranking,
        Map<String, Map<String, Score>> bySource, double lower, double upper, Double zero) {
      List<List<String>> panels = panels(labels(ranking, Score::source));
      for (int p = 0; p < panels.size(); p++) {
        List<String> rows = panels.get(p);
        List<Charts.Series> series = new ArrayList<>();
        java.awt.Shape[] shapes = {Charts.circle(), Charts.square(), Charts.diamond()};
        double[] offsets = {-0.22, 0.0, 0.22};
        String[] names = {"own voice", "quoted", "reported"};
        for (int v = 0; v < VOICES.length; v++) {
          List<Charts.Point> points = new ArrayList<>();
          for (int r = 0; r < rows.size(); r++) {
            Map<String, Score> m = bySource.get(rows.get(r));
            Score s = m == null ? null : m.get(VOICES[v]);
            if (s != null && s.hits() > 0 && s.measure() != null) {
              points.add(new Charts.Point(r, s.measure(), s.measureLow(), s.measureHigh(),
                  s.reliable()));
            }
          }
          series.add(new Charts.Series(names[v], Charts.PALETTE[v], shapes[v], offsets[v],
              points));
        }
        String t = title + of(p, panels.size());
        chart(parent, Charts.dots(t, valueLabel, rows, series, lower, upper, zero), t);
      }
    }

    void timeSection(List<Score> monthly, List<String> sources) {
      if (monthly.isEmpty()) {
        return;
      }
      Element sec = section("time", "Over time");
      sec.appendElement("p").text("Per month, for the " + sources.size() + " sources with the "
          + "most articles (" + String.join(", ", sources) + "): axis preference and frame "
          + "salience in the outlet's own voice; a month without hits has no point.");
      Map<String, Map<String, Map<YearMonth, Double>>> byName = new TreeMap<>();
      Map<String, String> kinds = new TreeMap<>();
      for (Score s : monthly) {
        Double v = s.measure();
        if (s.hits() == 0 || v == null) {
          continue;
        }
        kinds.put(s.name(), s.kind());
        byName.computeIfAbsent(s.name(), k -> new TreeMap<>())
            .computeIfAbsent(s.source(), k -> new TreeMap<>())
            .put(YearMonth.parse(s.period()), v);
      }
      for (Map.Entry<String, Map<String, Map<YearMonth, Double>>> e : byName.entrySet()) {
        boolean axis = kinds.get(e.getKey()).equals("axis");
        Map<String, Map<YearMonth, Double>> lines = new LinkedHashMap<>();
        for (String src : sources) {
          if (e.getValue().containsKey(src)) {
            lines.put(src, e.getValue().get(src));
          }
        }
        String title = e.getKey() + (axis ? ": preference per month" : ": salience per month");
        chart(sec, Charts.months(title, axis ? "preference" : "hits per 10,000 words", lines,
            axis ? -1.0 : null, axis ? 1.0 : null), title);
      }
    }

    void fillEvidence() {
      evidenceSlots.forEach((k, slot) -> {
        List<Line> lines = evidence.getOrDefault(k, List.of());
        if (lines.isEmpty()) {
          slot.appendElement("p").text("(no line found)");
        }
        for (Line l : lines) {
          Element p = slot.appendElement("p").addClass("line");
          p.appendElement("span").addClass("ctx").text("… " + l.left() + " ");
          p.appendElement("mark").text(l.match());
          p.appendElement("span").addClass("ctx").text(" " + l.right() + " …");
          Element ref = p.appendElement("span").addClass("ref");
          ref.appendText(" " + l.voice() + " · " + l.published() + " · ");
          if (l.url() != null && l.url().matches("(?i)https?://\\S+")) {
            ref.appendElement("a").attr("href", l.url()).text(l.articleId());
          } else {
            ref.appendText(l.articleId());
          }
        }
      });
    }

    void actorSection(List<Actor> actors) {
      if (actors.isEmpty()) {
        return;
      }
      Element sec = section("actors", "Tone toward actors");
      sec.appendElement("p").text("The mean compound tone (VADER, −1 to +1) of the sentences "
          + "naming each actor, in the outlet's own voice (circles) and in quotations "
          + "(squares), with 95% intervals; sources ranked by their own voice.");
      Map<String, List<Actor>> byActor = new TreeMap<>();
      for (Actor a : actors) {
        byActor.computeIfAbsent(a.actor(), k -> new ArrayList<>()).add(a);
      }
      for (Map.Entry<String, List<Actor>> e : byActor.entrySet()) {
        Map<String, Map<String, Actor>> bySource = new TreeMap<>();
        for (Actor a : e.getValue()) {
          bySource.computeIfAbsent(a.source(), k -> new LinkedHashMap<>()).put(a.voice(), a);
        }
        List<Actor> own = e.getValue().stream()
            .filter(a -> a.voice().equals(SourceScoresTable.VOICE_OUTLET) && a.mean() != null)
            .toList();
        if (own.isEmpty()) {
          continue;
        }
        Ranking<Actor> ranking = Ranking.of(own, Actor::reliable, Actor::mean, Actor::source,
            options);
        Element sub = sec.appendElement("div").addClass("name");
        sub.appendElement("h3").text(e.getKey());
        String[] voices = {SourceScoresTable.VOICE_OUTLET, SourceScoresTable.VOICE_QUOTED};
        List<List<String>> panels = panels(labels(ranking, Actor::source));
        for (int p = 0; p < panels.size(); p++) {
          List<String> rows = panels.get(p);
          List<Charts.Series> series = new ArrayList<>();
          for (int v = 0; v < voices.length; v++) {
            List<Charts.Point> points = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
              Actor a = bySource.getOrDefault(rows.get(r), Map.of()).get(voices[v]);
              if (a != null && a.mean() != null) {
                points.add(new Charts.Point(r, a.mean(), a.low(), a.high(), a.reliable()));
              }
            }
            series.add(new Charts.Series(v == 0 ? "own voice" : "quoted", Charts.PALETTE[v],
                v == 0 ? Charts.circle() : Charts.square(), v == 0 ? -0.15 : 0.15, points));
          }
          String t = "Tone of sentences naming " + e.getKey() + of(p, panels.size());
          chart(sub, Charts.dots(t, "mean compound (−1 … +1)", rows, series, -1, 1, 0.0), t);
        }
        leftOut(sub, ranking);
        List<String[]> rows = new ArrayList<>();
        List<Boolean> thin = new ArrayList<>();
        for (Actor o : ranking.shown()) {
          Actor q = bySource.get(o.source()).get(SourceScoresTable.VOICE_QUOTED);
          rows.add(new String[] {o.source(), String.valueOf(o.mentions()),
              signed(o.mean()) + " " + interval(o.low(), o.high()),
              q == null || q.mean() == null ? "–" : signed(q.mean()) + " "
                  + interval(q.low(), q.high()),
              o.reliable() ? "" : o.mentions() + " mention" + (o.mentions() == 1 ? "" : "s")
                  + " in " + o.articles() + " article" + (o.articles() == 1 ? "" : "s")
                  + ": too few to read"});
          thin.add(!o.reliable());
        }
        table(sub, new String[] {"source", "mentions (own voice)", "own voice", "quoted",
            "note"}, rows, thin);
      }
    }

    void speakerSection(List<ReportData.Speakers> speakers) {
      if (speakers.isEmpty()) {
        return;
      }
      Element sec = section("speakers", "Who is quoted");
      sec.appendElement("p").text("Per source, the attributions (direct, mixed and reported) "
          + "with a resolved speaker in its original articles, how many speakers they amount "
          + "to (2 to the entropy of their shares of words), and the most quoted; sources with "
          + "the most attributions first.");
      List<String[]> rows = speakers.stream()
          .sorted(Comparator.comparingLong(ReportData.Speakers::attributions).reversed()
              .thenComparing(ReportData.Speakers::source))
          .map(sp -> new String[] {sp.source(), String.valueOf(sp.attributions()),
              plain(sp.effectiveSpeakers()), String.join(", ", sp.top())})
          .toList();
      table(sec, new String[] {"source", "attributions", "effective speakers", "most quoted"},
          rows, null);
    }

    void storySection(List<ReportData.Story> stories,
        List<ReportData.Within> within) {
      Element sec = section("stories", "Stories: the same event across outlets");
      // How many there are, as the run that found them recorded it.
      Object count = map(run.get("stories")).getOrDefault("stories", "?");
      sec.appendElement("p").text(count + " stories found (events reported by at least two "
          + "sources within the story window). The " + stories.size() + " with the most "
          + "sources:");
      List<String[]> rows = stories.stream().map(s -> new String[] {s.id(),
          s.first().equals(s.last()) ? s.first() : s.first() + " to " + s.last(),
          String.valueOf(s.sources()), String.valueOf(s.articles()),
          (s.headline() == null ? "" : s.headline() + " (" + s.headlineSource() + ")"),
          String.join(", ", s.terms())}).toList();
      table(sec, new String[] {"story", "dates", "sources", "articles", "headline",
          "top terms"}, rows, null);
      Map<String, List<ReportData.Within>> byName = new TreeMap<>();
      for (ReportData.Within w : within) {
        if (w.within() != null) {
          byName.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w);
        }
      }
      for (Map.Entry<String, List<ReportData.Within>> e : byName.entrySet()) {
        Ranking<ReportData.Within> ranking = Ranking.of(e.getValue(),
            w -> w.stories() >= 2 && w.low() != null, ReportData.Within::within,
            ReportData.Within::source, options);
        sec.appendElement("h3").text(e.getKey() + ": within-story preference");
        List<String[]> r = new ArrayList<>();
        List<Boolean> thin = new ArrayList<>();
        for (ReportData.Within w : ranking.shown()) {
          r.add(new String[] {w.source(), String.valueOf(w.stories()),
              signed(w.within()) + " " + interval(w.low(), w.high()), signed(w.plain())});
          thin.add(w.stories() < 2 || w.low() == null);
        }
        table(sec, new String[] {"source", "stories", "within the same stories",
            "plain (minus the corpus's)"}, r, thin);
        leftOut(sec, ranking);
      }
    }

    void keynessSection(Map<String, List<String>> keyness) {
      if (keyness.isEmpty()) {
        return;
      }
      Element sec = section("keyness", "What each source says more than the others");
      sec.appendElement("p").text("Each source's " + ReportData.KEYNESS_TERMS + " strongest "
          + "words and word pairs in its own voice against all other sources (Fightin' Words "
          + "z-score); sources in alphabetical order.");
      List<String[]> rows = new ArrayList<>();
      new TreeSet<>(keyness.keySet()).forEach(src -> rows.add(new String[] {src,
          String.join(", ", keyness.get(src))}));
      table(sec, new String[] {"source", "terms"}, rows, null);
    }

    String html() {
      body.appendElement("footer").text("Written by framescope " + versionOf() + "; "
          + charts + " charts. Every number here is in the output's Parquet tables.");
      return "<!DOCTYPE html>\n" + doc.html() + "\n";
    }

    String versionOf() {
      Object v = map(run.get("versions")).get("framescope");
      return v == null ? "" : String.valueOf(v);
    }
  }

  private static final String CSS = """
      body{font-family:sans-serif;max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222;
        line-height:1.4}
      h1{margin-bottom:.2em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
      nav a{margin-right:.8em} .meta{color:#555} .how{max-width:60em}
      table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
      th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
      th{background:#f4f4f4} tr.thin td{color:#999}
      table.facts th{width:14em}
      img.chart{display:block;max-width:100%;height:auto;margin:.8em 0}
      .left-out{font-style:italic;color:#555}
      details{margin:.5em 0} summary{cursor:pointer;color:#1f5fa0}
      .kwic h4{margin:.6em 0 .2em} .line{margin:.1em 0 .1em 1em;font-size:.9em}
      .ctx{color:#444} mark{background:#ffe58a} .ref{color:#777;font-size:.85em}
      footer{margin-top:3em;color:#777;font-size:.85em}
      """;
}
