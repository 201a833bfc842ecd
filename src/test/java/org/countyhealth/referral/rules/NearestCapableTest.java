package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.countyhealth.referral.rules.NearestCapable.Candidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt line 536
class NearestCapableTest {

  /** Candidates as "code:distance:capable:active" separated by spaces. */
  static List<Candidate> parse(String spec) {
    return Arrays.stream(spec.trim().split("\\s+"))
        .map(s -> s.split(":"))
        .map(
            p ->
                new Candidate(
                    p[0],
                    Integer.parseInt(p[1]),
                    Boolean.parseBoolean(p[2]),
                    Boolean.parseBoolean(p[3])))
        .toList();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "'TOWN:1:true:true LEAD:2:true:true',                  TOWN",
    "'TOWN:1:false:true LEAD:2:true:true',                 LEAD",
    "'TOWN:1:true:false LEAD:2:true:true',                 LEAD",
    "'LEAD:2:true:true TCM:2:true:true SECOND:3:true:true', LEAD",
    "'EXT:100:true:true LEAD:1:true:true',                 LEAD",
    "'TOWN:1:false:true',                                  NONE"
  })
  void choosesNearestCapable(String candidates, String expected) {
    assertThat(NearestCapable.choose(parse(candidates)).map(Candidate::code).orElse("NONE"))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} among {0}: reason needed {2}")
  @CsvSource({
    "'TOWN:1:true:true LEAD:2:true:true',  LEAD, true",
    "'TOWN:1:true:true LEAD:2:true:true',  TOWN, false",
    "'TOWN:1:false:true LEAD:2:true:true', LEAD, false",
    "'LEAD:2:true:true TCM:2:true:true',   TCM,  false"
  })
  void fartherNeedsReason(String candidates, String chosen, boolean expected) {
    assertThat(NearestCapable.needsReason(chosen, parse(candidates))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ↔ {1} = {2}")
  @CsvSource({
    "'V1 T1 LEAD', 'T1 LEAD',   1",
    "'V1 T1 LEAD', 'LEAD',      2",
    "'V1 T1 LEAD', 'TCM LEAD',  3",
    "'T1 LEAD',    'T2 LEAD',   2",
    "'T1 LEAD',    'EXT',       100"
  })
  void treeDistance(String from, String to, int expected) {
    assertThat(NearestCapable.distance(List.of(from.split(" ")), List.of(to.split(" "))))
        .isEqualTo(expected);
  }
}
