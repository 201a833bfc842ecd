package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt lines 550–563, 146–160, 210–226
class IndicationCheckTest {

  static List<String> codes(String spec) {
    return spec.isBlank() ? List.of() : Arrays.asList(spec.trim().split("\\s+"));
  }

  @ParameterizedTest(name = "{0} [{1}] → {2}, green {3}")
  @CsvSource({
    "UP,   GEN_UP_1,               OK,                                   false",
    "UP,   'HTN_UP_1 GEN_UP_3',    OK,                                   true",
    "UP,   HTN_UP_2,               OK,                                   true",
    "UP,   HTN_UP_4,               OK,                                   false",
    "UP,   DM_UP_1,                OK,                                   true",
    "UP,   DM_UP_8,                OK,                                   true",
    "UP,   DM_UP_9,                OK,                                   false",
    "DOWN, '',                     OK,                                   false",
    "DOWN, 'HTN_DOWN_2 DM_DOWN_4', OK,                                   false",
    "UP,   '',                     REFERRAL_INDICATION_REQUIRED,         false",
    "UP,   GEN_DOWN_1,             REFERRAL_INDICATION_WRONG_DIRECTION,  false",
    "DOWN, HTN_UP_1,               REFERRAL_INDICATION_WRONG_DIRECTION,  false",
    "UP,   NO_SUCH,                REFERRAL_INDICATION_UNKNOWN,          false"
  })
  void validates(Direction direction, String ticked, String expected, boolean green) {
    if (expected.equals("OK")) {
      List<Indication> found = IndicationCheck.validate(direction, codes(ticked));
      assertThat(found).hasSize(codes(ticked).size());
      assertThat(IndicationCheck.greenChannel(false, found)).isEqualTo(green);
      assertThat(IndicationCheck.greenChannel(true, found)).isTrue();
    } else {
      assertThatThrownBy(() -> IndicationCheck.validate(direction, codes(ticked)))
          .isInstanceOfSatisfying(
              BusinessException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
  }

  @ParameterizedTest(name = "{0}/{1}: {2} items")
  @CsvSource({
    "UP,   GENERAL,      6",
    "DOWN, GENERAL,      5",
    "UP,   HYPERTENSION, 7",
    "DOWN, HYPERTENSION, 5",
    "UP,   DIABETES,     10",
    "DOWN, DIABETES,     4"
  })
  void checklistsHaveTheSeedsItems(Direction direction, Indication.Group group, int count) {
    assertThat(Indication.of(direction, group)).hasSize(count);
  }

  @Test
  void textsAreTheSeeds() {
    assertThat(Indication.HTN_UP_2.text()).isEqualTo("初诊年轻且血压水平达 3 级（收缩压≥180mmhg 和或舒张压≥110mmhg）。");
    assertThat(Indication.DM_DOWN_4.text()).isEqualTo("血糖、血压、血脂及伴随临床情况控制稳定。");
  }
}
