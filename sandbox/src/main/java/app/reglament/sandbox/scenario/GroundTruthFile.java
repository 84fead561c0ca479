package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Scenario.GroundTruth;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ground truth as a JSON file: the seed, now, the regulations and the planted mistakes, with
 * ISO-8601 instants, pretty-printed so that a reviewer can read it. {@link #mapper()} serializes
 * the whole Scenario the same way.
 */
public final class GroundTruthFile {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Numbers in the rules document read back as Long, as they were written for ids.
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private GroundTruthFile() {}

  /** The mapper used for ground truth files; thread-safe, shared. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static void write(Path path, Scenario scenario) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    MAPPER.writeValue(path.toFile(), scenario.groundTruth());
  }

  public static GroundTruth read(Path path) throws IOException {
    return MAPPER.readValue(path.toFile(), GroundTruth.class);
  }
}
