package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.framescope.Seeds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html: written by {@code run} on the sample and on a generated corpus of 300 sources,
 * and by the {@code report} command; read as HTML (what it says) and in a real headless Chromium
 * (what a reader sees: every section drawn, no chart blank, no network request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> SAMPLE_SECTIONS = Set.of("run", "axes", "frames", "time", "actors",
      "speakers", "stories", "keyness");

  Path tmp;
  Path sample;
  Path many;
  String manyConsole;

  @BeforeAll
  void runs(@TempDir Path tmp) throws IOException {
    this.tmp = tmp;
    sample = tmp.resolve("sample");
    // The input as a reader would give it (the README shows this page).
    exec("run", "--input", Path.of("").toAbsolutePath().relativize(Seeds.folder().toAbsolutePath())
        .toString(), "--output", sample.toString());
    Path corpus = tmp.resolve("corpus");
    many = tmp.resolve("many");
    exec("generate", "--articles", "3600", "--sources", "300", "--seed", "11", "--output",
        corpus.toString());
    manyConsole = exec("run", "--input", corpus.toString(), "--output", many.toString(),
        "--no-stories");
  }

  /** Runs a command; returns what it printed, failing with its errors when it fails. */
  static String exec(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.execute(new PrintWriter(err, true), args);
    } finally {
      System.setOut(old);
    }
    assertThat(code).as(err.toString()).isZero();
    return buf.toString(StandardCharsets.UTF_8);
  }

  static Document page(Path out) throws IOException {
    return Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
  }

  static BufferedImage png(Element img) throws IOException {
    String src = img.attr("src");
    assertThat(src).startsWith("data:image/png;base64,");
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
        src.substring(src.indexOf(',') + 1))));
  }

  @Test
  void theSampleReportStandsAloneAndSaysWhatTheRunDid() throws IOException {
    Document doc = page(sample);
    JsonNode run = JSON.readTree(sample.resolve("run.json").toFile());
    assertThat(run.get("report").asText()).isEqualTo("report.html");
    assertThat(run.get("timings_seconds").has("report")).isTrue();
    Set<String> ids = new HashSet<>();
    doc.select("section").forEach(s -> ids.add(s.id()));
    assertThat(ids).isEqualTo(SAMPLE_SECTIONS);
    // Nothing from elsewhere: no script, no style sheet, every image inside the page.
    assertThat(doc.select("script, link[rel=stylesheet], iframe, object, embed")).isEmpty();
    for (Element e : doc.select("[src]")) {
      assertThat(e.attr("src")).startsWith("data:");
    }
    assertThat(doc.select("link[rel=icon]").attr("href")).isEqualTo("data:,");
    Element facts = doc.selectFirst("#run table.facts");
    assertThat(facts.text()).contains("records read 5", "accepted 5", "rejected 0",
        "duplicates 1 (near 1)", "syria", "input data/sample");
    assertThat(doc.selectFirst("p.meta").text()).startsWith("Output sample · lexicon syria · run ")
        .doesNotContain(tmp.toString());
    // Four sources, each axis: a row per source; all thin, each with its reason.
    for (Element axis : doc.select("#axes div.name")) {
      Element table = axis.selectFirst("table");
      assertThat(table.select("tr.thin")).hasSize(4);
      assertThat(table.select("tr.thin").first().text()).contains("too few to read");
    }
    assertThat(doc.select("#axes div.name")).hasSize(
        run.get("lexicon").get("axes").asInt());
    assertThat(doc.text()).doesNotContainPattern("(?i)\\bnan\\b");
    assertThat(doc.selectFirst("#stories table").select("tr")).hasSize(2);
    for (Element img : doc.select("img.chart")) {
      assertThat(marks(png(img))).as("data drawn in " + img.attr("alt")).isGreaterThan(100);
    }
  }

  @Test
  void threeHundredSourcesStayReadableInTheSummaryAndTheReport() throws IOException {
    // The summary: the 20 sources with most articles, per axis the 10 strongest each way.
    assertThat(manyConsole.lines().count()).isLessThan(130);
    assertThat(manyConsole).contains("... and 280 more sources with");
    assertThat(manyConsole).containsPattern("Not shown: \\d+ sources with a reliable score "
        + "between the strongest 10 at each end");
    Document doc = page(many);
    assertThat(Files.size(many.resolve("report.html"))).isLessThan(5_000_000);
    List<Element> charts = doc.select("img.chart");
    assertThat(charts).isNotEmpty();
    for (Element img : charts) {
      BufferedImage image = png(img);
      assertThat(marks(image)).as("data drawn in " + img.attr("alt")).isGreaterThan(100);
      assertThat(image.getWidth()).isEqualTo(Integer.parseInt(img.attr("width"))).isEqualTo(760);
      assertThat(image.getHeight()).isEqualTo(Integer.parseInt(img.attr("height")))
          .isLessThanOrEqualTo(120 + 22 * 21);
    }
    for (Element axis : doc.select("#axes div.name")) {
      // 20 sources shown, none thin; the rest said in words.
      assertThat(axis.selectFirst("table").select("tr")).hasSize(21);
      assertThat(axis.select("tr.thin")).isEmpty();
      assertThat(axis.selectFirst("p.left-out").text()).contains("with too few hits to read");
    }
    // The article counts of 300 sources: 20 shown, 280 folded, none cut.
    Element perSource = doc.select("#run table").get(1);
    assertThat(perSource.select("tr")).hasSize(21);
    assertThat(doc.selectFirst("#run details summary").text()).isEqualTo("280 more rows");
    assertThat(doc.select("#run details tr")).hasSize(281);
  }

  @Test
  void allSourcesDrawsEverySourceInPanelsOfReadableSize() throws IOException {
    String printed = exec("report", "--output", many.toString(), "--all-sources");
    assertThat(printed.strip()).endsWith("report.html");
    Document doc = page(many);
    Element axis = doc.selectFirst("#axes div.name");
    List<Element> panels = axis.select("img.chart");
    assertThat(panels).hasSize((300 + 39) / 40);
    for (Element img : panels) {
      assertThat(png(img).getHeight()).isLessThanOrEqualTo(120 + 22 * 40);
    }
    assertThat(axis.selectFirst("table").select("tr")).hasSize(301);
    assertThat(axis.select("p.left-out")).isEmpty();
    exec("report", "--output", many.toString());
    assertThat(page(many).selectFirst("#axes div.name").select("img.chart")).hasSize(1);
  }

  @Test
  void theReportCommandRefusesAFolderWithoutAnOutput() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    StringWriter err = new StringWriter();
    assertThat(Main.execute(new PrintWriter(err, true), "report", "--output", empty.toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("no complete framescope output in " + empty);
    assertThat(empty.toFile().list()).isEmpty();
  }

  ChromeDriver browser;

  /**
   * Debian's Chromium, headless, through its chromedriver on the loopback, with the network
   * log on: every request the page makes is in it.
   */
  ChromeDriver browser() throws IOException {
    if (browser != null) {
      return browser;
    }
    File chromium = new File("/usr/bin/chromium");
    File driver = new File("/usr/bin/chromedriver");
    assertThat(chromium).as("Debian's chromium package (.ci/run installs it)").exists();
    assertThat(driver).as("Debian's chromium-driver package (.ci/run installs it)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--window-size=1280,1600",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    return browser;
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aRealBrowserDrawsEverySectionAndEveryChartAndAsksNothingOfTheNetwork() throws Exception {
    for (Path out : List.of(sample, many)) {
      ChromeDriver b = browser();
      b.manage().logs().get(LogType.PERFORMANCE); // drops what an earlier page logged
      String url = out.resolve("report.html").toUri().toString();
      b.get(url);
      List<WebElement> sections = b.findElements(By.cssSelector("section"));
      assertThat(sections).hasSizeGreaterThanOrEqualTo(6);
      for (WebElement s : sections) {
        assertThat(s.isDisplayed()).as(s.getAttribute("id")).isTrue();
        assertThat(s.getSize().getHeight()).as(s.getAttribute("id")).isGreaterThan(60);
      }
      List<WebElement> charts = b.findElements(By.cssSelector("img.chart"));
      assertThat(charts).isNotEmpty();
      for (WebElement img : charts) {
        Object loaded = ((JavascriptExecutor) b).executeScript(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", img);
        assertThat(loaded).as(img.getAttribute("alt")).isEqualTo(true);
        // What the reader sees is the chart itself, pixel for pixel.
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(
            img.getScreenshotAs(OutputType.BYTES)));
        BufferedImage drawn = png(Jsoup.parse(img.getAttribute("outerHTML")).selectFirst("img"));
        // Layout at fractional offsets may crop a pixel row.
        assertThat(Math.abs(shot.getWidth() - drawn.getWidth())
            + Math.abs(shot.getHeight() - drawn.getHeight())).as("chart " + img.getAttribute("alt")
            + " on screen, size").isLessThanOrEqualTo(2);
        assertThat(sameShare(shot, drawn)).as("chart " + img.getAttribute("alt") + " on screen")
            .isGreaterThan(0.95);
      }
      List<String> requests = new ArrayList<>();
      for (LogEntry e : b.manage().logs().get(LogType.PERFORMANCE)) {
        JsonNode message = JSON.readTree(e.getMessage()).get("message");
        if (message.get("method").asText().equals("Network.requestWillBeSent")) {
          requests.add(message.get("params").get("request").get("url").asText());
        }
      }
      assertThat(requests).contains(url);
      // Chromium's own pages (chrome://) load their resources too; the report asks for nothing
      // but itself and its data: images: no server, no other file.
      assertThat(requests.stream().filter(r -> !r.equals(url) && !r.startsWith("data:")
          && !r.startsWith("chrome://") && !r.startsWith("chrome-untrusted://"))).isEmpty();
      if (out == sample) {
        ((JavascriptExecutor) b).executeScript("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "report-sample.png"), b.getScreenshotAs(OutputType.BYTES));
      }
    }
  }

  /** The share of pixels of {@code a} within 24 of {@code b}'s in every channel, where both are. */
  static double sameShare(BufferedImage a, BufferedImage b) {
    int w = Math.min(a.getWidth(), b.getWidth());
    int h = Math.min(a.getHeight(), b.getHeight());
    long same = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        boolean close = true;
        for (int shift = 0; shift <= 16; shift += 8) {
          close &= Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) <= 24;
        }
        same += close ? 1 : 0;
      }
    }
    return (double) same / ((long) w * h);
  }

  /** Pixels of the series' colours and the thin rows' grey: the data drawn, 0 in a blank chart. */
  static long marks(BufferedImage image) {
    Set<Integer> colours = Set.of(0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
        0xbebebe);
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += colours.contains(image.getRGB(x, y) & 0xffffff) ? 1 : 0;
      }
    }
    return n;
  }
}
