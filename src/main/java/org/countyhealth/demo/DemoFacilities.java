package org.countyhealth.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.LicenceCodes;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.OrganizationRegistry.NewFacility;

/**
 * The facilities of the synthetic 紫金县 consortium: lead hospital, county TCM and second county
 * hospital, township centres in grids of 3–4 (000_65944b5c5b97f013.txt lines 681–682), village
 * clinics, and partners outside.
 */
final class DemoFacilities {

  static final String COUNTY = "441621";
  static final String[] TOWNS = {
    "紫城", "龙窝", "九和", "上义", "蓝塘", "凤安", "义容", "古竹", "临江", "柏埔", "黄塘", "敬梓", "水墩", "南岭", "苏区", "瓦溪",
    "好义", "中坝"
  };

  private final OrganizationRegistry registry;
  private final ChineseNames names;
  private final Random random;
  private int sequence;

  final List<String> countyHospitals = new ArrayList<>();
  final List<String> townships = new ArrayList<>();
  final List<List<String>> villagesByTownship = new ArrayList<>();
  String lead;
  String externalTertiary;

  DemoFacilities(OrganizationRegistry registry, ChineseNames names, Random random) {
    this.registry = registry;
    this.names = names;
    this.random = random;
  }

  void build(int townshipCount, int villagesPerTownship) {
    long consortium = registry.createConsortium("紫金县县域医共体", COUNTY);
    lead = facility("紫金县人民医院（医共体总医院）", FacilityType.LEAD_HOSPITAL, null, COUNTY, null, "A100");
    countyHospitals.add(lead);
    countyHospitals.add(
        facility("紫金县中医院", FacilityType.COUNTY_TCM_HOSPITAL, lead, COUNTY, null, "A210"));
    countyHospitals.add(
        facility("紫金县第二人民医院", FacilityType.COUNTY_GENERAL_HOSPITAL, lead, COUNTY, null, "A100"));
    Long grid = null;
    for (int t = 0; t < townshipCount; t++) {
      if (t == 0 || gridOf(t, townshipCount) != gridOf(t - 1, townshipCount)) {
        grid = registry.createGrid(consortium, "第" + (gridOf(t, townshipCount) + 1) + "片区");
      }
      String division = COUNTY + (100 + t);
      String township =
          facility(
              TOWNS[t] + "镇卫生院", FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, division, grid, "C200");
      townships.add(township);
      List<String> villages = new ArrayList<>();
      int count = Math.max(1, villagesPerTownship + random.nextInt(5) - 2);
      for (int v = 0; v < count; v++) {
        villages.add(
            facility(
                TOWNS[t] + "镇" + names.village() + "村卫生站",
                FacilityType.VILLAGE_CLINIC,
                township,
                division,
                null,
                "D600"));
      }
      villagesByTownship.add(villages);
    }
    externalTertiary =
        facility("河源市人民医院", FacilityType.EXTERNAL_TERTIARY_HOSPITAL, null, "441602", null, "A100");
    facility("河源市第三人民医院（定点医院）", FacilityType.DESIGNATED_HOSPITAL, null, "441602", null, "A100");
    facility("龙川县人民医院（亚定点医院）", FacilityType.SUB_DESIGNATED_HOSPITAL, null, "441622", null, "A100");
  }

  /** Spreads the centres evenly over ⌈n/4⌉ grids, so that each grid holds 3–4 of them. */
  static int gridOf(int township, int total) {
    int grids = (total + 3) / 4;
    int base = total / grids;
    int larger = total % grids; // the first `larger` grids hold one more
    int boundary = larger * (base + 1);
    return township < boundary ? township / (base + 1) : larger + (township - boundary) / base;
  }

  private String facility(
      String name, FacilityType type, String parent, String division, Long grid, String category) {
    sequence++;
    String code =
        LicenceCodes.compose(
            String.format("ZJ%06d", sequence), division.substring(0, 6), "11", category, "1");
    String phone = "0762-7" + String.format("%06d", 100000 + random.nextInt(900000));
    registry.registerFacility(
        new NewFacility(code, name, type, parent, division, grid, "广东省河源市紫金县" + name, phone));
    return code;
  }
}
