package org.countyhealth.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.referral.domain.ReferralDesk;
import org.countyhealth.referral.domain.ResourcePool;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.Residents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The county's residents (with injected duplicates), their family-doctor contracts and check-ups,
 * the chronic programme (screening, registries, a year of follow-ups) and a year of referrals,
 * registered in batches through the residents facades after the organization exists.
 */
@Component
class DemoPopulation {

  private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

  private final ResidentRegistry residents;
  private final Contracts contracts;
  private final HealthRecords records;
  private final Residents directory;
  private final ChronicCare care;
  private final ReferralDesk desk;
  private final ResourcePool pool;
  private final Clock clock;

  DemoPopulation(
      ResidentRegistry residents,
      Contracts contracts,
      HealthRecords records,
      Residents directory,
      ChronicCare care,
      ReferralDesk desk,
      ResourcePool pool,
      Clock clock) {
    this.desk = desk;
    this.pool = pool;
    this.residents = residents;
    this.directory = directory;
    this.care = care;
    this.contracts = contracts;
    this.records = records;
    this.clock = clock;
  }

  /** Residents as the chronic generator needs them; the clinic's village doctor follows them up. */
  private List<DemoChronic.Person> persons(List<Long> ids, DemoStaffing staffing) {
    return ids.stream()
        .map(directory::find)
        .flatMap(java.util.Optional::stream)
        .map(
            r ->
                new DemoChronic.Person(
                    r.id(),
                    r.birthDate(),
                    r.villageClinicCode(),
                    r.townshipCode(),
                    r.familyDoctorId() != null
                        ? r.familyDoctorId()
                        : staffing.villageDoctorByClinic.get(r.villageClinicCode())))
        .toList();
  }

  void populate(DemoCounty.Built built, int count, Random random) {
    if (count == 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    List<String> clinics = new ArrayList<>();
    Map<String, String> townshipOfClinic = new LinkedHashMap<>();
    for (int t = 0; t < built.county().townships.size(); t++) {
      for (String clinic : built.county().villagesByTownship.get(t)) {
        clinics.add(clinic);
        townshipOfClinic.put(clinic, built.county().townships.get(t));
      }
    }
    SystemAuthentication.call(
        () -> {
          DemoResidents.Result result =
              new DemoResidents(residents, today)
                  .generate(
                      random,
                      clinics,
                      townshipOfClinic,
                      count,
                      done -> {
                        if (done % 10_000 == 0) {
                          log.info("Demo residents registered: {} / {}", done, count);
                        }
                      });
          List<Long> people = Arrays.stream(result.residentIds()).distinct().boxed().toList();
          int signed =
              new DemoContracts(contracts, records)
                  .create(people, built.staffing().teams, random, today);
          DemoChronic.Summary chronic =
              new DemoChronic(care).generate(random, persons(people, built.staffing()), today);
          int referrals =
              new DemoReferrals(desk, pool)
                  .createYear(
                      random,
                      people,
                      built.county().townships,
                      built.county().countyHospitals,
                      built.county().externalTertiary,
                      today,
                      Math.max(1, people.size() / 20_000));
          log.info(
              "Demo residents: {} records, {} contracts, {} hypertension, {} diabetes,"
                  + " {} follow-ups, {} referrals",
              people.size(),
              signed,
              chronic.hypertension(),
              chronic.diabetes(),
              chronic.followUps(),
              referrals);
          return signed;
        });
  }
}
