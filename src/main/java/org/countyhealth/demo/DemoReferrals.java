package org.countyhealth.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.Referral.CareMode;
import org.countyhealth.referral.domain.Referral.Outcome;
import org.countyhealth.referral.domain.ReferralDesk;
import org.countyhealth.referral.domain.ResourcePool;
import org.countyhealth.shared.BusinessException;

/**
 * A year of two-way referrals through every path of the flow chart (000_65944b5c5b97f013.txt lines
 * 592–640): closed after outpatient or inpatient care, down-referred and confirmed by the township,
 * declined, cancelled, green channel, out of county, and the last week's still open. Each patient
 * is sent by a township to the county; referrals in the same direction never overlap.
 */
public final class DemoReferrals {

  private static final String[][] UP_CASES = {
    {"I10", "原发性高血压", "HTN_UP_4"},
    {"I10", "原发性高血压", "HTN_UP_3"},
    {"E11.9", "2型糖尿病", "DM_UP_9"},
    {"E11.9", "2型糖尿病", "DM_UP_4"},
    {"I63.9", "脑梗死", "GEN_UP_3"},
    {"R51", "头痛待查", "GEN_UP_4"},
    {"K80.2", "胆囊结石", "GEN_UP_2"}
  };

  private final ReferralDesk desk;
  private final ResourcePool pool;
  private final Map<String, Long> slots = new HashMap<>();
  private int created;

  public DemoReferrals(ReferralDesk desk, ResourcePool pool) {
    this.desk = desk;
    this.pool = pool;
  }

  /**
   * Creates about {@code perDay} referrals a day for the year before {@code today}; residents are
   * used in turn, townships at random; answers how many were created.
   */
  public int createYear(
      Random random,
      List<Long> residentIds,
      List<String> townships,
      List<String> countyHospitals,
      String externalPartner,
      LocalDate today,
      int perDay) {
    created = 0;
    int next = 0;
    for (LocalDate day = today.minusYears(1); day.isBefore(today); day = day.plusDays(1)) {
      for (int i = 0; i < perDay; i++) {
        long resident = residentIds.get(next++ % residentIds.size());
        String township = townships.get(random.nextInt(townships.size()));
        String county =
            random.nextInt(10) < 8
                ? countyHospitals.get(0)
                : countyHospitals.get(random.nextInt(countyHospitals.size()));
        LocalDateTime t = day.atTime(8 + random.nextInt(10), random.nextInt(60));
        boolean recent = day.isAfter(today.minusDays(7));
        try {
          path(random, resident, township, county, externalPartner, t, recent);
        } catch (BusinessException refused) {
          // e.g. the patient still has an open referral: the generator just moves on
        }
      }
    }
    return created;
  }

  private void path(
      Random random,
      long resident,
      String township,
      String county,
      String external,
      LocalDateTime t,
      boolean recent) {
    int roll = random.nextInt(100);
    String[] c = UP_CASES[random.nextInt(UP_CASES.length)];
    boolean green = roll >= 90 && roll < 95;
    if (roll >= 97 && external != null) {
      // 县外转诊: only the county hospital refers outside (line 33).
      desk.create(
          up(resident, county, external, "R69", "诊断不明", "GEN_UP_2", false),
          null,
          "县医院专科医生",
          true,
          null,
          t);
      created++;
      return;
    }
    long id =
        desk.create(
            up(resident, township, county, c[0], c[1], green ? "HTN_UP_1" : c[2], green),
            null,
            "乡镇全科医生",
            true,
            null,
            t);
    created++;
    int minutes = green ? 3 + random.nextInt(8) : 20 + random.nextInt(100);
    if (roll >= 95) {
      desk.cancel(id, "患者要求暂缓转诊", "乡镇全科医生", t.plusMinutes(5));
      return;
    }
    if (recent && random.nextInt(3) == 0) {
      return; // still waiting in the office queue
    }
    desk.receive(id, "转诊办", t.plusMinutes(minutes / 2));
    if (roll >= 85) {
      desk.decline(id, "本院相关专科暂无接诊能力，建议转其他县级医院", "转诊办", t.plusMinutes(minutes));
      return;
    }
    LocalDateTime accepted = t.plusMinutes(minutes);
    desk.accept(id, slot(county, accepted.toLocalDate()), "转诊办", accepted);
    if (random.nextInt(10) < 8) {
      desk.recordResult(id, "已随访，患者已在上级医院就诊", "乡镇全科医生", t.plusDays(3 + random.nextInt(14)));
    }
    if (recent) {
      return;
    }
    LocalDateTime arrived = accepted.plusHours(green ? 1 : 2 + random.nextInt(48));
    desk.arrive(id, "门诊护士", arrived);
    boolean inpatient = green || random.nextInt(3) == 0;
    desk.treat(
        id, inpatient ? CareMode.INPATIENT : CareMode.OUTPATIENT, "专科医生", arrived.plusHours(1));
    LocalDateTime done = arrived.plusDays(inpatient ? 5 + random.nextInt(7) : 0).plusHours(3);
    boolean manageable = c[0].startsWith("I10") || c[0].startsWith("E11");
    if (roll < 35 && manageable) {
      long down =
          desk.referDown(id, down(resident, county, township, c[0], c[1]), null, "专科医生", done);
      created++;
      desk.approve(down, "同意下转，回乡镇卫生院继续管理", "科主任", done.plusHours(2));
      desk.receive(down, "乡镇卫生院", done.plusHours(6 + random.nextInt(18)));
      if (random.nextInt(10) < 9) {
        desk.confirmBack(down, "乡镇卫生院", done.plusDays(1 + random.nextInt(3)));
      }
      return;
    }
    Outcome outcome = roll < 80 ? Outcome.IMPROVED : roll < 84 ? Outcome.CURED : Outcome.DIED;
    desk.close(id, outcome, "专科医生", done);
  }

  private long slot(String facility, LocalDate day) {
    return slots.computeIfAbsent(
        facility + day,
        k ->
            pool.offer(
                facility,
                ResourcePool.Kind.CLINIC_SLOT,
                "转诊专科门诊",
                "双向转诊预约号",
                day.plusDays(1).atTime(8, 0),
                200));
  }

  private static NewReferral up(
      long resident,
      String from,
      String to,
      String code,
      String name,
      String indication,
      boolean emergency) {
    return new NewReferral(
        Direction.UP,
        resident,
        from,
        "全科",
        to,
        "专科门诊",
        "明确诊断，调整治疗方案",
        "基层诊治后效果欠佳，申请上转。",
        code,
        name,
        List.of(indication),
        emergency,
        "患者意愿",
        null,
        null,
        null,
        null,
        null,
        "demo");
  }

  private static NewReferral down(long resident, String from, String to, String code, String name) {
    String kind =
        code.startsWith("E11") ? "DM_DOWN_4" : code.startsWith("I10") ? "HTN_DOWN_2" : "GEN_DOWN_2";
    return new NewReferral(
        Direction.DOWN,
        resident,
        from,
        "专科",
        to,
        "全科",
        "回基层继续治疗与康复",
        "病情稳定，符合下转指征。",
        code,
        name,
        List.of(kind),
        false,
        "患者居住地",
        null,
        "住院治疗后病情稳定出院。",
        "继续口服药物治疗，按期随访",
        "低盐低脂饮食，适量运动",
        "专科门诊 0762-7321000",
        "demo");
  }
}
