package org.framescope.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.framescope.io.LexiconFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class LexiconParserTest {
  public static Lexicon parse(String yaml) {
    return LexiconParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
  }

  static final String SMALL = String.join("\n",
      "name: small",
      "axes:",
      "  state:",
      "    description: naming",
      "    poles:",
      "      regime:",
      "        - Assad regime",
      "        - term: regime",
      "          not_after: [Turkish, North Korean]",
      "      government: [Syrian government, government forces]",
      "frames:",
      "  humanitarian:",
      "    entries: [bloodbath, massacre*]",
      "actors:",
      "  russia: [Russia, Russian*]",
      "");

  @Test
  void readsAxesFramesActorsAndEntries() {
    Lexicon lex = parse(SMALL);
    assertThat(lex.name()).isEqualTo("small");
    assertThat(lex.axes()).containsExactly(
        new Lexicon.Axis("state", "naming", "regime", "government"));
    assertThat(lex.frames()).extracting(Lexicon.Named::name).containsExactly("humanitarian");
    assertThat(lex.actors()).extracting(Lexicon.Named::name).containsExactly("russia");
    assertThat(lex.termEntries()).extracting(Entry::text).containsExactly("Assad regime",
        "regime", "Syrian government", "government forces", "bloodbath", "massacre*");
    Entry regime = lex.termEntries().get(1);
    assertThat(regime.line()).isEqualTo(8);
    assertThat(regime.notAfter()).extracting(p -> String.join(" ", p))
        .containsExactly("turkish", "north korean");
    Entry massacre = lex.termEntries().get(5);
    assertThat(massacre.tokens()).containsExactly("massacre");
    assertThat(massacre.prefix()).containsExactly(true);
    assertThat(lex.actorEntries()).extracting(Entry::kind).containsOnly(Entry.ACTOR);
    assertThat(lex.sha256()).hasSize(64).isEqualTo(parse(SMALL).sha256())
        .isNotEqualTo(parse(SMALL + "# changed\n").sha256());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "name: x\\naxes:\\n  a: [b|line 3: not valid YAML",
      "name: x\\ncolour: red\\nframes:\\n  f: [a]|line 2: unknown key 'colour'",
      "frames:\\n  f: [a]|no 'name'",
      "name: x\\nframes:\\n  f:\\n    - not_after: [a]|line 4: an entry of frame f has no 'term'",
      "name: x|no axes and no frames",
      "name: x\\naxes:\\n  a:\\n    poles:\\n      p: [x]|line 5: axis a must have exactly two poles, it has 1",
      "name: x\\naxes:\\n  a:\\n    poles:\\n      p: [x]\\n      q: [y]\\n      r: [z]|line 5: axis a must have exactly two poles, it has 3",
      "name: x\\naxes:\\n  a:\\n    poles:\\n      p: [x]\\n      q: []|line 6: pole q of axis a has no entries",
      "name: x\\nframes:\\n  f: [terror*ist]|line 3: entry 'terror*ist': '*' must end a word",
      "name: x\\nframes:\\n  f: ['*']|line 3: entry '*': '*' must end a word",
      "name: x\\nframes:\\n  f: ['--']|line 3: entry '--' has no word in it",
      "name: x\\naxes:\\n  a:\\n    poles:\\n      p: [regime]\\n      q: [Regime]|line 6: entry 'Regime' of pole q of axis a is already listed at line 5",
      "name: x\\nframes:\\n  Bad-Name: [a]|line 3: name 'Bad-Name' must be a lower-case identifier",
      "name: x\\nframes:\\n  f:\\n    - term: a\\n      not_before: []\\n      colour: red|line 6: unknown key 'colour' in an entry of frame f",
      "name: x\\nframes:\\n  f:\\n    - nested: [a]|line 4: unknown key 'nested' in an entry of frame f",
      "name: x\\naxes:\\n  a:\\n    poles: [p, q]|line 4: poles of axis a: expected a mapping",
  })
  void aBadLexiconNamesTheLineAndTheProblem(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
        .isInstanceOf(LexiconException.class)
        .hasMessageStartingWith("lexicon test.yaml")
        .hasMessageContaining(message);
  }

  @Test
  void theBuiltInLexiconsParseAndHoldWhatTheyPromise() {
    Lexicon syria = LexiconFiles.read(new Configuration(), "syria");
    assertThat(syria.axes()).extracting(a -> a.name() + ":" + a.poleA() + "/" + a.poleB())
        .contains("syrian_state:regime/government", "armed_opposition:terrorists/rebels",
            "military_action:offensive/counterterrorism");
    assertThat(syria.frames()).extracting(Lexicon.Named::name).contains("humanitarian");
    assertThat(syria.actors()).extracting(Lexicon.Named::name).containsExactly(
        "assad_government", "russia", "turkey", "iran", "united_states", "armed_opposition", "un",
        "civilians");
    Lexicon immigration = LexiconFiles.read(new Configuration(), "immigration");
    assertThat(immigration.axes()).extracting(Lexicon.Axis::name).containsExactly("migrant_status");
    assertThatThrownBy(() -> LexiconFiles.read(new Configuration(), "klingon"))
        .hasMessageContaining("no built-in lexicon of that name");
    assertThatThrownBy(() -> LexiconFiles.read(new Configuration(), "/no/such/lexicon.yaml"))
        .hasMessageContaining("no such file");
  }

  @Test
  void theDataFolderCopyIsWhatShipsInTheJar() throws Exception {
    for (String name : List.of("syria", "immigration")) {
      byte[] onDisk = java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("data/lexicons/" + name + ".yaml"));
      assertThat(LexiconFiles.read(new Configuration(), name).sha256())
          .isEqualTo(LexiconParser.parse(onDisk, name).sha256());
    }
  }
}
