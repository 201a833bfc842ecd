package org.countyhealth.referral.domain;

import java.time.LocalDateTime;
import java.util.Optional;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.ProgrammeReferralRequest;
import org.countyhealth.referral.ReferralCriteria;
import org.countyhealth.referral.ReferralSummary;
import org.countyhealth.referral.Referrals;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.stereotype.Component;

/**
 * The module's facade: reads of referrals within a data scope (the FHIR interface), and for
 * programmes a one-step referral (drafted and submitted) to the nearest capable facility. The main
 * diagnosis follows from the programme's checklist (hypertension I10, type-2 diabetes E11.9).
 */
@Component
class ProgrammeReferrals implements Referrals {

  private final ReferralDesk desk;
  private final Facilities facilities;
  private final ReferralStore store;
  private final ReferralReads reads;

  ProgrammeReferrals(
      ReferralDesk desk, Facilities facilities, ReferralStore store, ReferralReads reads) {
    this.desk = desk;
    this.facilities = facilities;
    this.store = store;
    this.reads = reads;
  }

  @Override
  public Optional<ReferralSummary> find(long referralId, DataScope scope) {
    return reads.find(referralId, scope);
  }

  @Override
  public Slice<ReferralSummary> search(DataScope scope, ReferralCriteria criteria, Window window) {
    return reads.search(scope, criteria, window);
  }

  @Override
  public boolean hasOpenReferral(long residentId, Direction direction) {
    return store.openDirections(residentId).contains(direction);
  }

  @Override
  public long requestFromProgramme(ProgrammeReferralRequest request) {
    // 0 means the programme acted for a patient without a responsible doctor (the chronic module
    // sends it for doctor-less residents); any other id must name a known staff member.
    Long staffId = null;
    String doctorName = "慢病管理系统（无责任医生）";
    if (request.requestingStaffId() != 0) {
      StaffSummary doctor =
          facilities
              .findStaff(request.requestingStaffId())
              .orElseThrow(
                  () ->
                      new BusinessException(
                          "REFERRAL_DOCTOR_UNKNOWN", "未知的申请医生", "requestingStaffId"));
      staffId = doctor.id();
      doctorName = doctor.name();
    }
    var codes =
        request.indicationCodes() == null ? java.util.List.<String>of() : request.indicationCodes();
    String diagnosis =
        codes.stream().anyMatch(c -> c.startsWith("DM_"))
            ? "E11.9"
            : codes.stream().anyMatch(c -> c.startsWith("HTN_")) ? "I10" : null;
    if (codes.isEmpty() && "chronic".equals(request.sourceModule())) {
      // The chronic module's emergency follow-up names no indication and no disease (only the
      // emergency signs in its summary): tick the general indication of line 554 (急危重症或慢性病
      // 控制不满意) and read the disease from the signs, until the request carries both.
      codes =
          java.util.List.of(
              request.direction() == org.countyhealth.referral.Direction.UP
                  ? "GEN_UP_3"
                  : "GEN_DOWN_1");
      String summary = request.summary() == null ? "" : request.summary();
      diagnosis =
          summary.contains("血糖") || summary.contains("酮") || summary.contains("糖尿病")
              ? "E11.9"
              : "I10";
    }
    String name = "E11.9".equals(diagnosis) ? "2型糖尿病" : "I10".equals(diagnosis) ? "原发性高血压" : null;
    NewReferral in =
        new NewReferral(
            request.direction(),
            request.residentId(),
            request.fromFacilityCode(),
            null,
            null,
            null,
            request.emergency() ? "紧急转诊" : "慢病分级管理转诊",
            request.summary(),
            diagnosis,
            name,
            codes,
            request.emergency(),
            null,
            null,
            null,
            null,
            null,
            null,
            request.sourceModule());
    return desk.createUndescribed(in, staffId, doctorName, true, null, LocalDateTime.now());
  }
}
