package org.countyhealth.referral.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;

/** The ticked indications of a referral: known, of its direction, at least one for going up. */
public final class IndicationCheck {

  private IndicationCheck() {}

  // 000_65944b5c5b97f013.txt lines 550–563: 上转、下转指征; an up-referral states at least one.
  public static List<Indication> validate(Direction direction, Collection<String> codes) {
    Set<Indication> found = new LinkedHashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      Indication indication =
          Indication.byCode(code)
              .orElseThrow(
                  () ->
                      new BusinessException(
                          "REFERRAL_INDICATION_UNKNOWN", "未知的转诊指征：" + code, "indications"));
      if (indication.direction() != direction) {
        throw new BusinessException(
            "REFERRAL_INDICATION_WRONG_DIRECTION",
            "所选指征“" + indication.text() + "”不属于" + direction.label() + "指征",
            "indications");
      }
      found.add(indication);
    }
    if (direction == Direction.UP && found.isEmpty()) {
      throw new BusinessException("REFERRAL_INDICATION_REQUIRED", "上转请至少勾选一项上转指征", "indications");
    }
    return new ArrayList<>(found);
  }

  /** Green channel: asked for, or implied by an emergency indication (line 531). */
  public static boolean greenChannel(boolean requested, Collection<Indication> indications) {
    return requested || indications.stream().anyMatch(Indication::emergency);
  }
}
