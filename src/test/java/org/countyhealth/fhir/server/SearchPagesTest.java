package org.countyhealth.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchPagesTest {

  @ParameterizedTest(name = "_offset={0} _count={1} -> offset {2}, count {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, null, 0, 20",
        "0, 5, 0, 5",
        "40, 20, 40, 20",
        "0, 0, 0, 0",
        "0, 200, 0, 200",
        "0, 201, 0, 200",
        "10, 5000, 10, 200"
      })
  void theWindowAskedFor(Integer offset, Integer count, int expectedOffset, int expectedCount) {
    assertThat(SearchPages.window(offset, count))
        .isEqualTo(new Window(expectedOffset, expectedCount));
  }

  @ParameterizedTest
  @CsvSource({"-1, 20, _offset", "0, -1, _count"})
  void negativeValuesAreRefusedNamingTheParameter(int offset, int count, String named) {
    assertThatThrownBy(() -> SearchPages.window(offset, count))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(named);
  }

  @ParameterizedTest(name = "offset {0} count {1} of 5 -> {2}")
  @CsvSource({"0, 2, ab", "2, 2, cd", "4, 2, e", "5, 2, ''", "9, 2, ''", "0, 0, ''"})
  void aResultReadWholeIsCutToTheWindowWithItsTotal(int offset, int count, String expected) {
    Slice<String> slice =
        SearchPages.cut(new Window(offset, count), List.of("a", "b", "c", "d", "e"));
    assertThat(String.join("", slice.items())).isEqualTo(expected);
    assertThat(slice.total()).isEqualTo(5);
  }
}
