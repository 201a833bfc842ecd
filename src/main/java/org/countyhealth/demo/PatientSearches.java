package org.countyhealth.demo;

import static org.countyhealth.demo.BenchTable.percentiles;
import static org.countyhealth.demo.FhirBenchClient.enc;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.countyhealth.demo.SyntheticBundles.Person;

/**
 * The FHIR benchmark's reads: Patient search by identifier and by name + birthdate, and {@code
 * $match}, for people drawn from those imported, each timed through the running server.
 */
final class PatientSearches {

  private static final int SAMPLES = 1000;

  private final FhirBenchClient client;
  private final IParser json = FhirContext.forR4Cached().newJsonParser();

  PatientSearches(FhirBenchClient client) {
    this.client = client;
  }

  /** Adds a row for each kind of search to the table. */
  void measure(List<Person> people, BenchTable out) throws Exception {
    Random pick = new Random(11);
    int[] found = new int[3];
    long[] byId = new long[SAMPLES];
    long[] byName = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      Person p = people.get(pick.nextInt(people.size()));
      byId[i] =
          timed(
              "/fhir/Patient?identifier=" + enc(SyntheticBundles.ID_CARD + "|" + p.idCard()),
              p,
              found,
              0);
      byName[i] =
          timed("/fhir/Patient?name=" + enc(p.name()) + "&birthdate=" + p.birth(), p, found, 1);
    }
    out.row(
        "Patient search by identifier p50 / p95 / p99",
        percentiles(byId) + " (found " + found[0] + " / " + SAMPLES + ")");
    out.row(
        "Patient search by name + birthdate p50 / p95 / p99",
        percentiles(byName) + " (found " + found[1] + " / " + SAMPLES + ")");
    long[] match = new long[SAMPLES / 2];
    for (int i = 0; i < match.length; i++) {
      Person p = people.get(pick.nextInt(people.size()));
      String body = json.encodeResourceToString(SyntheticBundles.patient(p));
      long s = System.nanoTime();
      HttpResponse<String> response = client.send("POST", "/fhir/Patient/$match", body);
      match[i] = System.nanoTime() - s;
      if (response.statusCode() == 200 && response.body().contains("\"certain\"")) {
        found[2]++;
      }
    }
    out.row(
        "Patient $match p50 / p95 / p99",
        percentiles(match) + " (certain " + found[2] + " / " + match.length + ")");
  }

  /** Times one search; counts it as found when the resident is in the answer. */
  private long timed(String path, Person expected, int[] found, int slot) throws Exception {
    long s = System.nanoTime();
    HttpResponse<String> response = client.send("GET", path, null);
    long elapsed = System.nanoTime() - s;
    if (response.statusCode() == 200 && response.body().contains(expected.name())) {
      found[slot]++;
    }
    return elapsed;
  }
}
