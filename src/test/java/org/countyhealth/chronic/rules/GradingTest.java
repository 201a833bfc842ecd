package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.rules.Classification.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 23–26 and ADR 0005. */
class GradingTest {

  @ParameterizedTest(name = "{0} ctrl {1} {2} {3} → {4}")
  @CsvSource({
    "CONTROLLED,         true,  REGULAR,      NONE,            GREEN",
    "CONTROLLED,         true,  REGULAR,      MILD,            YELLOW",
    "FIRST_UNCONTROLLED, false, REGULAR,      NONE,            YELLOW",
    "FIRST_UNCONTROLLED, false, REGULAR,      MILD,            YELLOW",
    "FIRST_UNCONTROLLED, true,  REGULAR,      NONE,            YELLOW", // adverse reaction
    "CONTROLLED,         true,  INTERMITTENT, NONE,            RED",
    "CONTROLLED,         true,  NONE,         NONE,            RED",
    "FIRST_UNCONTROLLED, false, REGULAR,      MODERATE_SEVERE, RED",
    "REFER,              false, REGULAR,      NONE,            RED",
    "EMERGENCY,          false, REGULAR,      NONE,            RED",
  })
  void colourGrade(
      Result result, boolean controlled, Adherence adherence, Discomfort discomfort, Grade grade) {
    assertThat(Grading.grade(result, controlled, adherence, discomfort)).isEqualTo(grade);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "GREEN, GREEN, -",
        "GREEN, YELLOW, UP",
        "YELLOW, RED, UP",
        "GREEN, RED, UP",
        "RED, YELLOW, DOWN",
        "YELLOW, GREEN, DOWN",
        "-, RED, -"
      })
  void levelChangeProposesReferral(Grade from, Grade to, LevelChange.Move move) {
    assertThat(LevelChange.proposal(from, to).orElse(null)).isEqualTo(move);
  }

  @ParameterizedTest
  @CsvSource({
    "HYPERTENSION, GREEN, 一级管理",
    "HYPERTENSION, YELLOW, 二级管理",
    "HYPERTENSION, RED, 三级管理",
    "DIABETES, GREEN, 常规管理",
    "DIABETES, YELLOW, 强化管理",
    "DIABETES, RED, 强化管理"
  })
  void managementLevels(Disease disease, Grade grade, String level) {
    assertThat(LevelChange.managementLevel(disease, grade)).isEqualTo(level);
  }
}
