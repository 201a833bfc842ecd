package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bulk import API over real HTTP: upload files, wait for the job's report. */
final class FhirImports {

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

  private FhirImports() {}

  /** {@code POST /api/v1/fhir-imports} with one {@code files} part per entry (name → content). */
  static HttpResponse<String> upload(FhirHttp http, Map<String, String> files) throws Exception {
    String boundary = "----countyhealth" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    files.forEach(
        (name, content) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return http.post(
        "/api/v1/fhir-imports", "multipart/form-data; boundary=" + boundary, body.toString());
  }

  /** The job an accepted (202) upload or re-run names. */
  static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** Polls until the job has finished DONE (a bound on the wait, not a timed assertion). */
  static String await(FhirHttp http, String job) throws Exception {
    for (int i = 0; i < 600; i++) {
      String body = http.get(job, "application/json").body();
      Matcher m = STATUS.matcher(body);
      if (m.find() && !m.group(1).equals("QUEUED") && !m.group(1).equals("RUNNING")) {
        assertThat(m.group(1)).as(body).isEqualTo("DONE");
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import job did not finish: " + job);
  }
}
