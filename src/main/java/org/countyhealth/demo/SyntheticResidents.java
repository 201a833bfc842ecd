package org.countyhealth.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.shared.IdCardNumber;

/**
 * The residents of the synthetic county as their village clinic first registers them: Hakka
 * surnames, the age pyramid of a rural county (many children and elderly, few young adults who work
 * away), valid identity numbers of 紫金县 (441621) and addresses by village. One instance per
 * generated population: it keeps the identity numbers' per-day sequences.
 */
final class SyntheticResidents {

  private static final String[] SURNAMES =
      "黄 陈 李 刘 张 钟 叶 曾 罗 邱 温 赖 林 吴 谢 朱 古 彭 廖 杨 何 邓 徐 余 王 周 丘 蓝 巫 卢 江 郑 胡 萧 潘 严 蔡 魏 戴 官".split(" ");
  static final String[] GIVEN =
      ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 建 文 辉 荣 海 燕 志 国 清 梅 凤 林 春"
              + " 金 德 永 新 宇 思 雨 晨 嘉 福 贵 发 财 佳 俊 浩 婷 雪 琴 珍 莲 容 兴 昌 生 标 彬 锋 振 坤 添 娣 妹 招 亮 斌 丰 良 善")
          .split(" ");
  private static final String[] VILLAGE_FIRST =
      "上 下 东 西 南 北 新 石 黄 青 龙 凤 桂 竹 松 高 白 金 和 安 坪 岭 塘 溪".split(" ");
  private static final String[] VILLAGE_SECOND =
      "坑 岭 塘 田 坪 湖 山 溪 岗 围 洞 背 寨 陂 埔 墩 坝 村 社 口".split(" ");
  // Share of the population per five-year age band, 0–4 … 95–99: a rural county whose young
  // adults work in the cities.
  private static final double[] AGE_BANDS = {
    5.5, 6.5, 6.5, 5.5, 4.0, 4.0, 5.0, 5.5, 6.0, 7.5, 8.5, 8.0, 6.5, 6.5, 5.0, 3.5, 2.5, 1.2, 0.5,
    0.2
  };

  private final Random random;
  private final LocalDate today;
  private final int offset;
  private final Map<LocalDate, int[]> sequences = new HashMap<>();
  private final Map<String, String> villageOfClinic = new HashMap<>();

  SyntheticResidents(Random random, LocalDate today, int offset) {
    this.random = random;
    this.today = today;
    this.offset = offset;
  }

  /** A resident of the village clinic's village, registered there. */
  RegistrationRequest person(String clinic, String township) {
    String village = villageOfClinic.computeIfAbsent(clinic, c -> villageName(c));
    String sex = random.nextBoolean() ? "1" : "2";
    LocalDate birth = birthDate();
    String name = SURNAMES[skewed(random, SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    if (random.nextInt(3) > 0) {
      name += GIVEN[random.nextInt(GIVEN.length)];
    }
    int age = birth.until(today).getYears();
    String phone = age < 14 && random.nextBoolean() ? null : phone(random);
    List<IdentifierValue> ids = new ArrayList<>();
    if (random.nextDouble() < (age < 16 ? 0.6 : 0.92)) {
      ids.add(IdentifierValue.of(IdentifierType.ID_CARD, idCard(birth, sex)));
    }
    if (random.nextDouble() < 0.5) {
      ids.add(IdentifierValue.of(IdentifierType.HEALTH_CODE, healthCode(random)));
    }
    String address = "紫金县" + village + (1 + random.nextInt(300)) + "号";
    return new RegistrationRequest(
        name,
        sex,
        birth,
        "01",
        phone,
        address,
        "441621",
        village,
        random.nextInt(10) < 8 ? "PERMANENT" : "HOUSEHOLD",
        clinic,
        township,
        null,
        clinic,
        ids);
  }

  private LocalDate birthDate() {
    double total = 0;
    for (double b : AGE_BANDS) {
      total += b;
    }
    double r = random.nextDouble() * total;
    int band = 0;
    while (band < AGE_BANDS.length - 1 && r >= AGE_BANDS[band]) {
      r -= AGE_BANDS[band++];
    }
    int days = band * 5 * 365 + random.nextInt(5 * 365);
    return today.minusDays(days + 1L);
  }

  /** 441621 + birth date + a per-day sequence whose last digit is odd for men + check. */
  private String idCard(LocalDate birth, String sex) {
    int[] next = sequences.computeIfAbsent(birth, d -> new int[] {offset, offset});
    int male = "1".equals(sex) ? 1 : 0;
    int seq = (next[male]++ % 500) * 2 + male;
    String first17 =
        "441621"
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%03d", seq);
    return first17 + IdCardNumber.checkCharacter(first17);
  }

  static String phone(Random random) {
    String[] prefixes = {
      "135", "137", "138", "139", "150", "152", "159", "182", "187", "188", "134", "136"
    };
    return prefixes[random.nextInt(prefixes.length)]
        + String.format("%08d", random.nextInt(100_000_000));
  }

  private static String healthCode(Random random) {
    return "EHC44" + String.format("%016d", random.nextLong() & 0x1FFFFFFFFFFFFFL);
  }

  private static String villageName(String clinicCode) {
    int h = Math.abs(clinicCode.hashCode());
    return VILLAGE_FIRST[h % VILLAGE_FIRST.length]
        + VILLAGE_SECOND[(h / 31) % VILLAGE_SECOND.length]
        + "村";
  }

  /** A few surnames are very common: the first of the list twice as likely as the last. */
  private static int skewed(Random random, int n) {
    double r = random.nextDouble();
    return (int) (n * r * r * 0.6 + n * r * 0.4) % n;
  }
}
