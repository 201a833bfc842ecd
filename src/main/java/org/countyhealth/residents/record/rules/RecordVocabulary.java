package org.countyhealth.residents.record.rules;

/**
 * The coded answers of the personal basic information form (个人基本信息表) of the 规范（第三版）
 * (000_65944b5c5b97f013.txt line 27). Each carries the Chinese label the form prints.
 */
public final class RecordVocabulary {

  private RecordVocabulary() {}

  /** A coded answer with its label. */
  public interface Labelled {
    String name();

    String label();
  }

  public enum BloodAbo implements Labelled {
    A("A型"),
    B("B型"),
    O("O型"),
    AB("AB型"),
    UNKNOWN("不详");
    private final String label;

    BloodAbo(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum BloodRh implements Labelled {
    NEGATIVE("Rh阴性"),
    POSITIVE("Rh阳性"),
    UNKNOWN("不详");
    private final String label;

    BloodRh(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Smoking implements Labelled {
    NEVER("从不吸烟"),
    FORMER("已戒烟"),
    CURRENT("吸烟");
    private final String label;

    Smoking(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Drinking implements Labelled {
    NEVER("从不"),
    OCCASIONAL("偶尔"),
    OFTEN("经常"),
    DAILY("每天");
    private final String label;

    Drinking(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Exercise implements Labelled {
    DAILY("每天"),
    WEEKLY("每周一次以上"),
    OCCASIONAL("偶尔"),
    NEVER("不锻炼");
    private final String label;

    Exercise(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 既往史: 疾病、手术、外伤、输血. */
  public enum HistoryKind implements Labelled {
    ILLNESS("疾病"),
    SURGERY("手术"),
    TRAUMA("外伤"),
    TRANSFUSION("输血");
    private final String label;

    HistoryKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** 家族史 rows of the form. */
  public enum Relation implements Labelled {
    FATHER("父亲"),
    MOTHER("母亲"),
    SIBLINGS("兄弟姐妹"),
    CHILDREN("子女");
    private final String label;

    Relation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The disease list of the family-history section; OTHER needs a text. */
  public enum FamilyDisease implements Labelled {
    HYPERTENSION("高血压"),
    DIABETES("糖尿病"),
    CORONARY_HEART_DISEASE("冠心病"),
    COPD("慢性阻塞性肺疾病"),
    MALIGNANT_TUMOUR("恶性肿瘤"),
    STROKE("脑卒中"),
    SEVERE_MENTAL_ILLNESS("严重精神障碍"),
    TUBERCULOSIS("结核病"),
    HEPATITIS("肝炎"),
    CONGENITAL_MALFORMATION("先天畸形"),
    OTHER("其他");
    private final String label;

    FamilyDisease(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
