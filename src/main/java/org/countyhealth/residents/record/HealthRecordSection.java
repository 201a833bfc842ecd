package org.countyhealth.residents.record;

import java.util.Map;
import java.util.Set;
import org.countyhealth.residents.ResidentPageSection;
import org.springframework.stereotype.Component;

/** The health record and latest check-up on the resident page. */
@Component
class HealthRecordSection implements ResidentPageSection {

  private final SectionModels models;

  HealthRecordSection(SectionModels models) {
    this.models = models;
  }

  @Override
  public String title() {
    return "健康档案与体检";
  }

  @Override
  public String template() {
    return "residents/record/sections";
  }

  @Override
  public String selector() {
    return "health-record";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public boolean visibleWith(Set<String> privileges) {
    return privileges.contains("RESIDENT_VIEW");
  }

  @Override
  public Map<String, Object> model(long residentId) {
    return models.healthRecord(residentId);
  }
}
