package org.countyhealth.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;

/**
 * The content of the referral form (转诊单, 000_65944b5c5b97f013.txt lines 641–665) once the patient
 * and facilities are resolved. Down-referrals carry the discharge summary, treatment and
 * rehabilitation advice and the treating doctor's contact (line 546).
 */
public record ReferralForm(
    Direction direction,
    long residentId,
    String patientName,
    String sex,
    int age,
    String recordNumber,
    String fromFacilityCode,
    String fromDepartment,
    String toFacilityCode,
    String toDepartment,
    String purpose,
    String summary,
    String diagnosisCode,
    String diagnosisName,
    List<String> indications,
    String routeReason,
    Long requestingStaffId,
    String requestingDoctor,
    String dischargeSummary,
    String treatmentAdvice,
    String rehabAdvice,
    String treatingContact,
    Long parentId,
    String sourceModule,
    LocalDate referralDate) {

  static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

  public ReferralForm {
    indications = List.copyOf(indications);
    diagnosisCode = diagnosisCode == null ? "" : diagnosisCode.strip().toUpperCase();
    if (diagnosisCode.isEmpty()) {
      throw new BusinessException(
          "REFERRAL_DIAGNOSIS_REQUIRED", "请填写主要诊断（ICD-10编码）", "diagnosisCode");
    }
    if (!ICD10.matcher(diagnosisCode).matches()) {
      throw new BusinessException(
          "REFERRAL_DIAGNOSIS_INVALID", "主要诊断编码不是有效的ICD-10格式（如 I10、E11.9）", "diagnosisCode");
    }
    require(summary, 2000, "REFERRAL_SUMMARY_REQUIRED", "请填写病情摘要（2000字以内）", "summary");
    optional(purpose, 500, "purpose");
    optional(fromDepartment, 60, "fromDepartment");
    optional(toDepartment, 60, "toDepartment");
    optional(diagnosisName, 100, "diagnosisName");
    optional(recordNumber, 30, "recordNumber");
    optional(routeReason, 200, "routeReason");
    require(requestingDoctor, 40, "REFERRAL_DOCTOR_REQUIRED", "请填写申请医生", "requestingDoctor");
    if (direction == Direction.DOWN) {
      require(
          dischargeSummary,
          2000,
          "REFERRAL_DISCHARGE_SUMMARY_REQUIRED",
          "下转请填写出院小结或诊疗小结",
          "dischargeSummary");
      require(
          treatmentAdvice,
          1000,
          "REFERRAL_TREATMENT_ADVICE_REQUIRED",
          "下转请填写后续治疗方案",
          "treatmentAdvice");
      optional(rehabAdvice, 1000, "rehabAdvice");
      require(
          treatingContact,
          60,
          "REFERRAL_TREATING_CONTACT_REQUIRED",
          "下转请填写诊治医生联系方式",
          "treatingContact");
    }
  }

  private static void require(String value, int max, String code, String message, String field) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new BusinessException(code, message, field);
    }
  }

  private static void optional(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new BusinessException("REFERRAL_FIELD_TOO_LONG", "内容过长（最多" + max + "字）", field);
    }
  }
}
