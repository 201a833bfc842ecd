package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.QcSampling.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 88 and 90: both quotas at once, seeded, reasons when short. */
class QcSamplingTest {

  private static final LocalDate ON = LocalDate.of(2026, 10, 15);

  @ParameterizedTest(name = "{0} older {1} younger {2} → {3} {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // available per level (in quota order): aged ≥ 60 | aged < 60
        "HYPERTENSION, 9 9 9, 9 9 9, true, -",
        "HYPERTENSION, 2 4 0, 0 1 3, true, -", // exactly one allocation
        "HYPERTENSION, 1 9 9, 0 9 9, false, 一级管理患者仅 1 名",
        "HYPERTENSION, 9 9 9, 1 1 1, false, 60岁以下患者仅 3 名",
        "HYPERTENSION, 0 0 9, 2 5 0, false, 无法同时满足",
        "HYPERTENSION, 2 5 7, 0 0 4, false, 无法同时满足",
        "DIABETES, 6 6, 4 4, true, -",
        "DIABETES, 6 0, 0 4, true, -",
        "DIABETES, 9 0, 0 3, false, 强化管理患者仅 3 名",
        "DIABETES, 9 9, 0 0, false, 60岁以下患者仅 0 名",
        "DIABETES, 0 9, 6 0, false, 无法同时满足",
      })
  void bothMarginsAtOnce(
      Disease disease, String older, String younger, boolean feasible, String message) {
    QcSampling.Quota quota = QcSampling.quota(disease);
    List<Candidate> candidates = candidates(quota, older, younger);
    QcSampling.Result r = QcSampling.sample(quota, candidates, ON, 42);
    assertThat(r.feasible()).isEqualTo(feasible);
    if (feasible) {
      assertThat(r.sample()).hasSize(10).doesNotHaveDuplicates();
      Map<String, Long> byLevel =
          r.sample().stream()
              .collect(Collectors.groupingBy(Candidate::level, Collectors.counting()));
      quota.levels().forEach((l, n) -> assertThat(byLevel.get(l)).isEqualTo(n.longValue()));
      long old = r.sample().stream().filter(c -> c.birthDate().getYear() < 1960).count();
      assertThat(old).isEqualTo(quota.older());
    } else {
      assertThat(r.sample()).isEmpty();
      String all = String.join("；", r.shortfalls());
      assertThat(all).contains(message);
    }
  }

  @Test
  void sameSeedSameSampleWhateverTheRowOrder() {
    List<Candidate> c = candidates(QcSampling.HYPERTENSION, "20 20 20", "20 20 20");
    List<Candidate> reversed = new ArrayList<>(c);
    java.util.Collections.reverse(reversed);
    var a = QcSampling.sample(QcSampling.HYPERTENSION, c, ON, 7).sample();
    var b = QcSampling.sample(QcSampling.HYPERTENSION, reversed, ON, 7).sample();
    var other = QcSampling.sample(QcSampling.HYPERTENSION, c, ON, 8).sample();
    assertThat(a).isEqualTo(b);
    assertThat(other).isNotEqualTo(a);
  }

  @Test
  void ageIsTakenOnTheSamplingDay() {
    // Turns 60 the day after the sampling day: still in the younger band.
    var c = new Candidate(1, "常规管理", ON.minusYears(60).plusDays(1));
    var many = new ArrayList<>(candidates(QcSampling.DIABETES, "6 4", "0 3"));
    many.add(c);
    var r = QcSampling.sample(QcSampling.DIABETES, many, ON, 1);
    assertThat(r.feasible()).isTrue();
    assertThat(r.sample()).contains(c);
  }

  private static List<Candidate> candidates(QcSampling.Quota quota, String older, String younger) {
    List<String> levels = List.copyOf(quota.levels().keySet());
    int[] o = Arrays.stream(older.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    int[] y = Arrays.stream(younger.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    List<Candidate> out = new ArrayList<>();
    long id = 100;
    for (int i = 0; i < levels.size(); i++) {
      for (int k = 0; k < o[i]; k++) {
        out.add(new Candidate(id++, levels.get(i), LocalDate.of(1950, 1, 1)));
      }
      for (int k = 0; k < y[i]; k++) {
        out.add(new Candidate(id++, levels.get(i), LocalDate.of(1975, 1, 1)));
      }
    }
    return out;
  }
}
