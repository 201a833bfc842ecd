package org.countyhealth.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.shared.IdCardNumber;

/**
 * Residents of the synthetic county, registered through the master index in batches: Hakka
 * surnames, the age pyramid of a rural county (many children and elderly, few young adults who work
 * away), valid identity numbers of 紫金县 (441621), addresses by village, and about 3 % injected
 * duplicates with the typical errors of a second registration elsewhere. The ground truth of the
 * duplicates is kept in the {@link Result} so that matching quality can be measured.
 */
final class DemoResidents {

  /** The clerical error a duplicate carries. */
  enum Error {
    HOMOPHONE,
    MISTYPED_CHARACTER,
    DAY_MONTH_SWAPPED,
    MISSING_ID_CARD,
    CHANGED_PHONE
  }

  /** A duplicate: record {@code duplicate} is the same person as record {@code original}. */
  record Truth(int original, int duplicate, Error error) {}

  /** Resident id and decision of every generated record (by position), and the ground truth. */
  record Result(
      long[] residentIds,
      MatchOutcome[] outcomes,
      Long[] candidates,
      List<Truth> truth,
      List<String> idCards) {

    /** Links (EXACT or LINK) of a duplicate to its original's resident: true positives. */
    long truePositives() {
      return truth.stream()
          .filter(t -> residentIds[t.duplicate()] == residentIds[t.original()])
          .count();
    }

    /** Every automatic link not explained by the ground truth. */
    long falsePositives() {
      Map<Integer, Integer> originalOf = new HashMap<>();
      truth.forEach(t -> originalOf.put(t.duplicate(), t.original()));
      long fp = 0;
      for (int i = 0; i < outcomes.length; i++) {
        boolean linked = outcomes[i] == MatchOutcome.LINK || outcomes[i] == MatchOutcome.EXACT;
        Integer original = originalOf.get(i);
        if (linked && (original == null || residentIds[original] != residentIds[i])) {
          fp++;
        }
      }
      return fp;
    }

    double precision() {
      long tp = truePositives();
      return tp == 0 ? 0 : (double) tp / (tp + falsePositives());
    }

    double recall() {
      return truth.isEmpty() ? 1 : (double) truePositives() / truth.size();
    }

    /** Duplicates linked, or queued for review against their original. */
    double recallWithReview() {
      long found =
          truth.stream()
              .filter(
                  t ->
                      residentIds[t.duplicate()] == residentIds[t.original()]
                          || (outcomes[t.duplicate()] == MatchOutcome.REVIEW
                              && Long.valueOf(residentIds[t.original()])
                                  .equals(candidates[t.duplicate()])))
              .count();
      return truth.isEmpty() ? 1 : (double) found / truth.size();
    }

    /** The ground truth as CSV: original and duplicate resident ids, error, decision. */
    void writeTruth(Path file) {
      List<String> lines = new ArrayList<>();
      lines.add("original_resident_id,duplicate_record_resident_id,error,decision");
      for (Truth t : truth) {
        lines.add(
            residentIds[t.original()]
                + ","
                + residentIds[t.duplicate()]
                + ","
                + t.error()
                + ","
                + outcomes[t.duplicate()]);
      }
      try {
        Files.write(file, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final String[] SURNAMES =
      "黄 陈 李 刘 张 钟 叶 曾 罗 邱 温 赖 林 吴 谢 朱 古 彭 廖 杨 何 邓 徐 余 王 周 丘 蓝 巫 卢 江 郑 胡 萧 潘 严 蔡 魏 戴 官".split(" ");
  private static final String[] GIVEN =
      ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 建 文 辉 荣 海 燕 志 国 清 梅 凤 林 春"
              + " 金 德 永 新 宇 思 雨 晨 嘉 福 贵 发 财 佳 俊 浩 婷 雪 琴 珍 莲 容 兴 昌 生 标 彬 锋 振 坤 添 娣 妹 招 亮 斌 丰 良 善")
          .split(" ");
  // Same pinyin, different character: the commonest confusion when a name is heard, not read.
  private static final Map<String, String> HOMOPHONES =
      Map.ofEntries(
          Map.entry("伟", "卫"),
          Map.entry("芳", "方"),
          Map.entry("丽", "莉"),
          Map.entry("敏", "民"),
          Map.entry("静", "晶"),
          Map.entry("军", "君"),
          Map.entry("洋", "阳"),
          Map.entry("勇", "永"),
          Map.entry("艳", "燕"),
          Map.entry("杰", "洁"),
          Map.entry("涛", "滔"),
          Map.entry("明", "鸣"),
          Map.entry("秀", "绣"),
          Map.entry("平", "萍"),
          Map.entry("刚", "钢"),
          Map.entry("桂", "贵"),
          Map.entry("英", "瑛"),
          Map.entry("玉", "育"),
          Map.entry("兰", "蓝"),
          Map.entry("红", "洪"),
          Map.entry("建", "健"),
          Map.entry("文", "雯"),
          Map.entry("辉", "晖"),
          Map.entry("荣", "容"),
          Map.entry("志", "智"),
          Map.entry("清", "青"),
          Map.entry("林", "琳"),
          Map.entry("金", "今"),
          Map.entry("新", "欣"),
          Map.entry("晨", "辰"),
          Map.entry("嘉", "佳"),
          Map.entry("珍", "贞"),
          Map.entry("生", "声"),
          Map.entry("振", "镇"),
          Map.entry("亮", "谅"),
          Map.entry("良", "粮"));
  // Similar shape, different sound: a mistyped or misread character.
  private static final Map<String, String> LOOKALIKES =
      Map.ofEntries(
          Map.entry("明", "朋"),
          Map.entry("国", "图"),
          Map.entry("华", "毕"),
          Map.entry("秀", "季"),
          Map.entry("英", "央"),
          Map.entry("玉", "王"),
          Map.entry("春", "眷"),
          Map.entry("金", "全"),
          Map.entry("清", "情"),
          Map.entry("林", "材"),
          Map.entry("红", "江"),
          Map.entry("海", "悔"),
          Map.entry("文", "丈"),
          Map.entry("荣", "菜"),
          Map.entry("平", "乎"),
          Map.entry("梅", "海"),
          Map.entry("凤", "风"),
          Map.entry("德", "穗"),
          Map.entry("贵", "费"),
          Map.entry("福", "富"));
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
  private static final double DUPLICATE_SHARE = 0.03;
  private static final int BATCH = 1000;
  private static final int WINDOW = 50_000;

  private final ResidentRegistry registry;
  private final LocalDate today;

  DemoResidents(ResidentRegistry registry, LocalDate today) {
    this.registry = registry;
    this.today = today;
  }

  /** Registers {@code count} records (about 3 % of them duplicates) in batches of 1,000. */
  Result generate(
      Random random,
      List<String> villageClinicCodes,
      Map<String, String> townshipOfClinic,
      int count) {
    return generate(random, villageClinicCodes, townshipOfClinic, count, registered -> {});
  }

  /** As above, telling {@code afterBatch} how many records are registered after each batch. */
  Result generate(
      Random random,
      List<String> villageClinicCodes,
      Map<String, String> townshipOfClinic,
      int count,
      java.util.function.IntConsumer afterBatch) {
    long[] ids = new long[count];
    MatchOutcome[] outcomes = new MatchOutcome[count];
    Long[] candidates = new Long[count];
    List<Truth> truth = new ArrayList<>();
    List<String> sampleIds = new ArrayList<>();
    Map<LocalDate, int[]> sequences = new HashMap<>();
    // Sequences start at a random offset so that two generated populations rarely share a number.
    int offset = random.nextInt(250);
    Map<String, String> villageOfClinic = new HashMap<>();
    RegistrationRequest[] window = new RegistrationRequest[WINDOW];
    List<RegistrationRequest> batch = new ArrayList<>(BATCH);
    IntList originalsIndex = new IntList();
    int originals = 0;
    int start = 0;
    for (int i = 0; i < count; i++) {
      RegistrationRequest request;
      if (originals > 100 && random.nextDouble() < DUPLICATE_SHARE) {
        int from = Math.max(0, originals - WINDOW);
        int pick = from + random.nextInt(originals - from);
        Error error = Error.values()[random.nextInt(Error.values().length)];
        Duplicate d = duplicate(random, window[pick % WINDOW], error, townshipOfClinic);
        request = d.request();
        truth.add(new Truth(originalsIndex.get(pick), i, d.error()));
      } else {
        String clinic = villageClinicCodes.get(random.nextInt(villageClinicCodes.size()));
        String village = villageOfClinic.computeIfAbsent(clinic, c -> villageName(c));
        request = person(random, clinic, townshipOfClinic.get(clinic), village, sequences, offset);
        window[originals % WINDOW] = request;
        originalsIndex.add(i);
        originals++;
        if (sampleIds.size() < 2000 && random.nextInt(50) == 0) {
          request.identifiers().stream()
              .filter(v -> v.type() == IdentifierType.ID_CARD)
              .forEach(v -> sampleIds.add(v.value()));
        }
      }
      batch.add(request);
      if (batch.size() == BATCH || i == count - 1) {
        List<RegistrationOutcome> done = registry.registerAll(batch);
        for (int k = 0; k < done.size(); k++) {
          ids[start + k] = done.get(k).residentId();
          outcomes[start + k] = done.get(k).outcome();
          candidates[start + k] = done.get(k).candidateId();
        }
        start += done.size();
        batch.clear();
        afterBatch.accept(start);
      }
    }
    return new Result(ids, outcomes, candidates, truth, sampleIds);
  }

  private record Duplicate(RegistrationRequest request, Error error) {}

  private RegistrationRequest person(
      Random random,
      String clinic,
      String township,
      String village,
      Map<LocalDate, int[]> sequences,
      int offset) {
    String sex = random.nextBoolean() ? "1" : "2";
    LocalDate birth = birthDate(random);
    String name = SURNAMES[skewed(random, SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    if (random.nextInt(3) > 0) {
      name += GIVEN[random.nextInt(GIVEN.length)];
    }
    int age = birth.until(today).getYears();
    String phone = age < 14 && random.nextBoolean() ? null : phone(random);
    List<IdentifierValue> ids = new ArrayList<>();
    if (random.nextDouble() < (age < 16 ? 0.6 : 0.92)) {
      ids.add(IdentifierValue.of(IdentifierType.ID_CARD, idCard(birth, sex, sequences, offset)));
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

  /** The same person registered again at the township centre, with one typical error. */
  private Duplicate duplicate(
      Random random, RegistrationRequest o, Error error, Map<String, String> townshipOfClinic) {
    String name = o.name();
    LocalDate birth = o.birthDate();
    String phone = o.phone();
    Error applied = error;
    if (error == Error.HOMOPHONE || error == Error.MISTYPED_CHARACTER) {
      String replaced = replaceGiven(name, error == Error.HOMOPHONE ? HOMOPHONES : LOOKALIKES);
      if (replaced == null) {
        replaced = name.substring(0, name.length() - 1) + GIVEN[random.nextInt(GIVEN.length)];
        applied = Error.MISTYPED_CHARACTER;
      }
      name = replaced;
    } else if (error == Error.DAY_MONTH_SWAPPED) {
      LocalDate swapped =
          birth.getDayOfMonth() <= 12
              ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue())
              : birth;
      if (!swapped.equals(birth) && !swapped.isAfter(today)) {
        birth = swapped;
      } else {
        applied = Error.MISSING_ID_CARD;
      }
    } else if (error == Error.CHANGED_PHONE) {
      phone = phone(random);
    }
    // The second facility rarely has the identity card at hand; when it does the match is exact.
    List<IdentifierValue> ids = new ArrayList<>();
    boolean keepsIdCard =
        (applied == Error.HOMOPHONE || applied == Error.CHANGED_PHONE) && random.nextInt(10) < 3;
    for (IdentifierValue v : o.identifiers()) {
      if (v.type() == IdentifierType.ID_CARD && keepsIdCard && birth.equals(o.birthDate())) {
        ids.add(v);
      }
    }
    String township = townshipOfClinic.getOrDefault(o.villageClinicCode(), o.facilityCode());
    ids.add(
        new IdentifierValue(
            IdentifierType.MEDICAL_RECORD_NUMBER,
            township,
            "MZ" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)));
    return new Duplicate(
        new RegistrationRequest(
            name,
            o.sex(),
            birth,
            o.ethnicity(),
            phone,
            random.nextInt(10) < 3 ? null : o.address(),
            o.divisionCode(),
            o.village(),
            o.residenceType(),
            o.villageClinicCode(),
            o.townshipCode(),
            null,
            township,
            ids),
        applied);
  }

  private static String replaceGiven(String name, Map<String, String> table) {
    for (int i = name.length() - 1; i >= 1; i--) {
      String c = name.substring(i, i + 1);
      if (table.containsKey(c)) {
        return name.substring(0, i) + table.get(c) + name.substring(i + 1);
      }
    }
    return null;
  }

  private LocalDate birthDate(Random random) {
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
  private static String idCard(
      LocalDate birth, String sex, Map<LocalDate, int[]> sequences, int offset) {
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

  private static String phone(Random random) {
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

  /** A growable int array (record positions of the originals). */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }
  }
}
