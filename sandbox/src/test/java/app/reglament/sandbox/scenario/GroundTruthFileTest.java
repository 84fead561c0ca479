package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.Scenario.GroundTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth file: readable JSON with ISO instants, and it reads back to the same thing. */
class GroundTruthFileTest {
  @TempDir Path directory;

  @Test
  void aWrittenGroundTruthReadsBackEqual() throws IOException {
    Scenario scenario = Scenarios.defaults(1L);
    Path file = directory.resolve("nested/ground-truth.json");

    GroundTruthFile.write(file, scenario);
    GroundTruth read = GroundTruthFile.read(file);

    assertThat(read).isEqualTo(scenario.groundTruth());
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"now\" : \"2025-06-18T16:30:00Z\"")
        .contains("\"timezone\" : \"Europe/Moscow\"")
        .contains("\"indicator\" : \"worktime\"")
        .contains("\n  ");
  }
}
