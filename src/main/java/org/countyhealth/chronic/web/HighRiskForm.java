package org.countyhealth.chronic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.BodyMassIndex;
import org.countyhealth.chronic.rules.HighRisk;
import org.countyhealth.chronic.rules.HighRisk.Factor;
import org.countyhealth.chronic.rules.Vitals;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.BusinessException;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The high-risk form: the factors of lines 126–131 ticked by the doctor, each backed by what was
 * measured or asked. A ticked factor the values do not support is refused beside its field.
 */
public record HighRiskForm(
    Disease disease,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredOn,
    Set<Factor> factors,
    Integer systolic,
    Integer diastolic,
    BigDecimal heightCm,
    BigDecimal weightKg,
    Integer waistCm,
    Integer spiritsMlPerDay) {

  public HighRiskForm {
    factors = factors == null ? Set.of() : Set.copyOf(factors);
  }

  static HighRiskForm blank() {
    return new HighRiskForm(
        Disease.HYPERTENSION, LocalDate.now(), Set.of(), null, null, null, null, null, null);
  }

  public boolean ticked(Factor f) {
    return factors.contains(f);
  }

  /** What the rule sees; valid only after {@link #errors} found nothing. */
  HighRisk.Profile profile(ResidentSummary r) {
    return new HighRisk.Profile(
        Period.between(r.birthDate(), measuredOn).getYears(),
        r.sex(),
        systolic,
        diastolic,
        BodyMassIndex.of(weightKg, heightCm),
        waistCm,
        ticked(Factor.FAMILY_HISTORY),
        ticked(Factor.HIGH_SALT),
        spiritsMlPerDay);
  }

  /** Field → Chinese message; empty when the form may be saved. */
  Map<String, String> errors(ResidentSummary r, LocalDate today) {
    Map<String, String> e = new LinkedHashMap<>();
    if (disease == null) {
      e.put("disease", "请选择病种");
    }
    if (measuredOn == null || measuredOn.isAfter(today)) {
      e.put("measuredOn", "请填写评估日期（不能晚于今天）");
    }
    try {
      new Vitals(systolic, diastolic, null, null, null);
    } catch (BusinessException x) {
      e.put(x.field(), x.getMessage());
    }
    try {
      BodyMassIndex.of(weightKg, heightCm);
    } catch (BusinessException x) {
      e.put(x.field(), x.getMessage());
    }
    if ((heightCm == null) != (weightKg == null)) {
      e.putIfAbsent(heightCm == null ? "heightCm" : "weightKg", "身高与体重需同时填写才能计算 BMI");
    }
    if (waistCm != null && (waistCm < 40 || waistCm > 200)) {
      e.put("waistCm", "腰围应在 40–200 cm 之间");
    }
    if (spiritsMlPerDay != null && (spiritsMlPerDay < 0 || spiritsMlPerDay > 3000)) {
      e.put("spiritsMlPerDay", "每日饮白酒量应在 0–3000 ml 之间");
    }
    if (!e.isEmpty() || disease != Disease.HYPERTENSION) {
      return e;
    }
    if (factors.isEmpty()) {
      e.put("factors", "请至少勾选一项高危因素");
      return e;
    }
    Set<Factor> found = HighRisk.hypertensionFactors(profile(r));
    unsupported(
        e,
        found,
        Factor.HIGH_NORMAL_BP,
        "systolic",
        "血压正常高值须为收缩压 130～139 和/或舒张压 85～89 mmHg，请填写测得的血压");
    unsupported(e, found, Factor.OVERWEIGHT, "weightKg", "超重或肥胖须 BMI ≥ 24，请填写身高和体重");
    unsupported(e, found, Factor.ABDOMINAL_OBESITY, "waistCm", "腹型肥胖须腰围男 ≥ 90 cm、女 ≥ 85 cm，请填写腰围");
    unsupported(e, found, Factor.HEAVY_DRINKING, "spiritsMlPerDay", "长期过量饮酒指每日饮白酒 ≥ 100 ml，请填写饮酒量");
    unsupported(e, found, Factor.AGE_55, "factors", "该居民评估时未满 55 岁");
    return e;
  }

  private void unsupported(
      Map<String, String> e, Set<Factor> found, Factor f, String field, String message) {
    if (ticked(f) && !found.contains(f)) {
      e.putIfAbsent(field, message);
    }
  }
}
