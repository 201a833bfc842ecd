package org.countyhealth.chronic.rules;

import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.Grade;

/**
 * Colour grade of 000_65944b5c5b97f013.txt lines 24–26. Green: good adherence, on target, no
 * particular discomfort. Yellow: good adherence, off target but below danger values, at most mild
 * discomfort, no new target-organ damage. Red: poor adherence, danger values, moderate or severe
 * discomfort, new target-organ damage or complications — and a patient referred up (line 23: the
 * grade turns red when referred to the county).
 */
public final class Grading {

  private Grading() {}

  public static Grade grade(
      Classification.Result result,
      boolean controlled,
      Adherence adherence,
      Discomfort discomfort) {
    if (result == Classification.Result.EMERGENCY
        || result == Classification.Result.REFER
        || adherence != Adherence.REGULAR
        || discomfort == Discomfort.MODERATE_SEVERE) {
      return Grade.RED;
    }
    if (result == Classification.Result.CONTROLLED && controlled && discomfort == Discomfort.NONE) {
      return Grade.GREEN;
    }
    return Grade.YELLOW;
  }
}
