package org.countyhealth.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FHIR benchmark's bulk import: uploads bundles as the files of one job ({@code POST
 * /api/v1/fhir-imports}, bearer token) and polls the job until it has finished.
 */
final class BulkImportClient {

  /** What the finished job reported, and how long it took from upload to done. */
  record Finished(double seconds, String status, long created, long existing, long rejected) {}

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Callable<String> token;

  BulkImportClient(String base, Callable<String> token) {
    this.base = base;
    this.token = token;
  }

  Finished run(List<String> bundles) throws Exception {
    String boundary = "----countyhealth" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < bundles.size(); i++) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bundle-")
          .append(i)
          .append(".json\"\r\nContent-Type: application/fhir+json\r\n\r\n")
          .append(bundles.get(i))
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    long start = System.nanoTime();
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/fhir-imports"))
                .header("Authorization", "Bearer " + token.call())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("upload refused: " + accepted.statusCode());
    }
    String job = accepted.headers().firstValue("Location").orElseThrow();
    while (true) {
      String report = get(job);
      Matcher m = STATUS.matcher(report);
      if (m.find() && !m.group(1).equals("QUEUED") && !m.group(1).equals("RUNNING")) {
        return new Finished(
            (System.nanoTime() - start) / 1e9,
            m.group(1),
            count(report, "created"),
            count(report, "existing"),
            count(report, "rejected"));
      }
      Thread.sleep(100);
    }
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token.call())
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static long count(String report, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(report);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
