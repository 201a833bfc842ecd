package org.countyhealth.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;

/** Bodies of the referral JSON API; the desk checks the rules, these the shape. */
final class ReferralApiRequests {

  private ReferralApiRequests() {}

  /** A new referral; {@code submit} false keeps it a draft. */
  record Create(
      @NotNull(message = "请选择转诊分类（UP 向上转诊或 DOWN 向下转诊）")
          @Pattern(regexp = "UP|DOWN", message = "转诊分类只能是 UP 或 DOWN")
          String direction,
      @NotNull(message = "请从居民主索引选择患者") Long residentId,
      @Size(max = 60, message = "科室名称不能超过 60 个字") String fromDepartment,
      @Size(max = 22, message = "转往机构登记号不能超过 22 位") String toFacilityCode,
      @Size(max = 60, message = "科室名称不能超过 60 个字") String toDepartment,
      @Size(max = 500, message = "转诊目的不能超过 500 个字") String purpose,
      @NotBlank(message = "请填写病情摘要") @Size(max = 2000, message = "病情摘要不能超过 2000 个字") String summary,
      @NotBlank(message = "请填写主要诊断（ICD-10 编码）") @Size(max = 10, message = "ICD-10 编码不能超过 10 位")
          String diagnosisCode,
      @Size(max = 100, message = "诊断名称不能超过 100 个字") String diagnosisName,
      List<@Size(max = 20, message = "指征编码有误") String> indications,
      Boolean emergency,
      @Size(max = 200, message = "理由不能超过 200 个字") String routeReason,
      @Size(max = 30, message = "病案号不能超过 30 位") String recordNumber,
      Boolean submit) {

    NewReferral toNew(String fromFacility) {
      return new NewReferral(
          Direction.valueOf(direction),
          residentId,
          fromFacility,
          fromDepartment,
          ReferralFormInput.blankToNull(toFacilityCode),
          toDepartment,
          purpose,
          summary,
          diagnosisCode,
          diagnosisName,
          indications,
          Boolean.TRUE.equals(emergency),
          routeReason,
          recordNumber,
          null,
          null,
          null,
          null,
          null);
    }
  }

  record Accept(@NotNull(message = "请选择预约的号源、床位或检查") Long resourceId) {}

  record Reason(
      @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因不能超过 200 个字") String reason) {}

  record Treat(
      @NotNull(message = "请选择诊治方式")
          @Pattern(regexp = "OUTPATIENT|INPATIENT", message = "诊治方式只能是 OUTPATIENT 或 INPATIENT")
          String careMode) {}

  record Close(
      @NotNull(message = "请选择转归")
          @Pattern(regexp = "CURED|IMPROVED|DIED", message = "转归只能是 CURED、IMPROVED 或 DIED")
          String outcome) {}

  record Approve(
      @NotBlank(message = "请填写科室主任意见") @Size(max = 500, message = "科主任意见不能超过 500 个字")
          String opinion) {}

  record DownRefer(
      @Size(max = 22, message = "转往机构登记号不能超过 22 位") String toFacilityCode,
      @Size(max = 60, message = "科室名称不能超过 60 个字") String toDepartment,
      @Size(max = 60, message = "科室名称不能超过 60 个字") String fromDepartment,
      @NotBlank(message = "请填写病情摘要") @Size(max = 2000, message = "病情摘要不能超过 2000 个字") String summary,
      @NotBlank(message = "请填写主要诊断（ICD-10 编码）") String diagnosisCode,
      @Size(max = 100, message = "诊断名称不能超过 100 个字") String diagnosisName,
      List<String> indications,
      @NotBlank(message = "请填写出院（诊疗）小结") @Size(max = 2000, message = "小结不能超过 2000 个字")
          String dischargeSummary,
      @NotBlank(message = "请填写后续治疗方案") @Size(max = 1000, message = "治疗方案不能超过 1000 个字")
          String treatmentAdvice,
      @Size(max = 1000, message = "康复建议不能超过 1000 个字") String rehabAdvice,
      @NotBlank(message = "请填写诊治医生联系方式") @Size(max = 60, message = "联系方式不能超过 60 个字")
          String treatingContact,
      @Size(max = 200, message = "理由不能超过 200 个字") String routeReason) {

    DownFormInput toForm() {
      return new DownFormInput(
          toFacilityCode,
          toDepartment,
          fromDepartment,
          summary,
          diagnosisCode,
          diagnosisName,
          indications,
          dischargeSummary,
          treatmentAdvice,
          rehabAdvice,
          treatingContact,
          routeReason);
    }
  }
}
