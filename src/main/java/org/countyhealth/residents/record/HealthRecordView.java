package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.residents.record.rules.RecordVocabulary;

/** A health record as the page and the API show it, with its entries and correction history. */
public record HealthRecordView(
    long id,
    long residentId,
    String recordNumber,
    String facilityCode,
    Long doctorId,
    String doctorName,
    LocalDate establishedOn,
    RecordInput info,
    String status,
    String voidReason,
    int version,
    List<Entry> medicalHistory,
    List<Entry> familyHistory,
    List<Change> changes) {

  public boolean voided() {
    return "VOIDED".equals(status);
  }

  public String bloodLabel() {
    return RecordVocabulary.BloodAbo.valueOf(info.bloodAbo()).label()
        + " / "
        + RecordVocabulary.BloodRh.valueOf(info.bloodRh()).label();
  }

  public String lifestyleLabel() {
    return "吸烟："
        + RecordVocabulary.Smoking.valueOf(info.smoking()).label()
        + "；饮酒："
        + RecordVocabulary.Drinking.valueOf(info.drinking()).label()
        + "；锻炼："
        + RecordVocabulary.Exercise.valueOf(info.exercise()).label();
  }

  /**
   * A past illness, surgery, trauma, transfusion (kind, name, date) or a family-history line
   * (relation as kind, disease as name, no date).
   */
  public record Entry(
      long id,
      String kind,
      String kindLabel,
      String name,
      String nameLabel,
      LocalDate date,
      String status,
      String voidReason) {

    public boolean voided() {
      return "VOIDED".equals(status);
    }
  }
}
