package org.countyhealth.residents.contract;

import java.util.Map;
import java.util.Set;
import org.countyhealth.residents.ResidentPageSection;
import org.springframework.stereotype.Component;

/** The family-doctor contract and key populations on the resident page. */
@Component
class ContractSection implements ResidentPageSection {

  private final ContractSectionModel models;

  ContractSection(ContractSectionModel models) {
    this.models = models;
  }

  @Override
  public String title() {
    return "家庭医生签约";
  }

  @Override
  public String template() {
    return "residents/record/sections";
  }

  @Override
  public String selector() {
    return "contracts";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public boolean visibleWith(Set<String> privileges) {
    return privileges.contains("RESIDENT_VIEW");
  }

  @Override
  public Map<String, Object> model(long residentId) {
    return models.model(residentId);
  }
}
