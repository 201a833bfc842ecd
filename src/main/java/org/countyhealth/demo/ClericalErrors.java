package org.countyhealth.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.demo.DemoResidents.Error;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;

/**
 * The demo county's duplicates: a resident registered a second time at the township centre, with
 * one of the typical clerical errors of {@link DemoResidents.Error}.
 */
final class ClericalErrors {

  /** The second registration and the error it really carries (some errors cannot be applied). */
  record Duplicate(RegistrationRequest request, Error error) {}

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

  private final Random random;
  private final LocalDate today;
  private final Map<String, String> townshipOfClinic;

  ClericalErrors(Random random, LocalDate today, Map<String, String> townshipOfClinic) {
    this.random = random;
    this.today = today;
    this.townshipOfClinic = townshipOfClinic;
  }

  /** The same person registered again at the township centre, with one typical error. */
  Duplicate duplicate(RegistrationRequest o, Error error) {
    String name = o.name();
    LocalDate birth = o.birthDate();
    String phone = o.phone();
    Error applied = error;
    if (error == Error.HOMOPHONE || error == Error.MISTYPED_CHARACTER) {
      String replaced = replaceGiven(name, error == Error.HOMOPHONE ? HOMOPHONES : LOOKALIKES);
      if (replaced == null) {
        replaced =
            name.substring(0, name.length() - 1)
                + SyntheticResidents.GIVEN[random.nextInt(SyntheticResidents.GIVEN.length)];
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
      phone = SyntheticResidents.phone(random);
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
}
