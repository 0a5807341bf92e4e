package org.framescope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart on the JVM and encoded as PNG: a dot-and-interval
 * chart of sources (one row each, a series per voice, thin rows in grey) and a line chart over
 * months. Sizes are fixed by the number of rows, so a chart of {@code 2 × top} sources stays a
 * readable panel; the caller splits longer lists into panels of {@value #MAX_ROWS} rows.
 */
final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  static final int WIDTH = 760;
  static final int ROW_HEIGHT = 22;
  /** Most rows of one dot-and-interval panel. */
  static final int MAX_ROWS = 40;
  static final Color GREY = new Color(190, 190, 190);
  static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
      new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
      new Color(140, 86, 75)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** A PNG and its size in pixels. */
  record Image(byte[] png, int width, int height) {}

  /** A dot with its interval (null ends: no interval) on a row; thin rows are grey. */
  record Point(int row, double value, Double low, Double high, boolean reliable) {}

  /** A voice's dots: drawn {@code offset} rows below the row's centre. */
  record Series(String label, Color color, Shape shape, double offset, List<Point> points) {}

  static Shape circle() {
    return new Ellipse2D.Double(-4, -4, 8, 8);
  }

  static Shape square() {
    return new Rectangle2D.Double(-3.5, -3.5, 7, 7);
  }

  static Shape diamond() {
    java.awt.Polygon p = new java.awt.Polygon();
    p.addPoint(0, -5);
    p.addPoint(5, 0);
    p.addPoint(0, 5);
    p.addPoint(-5, 0);
    return p;
  }

  /**
   * One row per label (top to bottom), each series' dots with their intervals; a vertical line
   * at {@code zero} when given; the value axis from {@code lower} to {@code upper}.
   */
  static Image dots(String title, String valueLabel, List<String> rows, List<Series> series,
      double lower, double upper, Double zero) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    boolean[][] reliable = new boolean[series.size()][];
    for (int s = 0; s < series.size(); s++) {
      Series se = series.get(s);
      XYIntervalSeries xy = new XYIntervalSeries(se.label());
      reliable[s] = new boolean[se.points().size()];
      for (int i = 0; i < se.points().size(); i++) {
        Point p = se.points().get(i);
        double y = p.row() + se.offset();
        xy.add(p.value(), p.low() == null ? p.value() : p.low(),
            p.high() == null ? p.value() : p.high(), y, y, y);
        reliable[s][i] = p.reliable();
      }
      data.addSeries(xy);
    }
    XYErrorRenderer renderer = new XYErrorRenderer() {
      @Override
      public Paint getItemPaint(int s, int item) {
        return reliable[s][item] ? series.get(s).color() : GREY;
      }
    };
    renderer.setDrawYError(false);
    renderer.setDrawXError(true);
    renderer.setCapLength(6);
    renderer.setErrorStroke(new BasicStroke(1.4f));
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    LegendItemCollection legend = new LegendItemCollection();
    for (int s = 0; s < series.size(); s++) {
      renderer.setSeriesPaint(s, series.get(s).color());
      renderer.setSeriesShape(s, series.get(s).shape());
      legend.add(new LegendItem(series.get(s).label(), null, null, null,
          series.get(s).shape(), series.get(s).color()));
    }
    legend.add(new LegendItem("too few hits to read", null, null, null, circle(), GREY));
    NumberAxis x = new NumberAxis(valueLabel);
    x.setRange(lower, upper);
    x.setLabelFont(LABEL);
    SymbolAxis y = new SymbolAxis(null, rows.toArray(new String[0]));
    y.setInverted(true);
    y.setGridBandsVisible(false);
    y.setRange(-0.6, rows.size() - 0.4);
    y.setTickLabelFont(LABEL);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(225, 225, 225));
    plot.setRangeGridlinePaint(new Color(240, 240, 240));
    plot.setFixedLegendItems(legend);
    if (zero != null) {
      plot.addDomainMarker(new ValueMarker(zero, Color.DARK_GRAY, new BasicStroke(0.8f)));
    }
    JFreeChart chart = new JFreeChart(null, LABEL, plot, true);
    chart.setTitle(new TextTitle(title, TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    int height = 120 + ROW_HEIGHT * Math.max(rows.size(), 3);
    return png(chart, WIDTH, height);
  }

  /** One line per key of {@code lines}: a value per month. */
  static Image months(String title, String valueLabel, Map<String, Map<YearMonth, Double>> lines,
      Double lower, Double upper) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (Map.Entry<String, Map<YearMonth, Double>> e : lines.entrySet()) {
      TimeSeries ts = new TimeSeries(e.getKey());
      e.getValue().forEach((m, v) -> ts.addOrUpdate(new Month(m.getMonthValue(), m.getYear()), v));
      data.addSeries(ts);
    }
    JFreeChart chart = ChartFactory.createTimeSeriesChart(null, "month", valueLabel, data, true,
        false, false);
    chart.setTitle(new TextTitle(title, TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(225, 225, 225));
    plot.setRangeGridlinePaint(new Color(225, 225, 225));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < lines.size(); s++) {
      r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      r.setSeriesShape(s, circle());
      r.setSeriesStroke(s, new BasicStroke(1.6f));
    }
    plot.setRenderer(r);
    if (lower != null && upper != null) {
      plot.getRangeAxis().setRange(lower, upper);
      plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(0.8f)));
    }
    return png(chart, WIDTH, 360);
  }

  private static Image png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart '" + chart.getTitle().getText()
          + "'", e);
    }
    return new Image(out.toByteArray(), width, height);
  }
}
