package org.countyhealth.residents;

/**
 * Key populations of the family-doctor service (家庭医生签约重点人群). The age-based ones are computed from
 * the birth date on a given day; the others are recorded by a clinician.
 */
public enum KeyPopulation {
  CHILD_0_6("0～6岁儿童", true),
  PREGNANT("孕产妇", false),
  ELDERLY_65("65岁及以上老年人", true),
  HYPERTENSION("高血压患者", false),
  DIABETES("2型糖尿病患者", false),
  SEVERE_MENTAL_ILLNESS("严重精神障碍患者", false),
  TUBERCULOSIS("肺结核患者", false),
  DISABLED("残疾人", false);

  private final String label;
  private final boolean ageBased;

  KeyPopulation(String label, boolean ageBased) {
    this.label = label;
    this.ageBased = ageBased;
  }

  public String label() {
    return label;
  }

  /** Computed from the birth date; never recorded. */
  public boolean ageBased() {
    return ageBased;
  }
}
