package org.countyhealth.chronic.rules;

import java.util.Optional;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Grade;

/**
 * A grade change that moves the patient to another managing level proposes the referral (line 23 of
 * 000_65944b5c5b97f013.txt: red → up to the county, better → down to the township or village), and
 * the management level of each disease that a grade stands for (docs/adr/0005).
 */
public final class LevelChange {

  private LevelChange() {}

  public enum Move {
    UP,
    DOWN
  }

  public static Optional<Move> proposal(Grade from, Grade to) {
    if (from == null || to == null || from.level() == to.level()) {
      return Optional.empty();
    }
    return Optional.of(to.level() > from.level() ? Move.UP : Move.DOWN);
  }

  /** Hypertension 一级/二级/三级 管理, diabetes 常规/强化 管理 (ADR 0005). */
  public static String managementLevel(Disease disease, Grade grade) {
    if (disease == Disease.HYPERTENSION) {
      return switch (grade) {
        case GREEN -> "一级管理";
        case YELLOW -> "二级管理";
        case RED -> "三级管理";
      };
    }
    return grade == Grade.GREEN ? "常规管理" : "强化管理";
  }
}
