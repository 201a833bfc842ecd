package org.countyhealth.referral.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.countyhealth.referral.Direction;

/**
 * The referral indications to tick, word for word from the seeds: general (lines 550–563),
 * hypertension (lines 146–160) and diabetes (lines 210–226). The emergencies (hypertensive crisis,
 * grade-3 blood pressure, ketoacidosis, hyperosmolar state, hypoglycaemia, acute complication) open
 * the green channel (line 531).
 */
public enum Indication {
  // 000_65944b5c5b97f013.txt line 552
  GEN_UP_1(Group.GENERAL, Direction.UP, false, "涉及医疗服务内容超出分院核准登记的诊疗科目范围的。"),
  // 000_65944b5c5b97f013.txt line 553
  GEN_UP_2(Group.GENERAL, Direction.UP, false, "依据《医疗技术临床应用管理办法》基层医疗机构不具备相关医疗技术临床应用资质或手术资质。"),
  // 000_65944b5c5b97f013.txt line 554
  GEN_UP_3(
      Group.GENERAL,
      Direction.UP,
      false,
      "各种临床急危重症或慢性病病情控制不满意，经基层医疗机构内会诊调整治疗方案后，效果仍欠佳，全科医生判断符合转诊指征者。"),
  // 000_65944b5c5b97f013.txt line 555
  GEN_UP_4(Group.GENERAL, Direction.UP, false, "对诊断有疑问，需要综合/专科医院的设备及技术支持协助。"),
  // 000_65944b5c5b97f013.txt line 556
  GEN_UP_5(Group.GENERAL, Direction.UP, false, "依据有关法律法规，需转入专业防治机构治疗。"),
  // 000_65944b5c5b97f013.txt line 557
  GEN_UP_6(Group.GENERAL, Direction.UP, false, "市、县卫生行政部门规定的其他情况。"),
  // 000_65944b5c5b97f013.txt line 559
  GEN_DOWN_1(Group.GENERAL, Direction.DOWN, false, "常见病、多发病以及慢性病缓解期。"),
  // 000_65944b5c5b97f013.txt line 560
  GEN_DOWN_2(Group.GENERAL, Direction.DOWN, false, "诊断明确的患者，经处理后病情稳定，需要家庭医生团队的长期管理。"),
  // 000_65944b5c5b97f013.txt line 561
  GEN_DOWN_3(Group.GENERAL, Direction.DOWN, false, "各类手术后病情稳定，符合家庭病床或社区康复治疗的条件的。"),
  // 000_65944b5c5b97f013.txt line 562
  GEN_DOWN_4(Group.GENERAL, Direction.DOWN, false, "各种疾病晚期仅需保守、支持、姑息治疗或临终关怀的。"),
  // 000_65944b5c5b97f013.txt line 563
  GEN_DOWN_5(Group.GENERAL, Direction.DOWN, false, "市、县卫生行政部门规定的其它情况。"),
  // 000_65944b5c5b97f013.txt line 148
  HTN_UP_1(Group.HYPERTENSION, Direction.UP, true, "初诊疑似合并高血压危象或靶器官的严重损害。"),
  // 000_65944b5c5b97f013.txt line 149
  HTN_UP_2(Group.HYPERTENSION, Direction.UP, true, "初诊年轻且血压水平达 3 级（收缩压≥180mmhg 和或舒张压≥110mmhg）。"),
  // 000_65944b5c5b97f013.txt line 150
  HTN_UP_3(Group.HYPERTENSION, Direction.UP, false, "初诊疑为继发性高血压的患者。"),
  // 000_65944b5c5b97f013.txt line 151
  HTN_UP_4(Group.HYPERTENSION, Direction.UP, false, "妊娠和哺乳期妇女。"),
  // 000_65944b5c5b97f013.txt line 152
  HTN_UP_5(Group.HYPERTENSION, Direction.UP, false, "疑有白大衣高血压存在，需明确诊断者。"),
  // 000_65944b5c5b97f013.txt line 153
  HTN_UP_6(Group.HYPERTENSION, Direction.UP, false, "患者服降压药后出现不能解释或难以处理的不良反应或 合并症。"),
  // 000_65944b5c5b97f013.txt line 154
  HTN_UP_7(Group.HYPERTENSION, Direction.UP, false, "其他难以处理需到上级医院进一步诊治的。"),
  // 000_65944b5c5b97f013.txt line 156
  HTN_DOWN_1(Group.HYPERTENSION, Direction.DOWN, false, "高血压诊断明确（参照《国家基层高血压防治指南（2017）》诊断标准）。"),
  // 000_65944b5c5b97f013.txt line 157
  HTN_DOWN_2(
      Group.HYPERTENSION,
      Direction.DOWN,
      false,
      "血压控制达标并稳定，监测血压值控制140/90mmHg，65 岁及以上控制在150/90mmHg以下。"),
  // 000_65944b5c5b97f013.txt line 158
  HTN_DOWN_3(Group.HYPERTENSION, Direction.DOWN, false, "治疗方案已确定。"),
  // 000_65944b5c5b97f013.txt line 159
  HTN_DOWN_4(Group.HYPERTENSION, Direction.DOWN, false, "血压及伴随临床疾患已控制。"),
  // 000_65944b5c5b97f013.txt line 160
  HTN_DOWN_5(Group.HYPERTENSION, Direction.DOWN, false, "患者或家属要求转至下级医院。"),
  // 000_65944b5c5b97f013.txt line 212
  DM_UP_1(Group.DIABETES, Direction.UP, true, "意识障碍、深大呼吸、呼出气有烂苹果味，考虑：酮症酸 中毒；"),
  // 000_65944b5c5b97f013.txt line 213
  DM_UP_2(Group.DIABETES, Direction.UP, true, "意识障碍、脱水、低血压，考虑糖：尿病非酮症酸中毒高渗性综合征；"),
  // 000_65944b5c5b97f013.txt line 214
  DM_UP_3(Group.DIABETES, Direction.UP, true, "有意识障碍、饥饿感、四肢湿冷、心率增快、低血压，考虑：低血糖症，经处理无效；"),
  // 000_65944b5c5b97f013.txt line 215
  DM_UP_4(
      Group.DIABETES,
      Direction.UP,
      false,
      "合并严重急慢性并发症，血糖控制差、血糖波动大，空腹大于13.9mmol/L 及/或餐后血糖大于 16.7mmol/L，使用 2-3 种口服药至最大剂量，血糖仍不能控制达标者，在降糖药调整过程中反复出现低血糖等；"),
  // 000_65944b5c5b97f013.txt line 216
  DM_UP_5(
      Group.DIABETES,
      Direction.UP,
      false,
      "初次出现的靶器官损害，如：心血管病变引起的冠心病（心肌梗塞）、缺血性或出血性脑血管病，糖尿病性肾损害以及糖尿病足、糖尿病性周围神经病；糖尿病性视网膜病等并发症；"),
  // 000_65944b5c5b97f013.txt line 217
  DM_UP_6(Group.DIABETES, Direction.UP, false, "妊娠和哺乳期妇女血糖异常者；"),
  // 000_65944b5c5b97f013.txt line 218
  DM_UP_7(Group.DIABETES, Direction.UP, false, "患者服降糖药后出现不能解释或处理的不良反应；"),
  // 000_65944b5c5b97f013.txt line 219
  DM_UP_8(Group.DIABETES, Direction.UP, true, "糖尿病急性并发症：随机血糖≥16.7mmol 伴或不伴意识障碍；"),
  // 000_65944b5c5b97f013.txt line 220
  DM_UP_9(Group.DIABETES, Direction.UP, false, "血糖、血压和/或血脂不达标者；"),
  // 000_65944b5c5b97f013.txt line 221
  DM_UP_10(Group.DIABETES, Direction.UP, false, "有严重并发症当地无法有效治疗者（如糖尿病足控制差的病人）。"),
  // 000_65944b5c5b97f013.txt line 223
  DM_DOWN_1(Group.DIABETES, Direction.DOWN, false, "诊断明确、治疗方案明确；"),
  // 000_65944b5c5b97f013.txt line 224
  DM_DOWN_2(Group.DIABETES, Direction.DOWN, false, "糖尿病急性并发症经治疗后病情稳定；"),
  // 000_65944b5c5b97f013.txt line 225
  DM_DOWN_3(Group.DIABETES, Direction.DOWN, false, "糖尿病慢性并发症已确诊，有治疗方案及疗效评估；"),
  // 000_65944b5c5b97f013.txt line 226
  DM_DOWN_4(Group.DIABETES, Direction.DOWN, false, "血糖、血压、血脂及伴随临床情况控制稳定。");

  /** The checklist an indication belongs to. */
  public enum Group {
    GENERAL("通用指征"),
    HYPERTENSION("高血压"),
    DIABETES("2型糖尿病");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Group group;
  private final Direction direction;
  private final boolean emergency;
  private final String text;

  Indication(Group group, Direction direction, boolean emergency, String text) {
    this.group = group;
    this.direction = direction;
    this.emergency = emergency;
    this.text = text;
  }

  public Group group() {
    return group;
  }

  public Direction direction() {
    return direction;
  }

  public boolean emergency() {
    return emergency;
  }

  public String text() {
    return text;
  }

  public String code() {
    return name();
  }

  public static Optional<Indication> byCode(String code) {
    return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
  }

  public static List<Indication> of(Direction direction, Group group) {
    return Arrays.stream(values())
        .filter(i -> i.direction == direction && i.group == group)
        .toList();
  }
}
