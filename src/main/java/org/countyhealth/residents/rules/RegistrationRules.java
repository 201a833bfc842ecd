package org.countyhealth.residents.rules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.IdCardNumber;

/**
 * What a registration must satisfy before matching: the identity card valid (GB 11643) and
 * consistent with the record's birth date and sex, no future birth date, identifiers well formed.
 * Every refusal has a stable code, a Chinese message and the form field it concerns.
 */
public final class RegistrationRules {

  private static final Set<String> SEX_CODES = Set.of("0", "1", "2", "9");
  private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

  private RegistrationRules() {}

  /** Checks the request; answers its validated identity card, or null when it carries none. */
  public static IdCardNumber validate(RegistrationRequest r, LocalDate today) {
    if (r.name() == null || NamePinyin.normalise(r.name()).isEmpty()) {
      throw new BusinessException("RESIDENT_NAME_REQUIRED", "请填写姓名", "name");
    }
    if (r.name().strip().length() > 40) {
      throw new BusinessException("RESIDENT_NAME_TOO_LONG", "姓名不能超过40个字", "name");
    }
    if (r.sex() == null || !SEX_CODES.contains(r.sex())) {
      throw new BusinessException("RESIDENT_SEX_INVALID", "请选择性别", "sex");
    }
    if (r.birthDate() == null) {
      throw new BusinessException("RESIDENT_BIRTH_DATE_REQUIRED", "请填写出生日期", "birthDate");
    }
    if (r.birthDate().isAfter(today)) {
      throw new BusinessException("RESIDENT_BIRTH_DATE_FUTURE", "出生日期不能晚于今天", "birthDate");
    }
    if (r.birthDate().isBefore(EARLIEST)) {
      throw new BusinessException("RESIDENT_BIRTH_DATE_TOO_EARLY", "出生日期不能早于1880年", "birthDate");
    }
    if (r.phone() != null
        && !r.phone().isBlank()
        && !r.phone().strip().matches("\\+?[0-9 \\-]{7,20}")) {
      throw new BusinessException("RESIDENT_PHONE_INVALID", "联系电话格式不正确", "phone");
    }
    if (r.facilityCode() == null || r.facilityCode().isBlank()) {
      throw new BusinessException("RESIDENT_FACILITY_REQUIRED", "缺少登记机构", "facilityCode");
    }
    if (r.address() != null && r.address().length() > 200) {
      throw new BusinessException("RESIDENT_ADDRESS_TOO_LONG", "地址不能超过200个字", "address");
    }
    IdCardNumber idCard = null;
    Set<String> seen = new HashSet<>();
    for (IdentifierValue id : r.identifiers()) {
      if (id.type() == null || id.value().isEmpty() || id.value().length() > 64) {
        throw new BusinessException("IDENTIFIER_VALUE_INVALID", "证件号码不能为空且不超过64位", "identifiers");
      }
      if (id.type().needsIssuer() && id.issuer().isEmpty()) {
        throw new BusinessException(
            "IDENTIFIER_ISSUER_REQUIRED", id.type().label() + "须注明发放机构", "identifiers");
      }
      if (!seen.add(id.type() + "|" + id.issuer() + "|" + id.value())) {
        throw new BusinessException(
            "IDENTIFIER_REPEATED", id.type().label() + "重复填写", "identifiers");
      }
      if (id.type() == IdentifierType.ID_CARD) {
        if (idCard != null) {
          throw new BusinessException("ID_CARD_TWICE", "一位居民只能登记一个身份证号码", "idCard");
        }
        idCard = IdCardNumber.of(id.value());
        checkAgainstRecord(idCard, r);
      }
    }
    return idCard;
  }

  private static void checkAgainstRecord(IdCardNumber idCard, RegistrationRequest r) {
    if (!idCard.birthDate().equals(r.birthDate())) {
      throw new BusinessException(
          "ID_CARD_BIRTH_DATE_MISMATCH",
          "身份证号码中的出生日期（" + idCard.birthDate() + "）与填写的出生日期不一致",
          "birthDate");
    }
    if (("1".equals(r.sex()) || "2".equals(r.sex())) && !idCard.sex().equals(r.sex())) {
      throw new BusinessException(
          "ID_CARD_SEX_MISMATCH",
          "身份证号码显示性别为" + ("1".equals(idCard.sex()) ? "男" : "女") + "，与填写的性别不一致",
          "sex");
    }
  }
}
