package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt line 538
class OpenReferralsTest {

  @ParameterizedTest(name = "open [{0}], new {1}: allowed {2}")
  @CsvSource({
    "'', UP, true",
    "'DOWN', UP, true",
    "'UP', DOWN, true",
    "'UP', UP, false",
    "'UP DOWN', DOWN, false"
  })
  void oneOpenPerDirection(String open, Direction wanted, boolean allowed) {
    List<Direction> openDirections =
        open.isBlank()
            ? List.of()
            : Arrays.stream(open.split(" ")).map(Direction::valueOf).toList();
    if (allowed) {
      assertThatCode(() -> OpenReferrals.check(wanted, openDirections)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> OpenReferrals.check(wanted, openDirections))
          .hasMessageContaining("未结束");
    }
  }
}
