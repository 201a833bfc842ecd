package org.countyhealth.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationRegistry.NewFacility;

/** The new-facility form; the rules behind the registry check codes and hierarchy. */
record FacilityForm(
    @NotBlank(message = "请填写医疗机构执业许可证登记号") @Size(max = 22, message = "登记号应为 22 位")
        String licenceCode,
    @NotBlank(message = "请填写机构名称") @Size(max = 100, message = "机构名称不能超过 100 个字") String name,
    @NotNull(message = "请选择机构类型") FacilityType type,
    String parentCode,
    @NotBlank(message = "请填写行政区划代码") String divisionCode,
    Long gridId,
    @Size(max = 200, message = "地址不能超过 200 个字") String address,
    @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {

  static final Set<String> FIELDS =
      Set.of(
          "licenceCode",
          "name",
          "type",
          "parentCode",
          "divisionCode",
          "gridId",
          "address",
          "phone");

  static FacilityForm empty(String parentCode) {
    return new FacilityForm("", "", null, parentCode, "", null, "", "");
  }

  NewFacility toNew() {
    return new NewFacility(
        licenceCode, name, type, parentCode, divisionCode, gridId, address, phone);
  }
}
