package org.countyhealth.referral.domain;

import java.time.LocalDateTime;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.referral.ProgrammeReferralRequest;
import org.countyhealth.referral.Referrals;
import org.countyhealth.shared.BusinessException;
import org.springframework.stereotype.Component;

/**
 * The facade for programmes: a one-step referral (drafted and submitted) to the nearest capable
 * facility. The main diagnosis follows from the programme's checklist (hypertension I10, type-2
 * diabetes E11.9).
 */
@Component
class ProgrammeReferrals implements Referrals {

  private final ReferralDesk desk;
  private final Facilities facilities;

  ProgrammeReferrals(ReferralDesk desk, Facilities facilities) {
    this.desk = desk;
    this.facilities = facilities;
  }

  @Override
  public long requestFromProgramme(ProgrammeReferralRequest request) {
    StaffSummary doctor =
        facilities
            .findStaff(request.requestingStaffId())
            .orElseThrow(
                () ->
                    new BusinessException(
                        "REFERRAL_DOCTOR_UNKNOWN", "未知的申请医生", "requestingStaffId"));
    var codes =
        request.indicationCodes() == null ? java.util.List.<String>of() : request.indicationCodes();
    String diagnosis =
        codes.stream().anyMatch(c -> c.startsWith("DM_"))
            ? "E11.9"
            : codes.stream().anyMatch(c -> c.startsWith("HTN_")) ? "I10" : null;
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
    return desk.createUndescribed(in, doctor.id(), doctor.name(), true, null, LocalDateTime.now());
  }
}
