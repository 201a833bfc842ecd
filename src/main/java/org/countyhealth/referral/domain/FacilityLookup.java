package org.countyhealth.referral.domain;

import java.util.ArrayList;
import java.util.List;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.ConditionCapability;
import org.countyhealth.referral.rules.NearestCapable;
import org.countyhealth.referral.rules.NearestCapable.Candidate;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.springframework.stereotype.Component;

/** Facilities as the referral rules see them, through the organization facade. */
@Component
class FacilityLookup {

  private final Facilities facilities;

  FacilityLookup(Facilities facilities) {
    this.facilities = facilities;
  }

  FacilitySummary active(String code, String field) {
    if (code == null || code.isBlank()) {
      throw new BusinessException("REFERRAL_FACILITY_REQUIRED", "请选择医疗机构", field);
    }
    FacilitySummary f =
        facilities
            .find(code.strip())
            .orElseThrow(
                () -> new BusinessException("REFERRAL_FACILITY_UNKNOWN", "未知的医疗机构", field));
    if (!f.active()) {
      throw new BusinessException("REFERRAL_FACILITY_INACTIVE", "该医疗机构已停用，不能转诊", field);
    }
    return f;
  }

  /** The facility itself, then its parent, up to the root. */
  List<String> chain(String code) {
    List<String> chain = new ArrayList<>();
    String current = code;
    while (current != null && chain.size() < 10) {
      chain.add(current);
      current = facilities.find(current).map(FacilitySummary::parentCode).orElse(null);
    }
    return chain;
  }

  /**
   * Possible receivers. Up: the levels above the sender, distance from the sender. Down: the levels
   * below, distance from the patient's own township or village clinic.
   */
  List<Candidate> candidates(
      Direction direction, FacilitySummary from, ResidentSummary patient, String diagnosis) {
    List<String> origin;
    String home = null;
    if (direction == Direction.DOWN) {
      // Back home: the patient's township and its village clinics count as nearest (lines 23–24).
      home = patient.townshipCode() != null ? patient.townshipCode() : patient.facilityCode();
      origin = chain(home);
    } else {
      origin = chain(from.licenceCode());
    }
    String homeTownship = home;
    return all().stream()
        .filter(f -> !f.licenceCode().equals(from.licenceCode()))
        .filter(
            f ->
                direction == Direction.UP
                    ? f.type().level() > from.type().level()
                        && (f.type().member() || from.type().countyLevel())
                    : f.type().level() < from.type().level())
        .map(
            f ->
                new Candidate(
                    f.licenceCode(),
                    homeTownship != null && chain(f.licenceCode()).contains(homeTownship)
                        ? 0
                        : NearestCapable.distance(origin, chain(f.licenceCode())),
                    ConditionCapability.canManage(f.type(), diagnosis),
                    f.active()))
        .toList();
  }

  List<FacilitySummary> all() {
    return facilities.visible(DataScope.consortium());
  }

  java.util.Map<String, String> names() {
    return all().stream()
        .collect(
            java.util.stream.Collectors.toMap(FacilitySummary::licenceCode, FacilitySummary::name));
  }

  String name(String code) {
    return facilities.find(code).map(FacilitySummary::name).orElse(code);
  }
}
