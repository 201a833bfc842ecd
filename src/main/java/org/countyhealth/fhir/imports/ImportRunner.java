package org.countyhealth.fhir.imports;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.fhir.imports.ImportFile.Kind;
import org.countyhealth.fhir.server.BundleProcessor;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Runs one import job: first counts the entries of every stored file (the progress bar's total),
 * then processes each Bundle as a transaction (a {@code batch} Bundle entry by entry) and each
 * NDJSON line on its own, counting created, already held (same identifier), skipped (types the
 * platform does not hold) and rejected entries, and recording every rejection.
 *
 * <p>Files are processed by {@code countyhealth.fhir.import.workers} workers at once (default 2:
 * one per core, while the other waits on the database). Two files may hold the same person: when a
 * worker's transaction is refused, it is parsed and tried once more, so that a refusal caused by
 * the other worker's identifier, committed in between, becomes "already held".
 */
@Component
class ImportRunner {

  /** Progress is written every this many NDJSON lines (and after every Bundle). */
  private static final int LINES_PER_UPDATE = 50;

  private final ImportJobs jobs;
  private final BundleProcessor processor;
  private final FhirContext context;
  private final Clock clock;
  private final int workers;

  ImportRunner(
      ImportJobs jobs,
      BundleProcessor processor,
      FhirContext context,
      @Value("${countyhealth.fhir.import.workers:2}") int workers) {
    this.jobs = jobs;
    this.processor = processor;
    this.context = context;
    this.clock = Clock.systemUTC();
    this.workers = Math.max(1, workers);
  }

  ImportJob.Status run(long job, Actor actor) {
    int total = 0;
    for (int seq : jobs.fileNumbers(job)) {
      total += count(jobs.file(job, seq));
    }
    jobs.start(job, total, clock.instant());
    ImportTally tally = new ImportTally(job, jobs);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        new DelegatingSecurityContextExecutorService(
            Executors.newFixedThreadPool(
                workers,
                r -> new Thread(r, "fhir-import-" + job + "-" + threads.incrementAndGet())));
    try {
      List<Future<?>> files = new ArrayList<>();
      for (int seq : jobs.fileNumbers(job)) {
        files.add(pool.submit(() -> file(jobs.file(job, seq), actor, tally)));
      }
      for (Future<?> file : files) {
        await(file);
      }
    } finally {
      pool.shutdownNow();
    }
    jobs.finish(job, ImportJob.Status.DONE, tally.summary(), clock.instant());
    return ImportJob.Status.DONE;
  }

  private void file(ImportFile file, Actor actor, ImportTally tally) {
    if (file.kind() == Kind.NDJSON) {
      lines(file, actor, tally);
    } else {
      bundle(file, actor, tally);
    }
    tally.save();
  }

  /** A worker's failure fails the job, as it would on one thread. */
  private static void await(Future<?> file) {
    try {
      file.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("导入被中断", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private int count(ImportFile file) {
    if (file.kind() == Kind.NDJSON) {
      return (int) file.content().lines().filter(l -> !l.isBlank()).count();
    }
    try {
      return Math.max(
          1, parser(file).parseResource(Bundle.class, file.content()).getEntry().size());
    } catch (DataFormatException | ClassCastException e) {
      return 1;
    }
  }

  private void bundle(ImportFile file, Actor actor, ImportTally tally) {
    Bundle bundle;
    try {
      bundle = parse(file);
    } catch (DataFormatException | ClassCastException e) {
      tally.rejectFile(file.name(), "文件无法解析为 FHIR Bundle，请检查文件是否完整（解析器提示：" + reason(e) + "）");
      return;
    }
    if (bundle.getType() == BundleType.BATCH) {
      tally.batch(file.name(), bundle, processor.batch(bundle, actor, true), processor);
      return;
    }
    try {
      tally.transaction(bundle, processor.transaction(bundle, actor, true));
    } catch (BaseServerResponseException refused) {
      if (workers == 1) {
        tally.refusedTransaction(file.name(), bundle, refused, processor);
        return;
      }
      // The first try rewrote the bundle's references: the second starts from the file again.
      Bundle again = parse(file);
      try {
        tally.transaction(again, processor.transaction(again, actor, true));
      } catch (BaseServerResponseException still) {
        tally.refusedTransaction(file.name(), again, still, processor);
      }
    }
  }

  private Bundle parse(ImportFile file) {
    Bundle bundle = parser(file).parseResource(Bundle.class, file.content());
    for (BundleEntryComponent entry : bundle.getEntry()) {
      // Vendors export "collection" bundles: an entry without a request is a create.
      if (entry.getResource() != null && !entry.getRequest().hasMethod()) {
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(entry.getResource().fhirType());
      }
    }
    return bundle;
  }

  private void lines(ImportFile file, Actor actor, ImportTally tally) {
    IParser parser = context.newJsonParser();
    int number = 0;
    for (String line : (Iterable<String>) file.content().lines()::iterator) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = "第 " + number + " 行";
      IBaseResource resource;
      try {
        resource = parser.parseResource(line);
      } catch (DataFormatException e) {
        tally.rejectLine(file.name(), where, null, 400, "本行无法解析为 FHIR 资源（解析器提示：" + reason(e) + "）");
        continue;
      }
      try {
        Bundle single = single(resource);
        tally.transaction(single, processor.transaction(single, actor, true));
      } catch (BaseServerResponseException refused) {
        retryLine(file.name(), where, parser.parseResource(line), actor, tally, refused);
      }
      if (number % LINES_PER_UPDATE == 0) {
        tally.save();
      }
    }
  }

  /** As for a bundle: a refused line is tried once more when other workers run. */
  private void retryLine(
      String file,
      String where,
      IBaseResource fresh,
      Actor actor,
      ImportTally tally,
      BaseServerResponseException refused) {
    if (workers == 1) {
      tally.refusedLine(file, where, fresh.fhirType(), refused);
      return;
    }
    try {
      Bundle single = single(fresh);
      tally.transaction(single, processor.transaction(single, actor, true));
    } catch (BaseServerResponseException still) {
      tally.refusedLine(file, where, fresh.fhirType(), still);
    }
  }

  private static Bundle single(IBaseResource resource) {
    Bundle single = new Bundle().setType(BundleType.TRANSACTION);
    single
        .addEntry()
        .setResource((Resource) resource)
        .getRequest()
        .setMethod(HTTPVerb.POST)
        .setUrl(resource.fhirType());
    return single;
  }

  private IParser parser(ImportFile file) {
    return file.name().toLowerCase(Locale.ROOT).endsWith(".xml")
        ? context.newXmlParser()
        : context.newJsonParser();
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceFirst("^HAPI-\\d+: ", "");
  }
}
