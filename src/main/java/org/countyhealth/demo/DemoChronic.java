package org.countyhealth.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.chronic.Symptom;
import org.countyhealth.chronic.VisitMode;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;

/**
 * Chronic-care demo data through the chronic facade: realistic prevalence among residents of 35 and
 * more (hypertension ~25 % rising with age, diabetes ~9 %), a year of quarterly follow-ups that
 * pass through every rule path (controlled, first uncontrolled, referral, emergency, adverse
 * reaction), screening readings, and some lost, died and refused patients. Self-contained: the lead
 * wires it into the demo startup with the residents it created.
 */
public final class DemoChronic {

  /** What the generator needs to know of a resident. */
  public record Person(
      long id, LocalDate birthDate, String clinicCode, String townshipCode, Long doctorId) {}

  /** Counts of what was generated. */
  public record Summary(int screened, int hypertension, int diabetes, int followUps) {}

  private final ChronicCare care;

  public DemoChronic(ChronicCare care) {
    this.care = care;
  }

  static Actor system() {
    return new Actor(
        0L,
        "demo",
        "演示数据",
        null,
        "DEMO",
        Set.of("SYSTEM"),
        Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "REFERRAL_CREATE"),
        DataScope.consortium());
  }

  public Summary generate(Random random, List<Person> people, LocalDate today) {
    int screened = 0;
    int htn = 0;
    int dm = 0;
    int visits = 0;
    for (Person p : people) {
      int age = Period.between(p.birthDate(), today).getYears();
      if (age < 35) {
        continue;
      }
      Actor village = actorAt(p.clinicCode(), p.doctorId());
      double htnRisk = age >= 65 ? 0.45 : age >= 55 ? 0.30 : 0.15;
      boolean hasHtn = random.nextDouble() < htnRisk;
      boolean hasDm = random.nextDouble() < (age >= 60 ? 0.14 : 0.06);
      if (!hasHtn && random.nextDouble() < 0.5) {
        int s = 110 + random.nextInt(35);
        care.screen(
            village,
            new ScreeningRequest(
                p.id(),
                today.minusDays(random.nextInt(300)),
                s,
                s - 40 - random.nextInt(10),
                true));
        screened++;
      }
      if (hasHtn) {
        visits += programme(random, p, Disease.HYPERTENSION, age, today);
        htn++;
      }
      if (hasDm) {
        visits += programme(random, p, Disease.DIABETES, age, today);
        dm++;
      }
    }
    return new Summary(screened, htn, dm, visits);
  }

  private static Actor actorAt(String facility, Long staff) {
    Actor s = system();
    return new Actor(
        s.accountId(),
        s.username(),
        s.displayName(),
        staff,
        facility,
        s.roles(),
        s.privileges(),
        s.scope());
  }

  /** Enrols and follows up for up to a year; answers the number of follow-ups. */
  private int programme(Random random, Person p, Disease disease, int age, LocalDate today) {
    Actor doctor = actorAt(p.clinicCode(), p.doctorId());
    LocalDate enrolled = today.minusDays(120 + random.nextInt(900));
    long id =
        care.enrol(
            doctor,
            new EnrolmentRequest(
                p.id(), disease, enrolled, p.townshipCode(), p.clinicCode(), p.doctorId()));
    double fate = random.nextDouble();
    if (fate < 0.03) {
      care.changeStatus(doctor, id, "DIED", "死亡（演示）");
      return 0;
    }
    if (fate < 0.05) {
      care.changeStatus(doctor, id, "REFUSED", "拒绝随访（演示）");
      return 0;
    }
    boolean lost = fate < 0.12; // no visit in the last 12 months
    LocalDate visit =
        enrolled.isBefore(today.minusYears(1)) ? today.minusYears(1) : enrolled.plusDays(7);
    if (lost) {
      return 0;
    }
    double control = 0.55 + random.nextDouble() * 0.3; // patient's chance of a controlled visit
    int n = 0;
    while (!visit.isAfter(today)) {
      boolean controlled = random.nextDouble() < control;
      boolean emergency = random.nextDouble() < 0.01;
      int s = controlled ? 118 + random.nextInt(20) : 142 + random.nextInt(30);
      int d = controlled ? 70 + random.nextInt(18) : 88 + random.nextInt(12);
      BigDecimal glucose = null;
      Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
      if (disease == Disease.DIABETES) {
        glucose =
            BigDecimal.valueOf(controlled ? 50 + random.nextInt(19) : 70 + random.nextInt(60), 1);
        if (emergency) {
          glucose = new BigDecimal("17.5");
        }
      } else if (emergency) {
        s = 182 + random.nextInt(15);
        d = 100 + random.nextInt(15);
      }
      // Every other diabetes visit brings a laboratory HbA1c in line with the glucose (ADAG:
      // mean glucose mmol/L = 1.59 × HbA1c − 2.59); derived, so the random sequence is unchanged.
      BigDecimal hba1c =
          glucose != null && n % 2 == 1
              ? glucose
                  .add(new BigDecimal("2.59"))
                  .divide(new BigDecimal("1.59"), 1, java.math.RoundingMode.HALF_UP)
              : null;
      Adverse adverse = random.nextDouble() < 0.03 ? Adverse.PRESENT : Adverse.NONE;
      Adherence adherence = random.nextDouble() < 0.9 ? Adherence.REGULAR : Adherence.INTERMITTENT;
      VisitMode mode = random.nextDouble() < 0.8 ? VisitMode.CLINIC : VisitMode.HOME;
      var out =
          care.recordFollowUp(
              doctor,
              new FollowUpRequest(
                  id,
                  visit,
                  mode,
                  symptoms,
                  null,
                  random.nextDouble() < 0.1 ? Discomfort.MILD : Discomfort.NONE,
                  s,
                  d,
                  BigDecimal.valueOf(550 + random.nextInt(300), 1),
                  BigDecimal.valueOf(1550 + random.nextInt(250), 1),
                  60 + random.nextInt(30),
                  null,
                  glucose,
                  disease == Disease.DIABETES ? "触及正常" : null,
                  random.nextInt(3) == 0 ? 10 : 0,
                  0,
                  3,
                  30,
                  disease == Disease.HYPERTENSION ? "MEDIUM" : null,
                  disease == Disease.DIABETES ? 300 : null,
                  adherence,
                  adverse,
                  random.nextDouble() < 0.01,
                  false,
                  "按医嘱服药",
                  n % 2 == 0,
                  hba1c,
                  hba1c == null ? null : visit.minusDays(3)));
      n++;
      visit = out.nextVisitOn().plusDays(random.nextInt(10) - 3);
    }
    return n;
  }
}
