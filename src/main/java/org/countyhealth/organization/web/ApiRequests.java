package org.countyhealth.organization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.Title;

/** Bodies of the organization JSON API; the registry applies the rules behind them. */
final class ApiRequests {

  private ApiRequests() {}

  record FacilityRequest(
      @NotBlank(message = "请填写医疗机构执业许可证登记号") @Size(max = 22, message = "登记号应为 22 位")
          String licenceCode,
      @NotBlank(message = "请填写机构名称") @Size(max = 100, message = "机构名称不能超过 100 个字") String name,
      @NotNull(message = "请选择机构类型") FacilityType type,
      String parentCode,
      @NotBlank(message = "请填写行政区划代码") String divisionCode,
      Long gridId,
      @Size(max = 200, message = "地址不能超过 200 个字") String address,
      @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {}

  record FacilityUpdateRequest(
      @NotBlank(message = "请填写机构名称") @Size(max = 100, message = "机构名称不能超过 100 个字") String name,
      String parentCode,
      Long gridId,
      @NotNull(message = "请说明机构是否在用") Boolean active,
      @Size(max = 200, message = "地址不能超过 200 个字") String address,
      @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {}

  record StaffRequest(
      @NotBlank(message = "请选择所在机构") String facilityCode,
      Long departmentId,
      @NotBlank(message = "请填写姓名") @Size(max = 40, message = "姓名不能超过 40 个字") String name,
      @NotBlank(message = "请选择性别")
          @Pattern(regexp = "[0129]", message = "性别代码应为 GB/T 2261.1 的 0、1、2 或 9")
          String sex,
      @NotNull(message = "请选择执业类别") Profession profession,
      @NotNull(message = "请选择职称") Title title,
      @Size(max = 30, message = "执业证书编码不能超过 30 位") String licenceNumber,
      @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {}

  record StaffUpdateRequest(
      Long departmentId,
      @NotNull(message = "请选择职称") Title title,
      @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone,
      @NotNull(message = "请说明人员是否在岗") Boolean active) {}

  record MemberRequest(
      @NotNull(message = "请选择成员") Long staffId, @NotNull(message = "请选择成员角色") TeamRole role) {}

  record TeamRequest(
      @NotBlank(message = "请选择团队所在的乡镇卫生院") String facilityCode,
      @NotBlank(message = "请填写团队名称") @Size(max = 60, message = "团队名称不能超过 60 个字") String name,
      @NotNull(message = "请选择团队长") Long leaderId,
      @NotEmpty(message = "请至少添加一名团队成员") List<@Valid MemberRequest> members) {}

  record TeamUpdateRequest(
      @NotBlank(message = "请填写团队名称") @Size(max = 60, message = "团队名称不能超过 60 个字") String name,
      @NotNull(message = "请说明团队是否在用") Boolean active) {}
}
