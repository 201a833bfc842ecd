package org.countyhealth.demo;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.r4.model.Bundle;

/** The FHIR benchmark's concurrent clients, each posting transaction bundles one after another. */
final class BundleSenders {

  /** What the clients' bundles came to. */
  record Sent(long stored, int refused, String firstRefusal) {}

  private final FhirBenchClient client;

  BundleSenders(FhirBenchClient client) {
    this.client = client;
  }

  /** Sends every bundle, {@code clients} at a time, each client one bundle after another. */
  Sent sendAll(List<String> bundles, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicLong stored = new AtomicLong();
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<String> firstRefusal = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < bundles.size();
                    i = next.getAndIncrement()) {
                  HttpResponse<String> response = client.send("POST", "/fhir", bundles.get(i));
                  if (response.statusCode() == 200) {
                    stored.addAndGet(entries(response.body()));
                  } else {
                    refused.incrementAndGet();
                    String body = response.body();
                    firstRefusal.compareAndSet(
                        null,
                        response.statusCode()
                            + " "
                            + body.substring(0, Math.min(300, body.length())));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return new Sent(stored.get(), refused.get(), firstRefusal.get());
  }

  /** The entries of a transaction-response bundle. */
  private static long entries(String body) {
    // Parsers are not thread-safe: one per response.
    return FhirContext.forR4Cached()
        .newJsonParser()
        .parseResource(Bundle.class, body)
        .getEntry()
        .size();
  }
}
