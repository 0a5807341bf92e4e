package org.framescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.TermCountsTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.schema.BoilerplateTable;
import org.framescope.schema.PairScoresTable;
import org.framescope.schema.SourceStoryScoresTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StoryScoresTable;
import org.framescope.schema.StorySummaryTable;
import org.framescope.schema.DuplicatesTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.SpeakerScoresTable;
import org.framescope.schema.RejectsTable;
import org.junit.jupiter.api.Test;

/** The README's table of outputs says what the schema classes define, column for column. */
public class ReadmeTest {
  public static final Map<String, StructType> TABLES = Map.ofEntries(
      Map.entry(SourceScoresTable.NAME, SourceScoresTable.SCHEMA),
      Map.entry(ActorScoresTable.NAME, ActorScoresTable.SCHEMA),
      Map.entry(SourceKeynessTable.NAME, SourceKeynessTable.SCHEMA),
      Map.entry(ArticleSentimentTable.NAME, ArticleSentimentTable.SCHEMA),
      Map.entry(ActorMentionsTable.NAME, ActorMentionsTable.SCHEMA),
      Map.entry(QuotesTable.NAME, QuotesTable.SCHEMA),
      Map.entry(SpeakerScoresTable.NAME, SpeakerScoresTable.SCHEMA),
      Map.entry(TermHitsTable.NAME, TermHitsTable.SCHEMA),
      Map.entry(TermCountsTable.NAME, TermCountsTable.SCHEMA),
      Map.entry(ArticleStatsTable.NAME, ArticleStatsTable.SCHEMA),
      Map.entry(ArticlesTable.NAME, ArticlesTable.SCHEMA),
      Map.entry(RejectsTable.NAME, RejectsTable.SCHEMA),
      Map.entry(DuplicatesTable.NAME, DuplicatesTable.SCHEMA),
      Map.entry(BoilerplateTable.NAME, BoilerplateTable.SCHEMA),
      Map.entry(StoriesTable.NAME, StoriesTable.SCHEMA),
      Map.entry(StorySummaryTable.NAME, StorySummaryTable.SCHEMA),
      Map.entry(StoryScoresTable.NAME, StoryScoresTable.SCHEMA),
      Map.entry(SourceStoryScoresTable.NAME, SourceStoryScoresTable.SCHEMA),
      Map.entry(PairScoresTable.NAME, PairScoresTable.SCHEMA));

  /** The rows of the first Markdown table after the heading {@code ### `name`}: column, type. */
  static List<String[]> documentedColumns(List<String> readme, String name) {
    int at = readme.indexOf("### `" + name + "`");
    assertThat(at).as("README section for table %s", name).isNotNegative();
    List<String[]> rows = new ArrayList<>();
    boolean inTable = false;
    for (int i = at + 1; i < readme.size(); i++) {
      String line = readme.get(i).strip();
      if (line.startsWith("|")) {
        inTable = true;
        String[] cells = line.split("\\|");
        String column = cells[1].strip();
        if (column.startsWith("`")) {
          rows.add(new String[] {column.replace("`", ""), cells[2].strip()});
        }
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  @Test
  void everyOutputTableIsDocumentedWithItsColumnsAndTypesInOrder() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    TABLES.forEach((name, schema) -> {
      List<String[]> documented = documentedColumns(readme, name);
      assertThat(documented).extracting(r -> r[0]).as(name)
          .containsExactly(schema.fieldNames());
      for (String[] row : documented) {
        assertThat(row[1]).as(name + "." + row[0])
            .isEqualTo(schema.apply(row[0]).dataType().simpleString());
      }
    });
  }

  @Test
  void theQuickStartGivesTheTwoCommandsAndCiRunsTheTestOne() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("jobs/framescope run").contains("mvn -B verify");
    assertThat(Files.readString(Path.of(".ci/run"))).contains("\nmvn -B verify\n");
  }
}
