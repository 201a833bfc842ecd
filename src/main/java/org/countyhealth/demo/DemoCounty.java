package org.countyhealth.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Accounts.NewAccount;
import org.countyhealth.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the synthetic county through the modules' own facades, so that every validation
 * applies. Deterministic for a given seed and size; does nothing when the county exists.
 */
@Component
class DemoCounty {

  private final OrganizationRegistry registry;
  private final Facilities facilities;
  private final Accounts accounts;
  private final DemoProperties properties;

  DemoCounty(
      OrganizationRegistry registry,
      Facilities facilities,
      Accounts accounts,
      DemoProperties properties) {
    this.registry = registry;
    this.facilities = facilities;
    this.accounts = accounts;
    this.properties = properties;
  }

  boolean exists() {
    return facilities.counts(org.countyhealth.shared.DataScope.consortium()).facilities() > 0;
  }

  /** What was built: the demo accounts, and the facilities and staff later steps populate. */
  record Built(List<DemoAccount> accounts, DemoFacilities county, DemoStaffing staffing) {}

  /** Builds the county's organization and accounts in one transaction. */
  @Transactional
  Built generate(Random random) {
    return SystemAuthentication.call(
        () -> {
          ChineseNames names = new ChineseNames(random);
          DemoFacilities county = new DemoFacilities(registry, names, random);
          county.build(properties.townships(), properties.villagesPerTownship());
          DemoStaffing staffing = new DemoStaffing(registry, names, random);
          staffing.build(county);
          return new Built(accounts(county, staffing), county, staffing);
        });
  }

  private List<DemoAccount> accounts(DemoFacilities county, DemoStaffing staffing) {
    List<Long> specialists = staffing.specialistsByHospital.get(county.lead);
    String township = county.townships.get(0);
    List<String> villages = county.villagesByTownship.get(0);
    List<DemoAccount> created = new ArrayList<>();
    int nextSpecialist = 0;
    for (DemoAccounts.Spec spec : DemoAccounts.SPECS) {
      String facility =
          switch (spec.post()) {
            case LEAD_HOSPITAL -> county.lead;
            case FIRST_TOWNSHIP -> township;
            case FIRST_VILLAGE -> villages.get(0);
            case SECOND_VILLAGE -> villages.get(Math.min(1, villages.size() - 1));
          };
      long staff =
          switch (spec.post()) {
            case LEAD_HOSPITAL ->
                spec.role() == Role.SYSTEM_ADMIN
                    ? staffing.administratorByFacility.get(county.lead)
                    : specialists.get(nextSpecialist++);
            case FIRST_TOWNSHIP -> staffing.gpsByTownship.get(township).get(0);
            case FIRST_VILLAGE, SECOND_VILLAGE -> staffing.villageDoctorByClinic.get(facility);
          };
      accounts.create(
          new NewAccount(
              spec.username(),
              properties.password(),
              staff,
              Set.of(spec.role()),
              spec.scope(),
              true));
      String facilityName = facilities.find(facility).map(f -> f.name()).orElse(facility);
      created.add(new DemoAccount(spec.username(), spec.role(), spec.scope(), facilityName));
    }
    return created;
  }
}
