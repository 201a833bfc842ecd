package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk import over HTTP: many Bundle and NDJSON files in one upload, run in the background,
 * with a report of created, skipped and rejected entries; a re-run creates nothing twice. The
 * entries are {@code Basic} resources of the test writer.
 */
@IntegrationTest
class FhirImportIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirHttp http;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired org.countyhealth.fhir.imports.ImportService imports;

  @BeforeEach
  void setUp() throws Exception {
    if (http == null) {
      String facility =
          jdbc.sql(
                  "SELECT licence_code FROM organization.facility WHERE licence_code LIKE 'ZJ%'"
                      + " ORDER BY licence_code LIMIT 1")
              .query(String.class)
              .single();
      http =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "fhir-import",
                  facility,
                  "导入测试",
                  Role.VILLAGE_DOCTOR,
                  ScopeKind.OWN_FACILITY)
              .http();
    }
  }

  @Test
  void anUploadIsReportedEntryByEntryAndARerunCreatesNothingTwice() throws Exception {
    String parentUrl = "urn:uuid:" + UUID.randomUUID();
    Bundle good = new Bundle().setType(BundleType.TRANSACTION);
    add(good, basic("A").setSubject(new Reference(parentUrl)), null);
    add(good, basic("B"), parentUrl);
    add(good, new Location().setName("门诊楼"), null);
    Bundle refused = new Bundle().setType(BundleType.TRANSACTION);
    add(refused, basic(null), null);
    add(refused, basic("C"), null);
    String ndjson =
        String.join(
            "\n",
            json(basic("D")),
            json(basic(null)),
            json(new Practitioner().setActive(true)),
            "{not json",
            "");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.json", json(good));
    files.put("b.json", json(refused));
    files.put("c.ndjson", ndjson);
    long before = rows();

    String job = location(upload(files));
    String report = await(job);

    assertThat(report)
        .contains("\"total\":9", "\"processed\":9", "\"created\":3", "\"existing\":0")
        .contains("\"rejected\":4", "\"skipped\":2")
        .contains("\"skippedByType\":{\"Location\":1,\"Practitioner\":1}");
    assertThat(report)
        .contains("\"file\":\"b.json\",\"location\":\"Bundle.entry[0] Basic.code\"")
        .contains("\"file\":\"b.json\",\"location\":\"Bundle.entry[1]\"")
        .contains("\"file\":\"c.ndjson\",\"location\":\"第 2 行 Basic.code\"")
        .contains("\"file\":\"c.ndjson\",\"location\":\"第 4 行\"");
    assertThat(rows()).isEqualTo(before + 3);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM fhir.test_basic c JOIN fhir.test_basic p ON c.subject ="
                        + " 'Basic/' || p.id WHERE c.code = 'A' AND p.code = 'B'")
                .query(Long.class)
                .single())
        .isPositive();

    HttpResponse<String> rerun = http.post(job + "/rerun", "application/x-www-form-urlencoded", "");
    assertThat(rerun.statusCode()).isEqualTo(202);
    String again = await(location(rerun));
    assertThat(again).contains("\"created\":0", "\"existing\":3", "\"rejected\":4");
    assertThat(rows()).isEqualTo(before + 3);
  }

  @Test
  void anEmptyUploadIsRefusedAndNoJobIsStored() throws Exception {
    long jobs = jdbc.sql("SELECT COUNT(*) FROM fhir.import_job").query(Long.class).single();

    HttpResponse<String> response = upload(Map.of());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("FHIR_IMPORT_EMPTY");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fhir.import_job").query(Long.class).single())
        .isEqualTo(jobs);
  }

  @Test
  void theImportPageShowsTheJobWithAProgressBar() throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    add(bundle, basic("P"), null);
    String job = location(upload(Map.of("p.json", json(bundle))));
    await(job);
    String id = job.substring(job.lastIndexOf('/') + 1);

    HttpResponse<String> page = http.get("/fhir-imports/" + id, "text/html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("导入任务 #" + id, "role=\"progressbar\"", "已完成", "100%");
    assertThat(http.get("/fhir-imports", "text/html").body()).contains("#" + id);
  }

  @Test
  void aRestartMarksUnfinishedJobsInterruptedAndKeepsTheirFiles() {
    long job =
        jdbc.sql(
                "INSERT INTO fhir.import_job (status, submitted_by, submitted_at) VALUES"
                    + " ('RUNNING', 'someone', CURRENT_TIMESTAMP) RETURNING id")
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO fhir.import_file (job_id, seq, name, kind, content) VALUES (?, 1,"
                + " 'a.ndjson', 'NDJSON', '{}')")
        .param(job)
        .update();

    imports.interruptUnfinished();

    assertThat(
            jdbc.sql("SELECT status FROM fhir.import_job WHERE id = ?")
                .param(job)
                .query(String.class)
                .single())
        .isEqualTo("INTERRUPTED");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM fhir.import_file WHERE job_id = ?")
                .param(job)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private HttpResponse<String> upload(Map<String, String> files) throws Exception {
    return FhirImports.upload(http, files);
  }

  private static String location(HttpResponse<String> response) {
    return FhirImports.location(response);
  }

  private String await(String job) throws Exception {
    return FhirImports.await(http, job);
  }

  private static Basic basic(String code) {
    Basic basic = new Basic();
    basic
        .addIdentifier()
        .setSystem("https://example.org/basic")
        .setValue(UUID.randomUUID().toString());
    if (code != null) {
      basic.setCode(new CodeableConcept(new Coding("https://example.org/codes", code, null)));
    }
    return basic;
  }

  private static void add(Bundle bundle, Resource resource, String fullUrl) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    if (fullUrl != null) {
      entry.setFullUrl(fullUrl);
    }
  }

  private static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM fhir.test_basic").query(Long.class).single();
  }
}
