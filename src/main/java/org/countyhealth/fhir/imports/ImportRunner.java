package org.countyhealth.fhir.imports;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.util.Locale;
import org.countyhealth.fhir.imports.ImportFile.Kind;
import org.countyhealth.fhir.server.BundleProcessor;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Runs one import job: first counts the entries of every stored file (the progress bar's total),
 * then processes each Bundle as a transaction (a {@code batch} Bundle entry by entry) and each
 * NDJSON line on its own, counting created, already held (same identifier), skipped (types the
 * platform does not hold) and rejected entries, and recording every rejection.
 */
@Component
class ImportRunner {

  /** Progress is written every this many NDJSON lines (and after every Bundle). */
  private static final int LINES_PER_UPDATE = 50;

  private final ImportJobs jobs;
  private final BundleProcessor processor;
  private final FhirContext context;
  private final Clock clock;

  ImportRunner(ImportJobs jobs, BundleProcessor processor, FhirContext context) {
    this.jobs = jobs;
    this.processor = processor;
    this.context = context;
    this.clock = Clock.systemUTC();
  }

  ImportJob.Status run(long job, Actor actor) {
    int total = 0;
    for (int seq : jobs.fileNumbers(job)) {
      total += count(jobs.file(job, seq));
    }
    jobs.start(job, total, clock.instant());
    ImportTally tally = new ImportTally(job, jobs);
    for (int seq : jobs.fileNumbers(job)) {
      ImportFile file = jobs.file(job, seq);
      if (file.kind() == Kind.NDJSON) {
        lines(file, actor, tally);
      } else {
        bundle(file, actor, tally);
      }
      tally.save();
    }
    jobs.finish(job, ImportJob.Status.DONE, tally.summary(), clock.instant());
    return ImportJob.Status.DONE;
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
      bundle = parser(file).parseResource(Bundle.class, file.content());
    } catch (DataFormatException | ClassCastException e) {
      tally.rejectFile(file.name(), "文件无法解析为 FHIR Bundle，请检查文件是否完整（解析器提示：" + reason(e) + "）");
      return;
    }
    for (BundleEntryComponent entry : bundle.getEntry()) {
      // Vendors export "collection" bundles: an entry without a request is a create.
      if (entry.getResource() != null && !entry.getRequest().hasMethod()) {
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(entry.getResource().fhirType());
      }
    }
    try {
      if (bundle.getType() == BundleType.BATCH) {
        tally.batch(file.name(), bundle, processor.batch(bundle, actor, true), processor);
      } else {
        tally.transaction(bundle, processor.transaction(bundle, actor, true));
      }
    } catch (BaseServerResponseException refused) {
      tally.refusedTransaction(file.name(), bundle, refused, processor);
    }
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
      Bundle single = new Bundle().setType(BundleType.TRANSACTION);
      single
          .addEntry()
          .setResource((Resource) resource)
          .getRequest()
          .setMethod(HTTPVerb.POST)
          .setUrl(resource.fhirType());
      try {
        tally.transaction(single, processor.transaction(single, actor, true));
      } catch (BaseServerResponseException refused) {
        tally.refusedLine(file.name(), where, resource.fhirType(), refused);
      }
      if (number % LINES_PER_UPDATE == 0) {
        tally.save();
      }
    }
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
