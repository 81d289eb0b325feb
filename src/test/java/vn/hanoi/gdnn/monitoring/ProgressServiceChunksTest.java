package vn.hanoi.gdnn.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** City-scale reports query ids in chunks: PostgreSQL refuses more than 65,535 bind parameters in one query. */
class ProgressServiceChunksTest {

  @Test
  void idsAreSplitIntoChunksThatKeepEveryIdOnce() {
    List<String> ids = IntStream.range(0, 2500).mapToObj(i -> "pi-" + i).toList();

    List<List<String>> chunks = ProgressService.chunks(ids);

    assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 500);
    assertThat(chunks.stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
    assertThat(ProgressService.chunks(List.of())).isEmpty();
  }
}
