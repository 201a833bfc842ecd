package org.countyhealth.fhir.imports;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts imports and runs them in the background on a bounded executor (one worker, a queue of
 * {@value #QUEUE} jobs: imports are heavy and the machine is shared). A job and its files are
 * committed before the caller is answered; a full queue is refused (503) before anything is
 * acknowledged. The worker acts as the submitter: same privileges, same data scope, same audit.
 */
@Service
public class ImportService {

  static final int QUEUE = 20;
  static final String INTERRUPTED = "服务重启时中断；可重新运行（按标识符去重，不会产生重复）";

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  private final ImportJobs jobs;
  private final ImportRunner runner;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();
  private final ThreadPoolExecutor executor;

  ImportService(
      ImportJobs jobs,
      ImportRunner runner,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.jobs = jobs;
    this.runner = runner;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "fhir-import-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @PreAuthorize("hasAuthority('RESIDENT_EDIT')")
  public long submit(Actor actor, List<ImportFile> files) {
    if (files.isEmpty() || files.stream().allMatch(f -> f.content().isBlank())) {
      throw new BusinessException("FHIR_IMPORT_EMPTY", "请选择至少一个非空的 Bundle 或 NDJSON 文件", "files");
    }
    for (ImportFile file : files) {
      if (!file.looksLikeFhir()) {
        throw new BusinessException(
            "FHIR_IMPORT_NOT_FHIR",
            "“"
                + file.name()
                + "”不是 FHIR 数据文件：Bundle 文件应为 JSON（以 { 开头）或 XML（以 < 开头），"
                + "NDJSON 文件（.ndjson）每行一个 JSON 资源。未导入任何文件。",
            "files");
      }
    }
    long id =
        transaction.execute(
            status -> {
              long job = jobs.insert(actor.username(), actor.facilityCode(), clock.instant());
              for (int i = 0; i < files.size(); i++) {
                jobs.insertFile(job, i + 1, files.get(i));
              }
              return job;
            });
    start(id, actor);
    return id;
  }

  /** A new job over the stored files of an earlier one (idempotent: nothing is duplicated). */
  @PreAuthorize("hasAuthority('RESIDENT_EDIT')")
  public long rerun(Actor actor, long earlier) {
    visible(actor, earlier);
    long id =
        transaction.execute(
            status -> {
              long job = jobs.insert(actor.username(), actor.facilityCode(), clock.instant());
              jobs.copyFiles(earlier, job);
              return job;
            });
    start(id, actor);
    return id;
  }

  @PreAuthorize("hasAuthority('RESIDENT_EDIT')")
  public ImportJob visible(Actor actor, long id) {
    return jobs.find(id)
        .filter(j -> visibleTo(actor, j))
        .orElseThrow(() -> new NotFound("FHIR_IMPORT_NOT_FOUND", "找不到该导入任务，或不在您的数据范围内"));
  }

  @PreAuthorize("hasAuthority('RESIDENT_EDIT')")
  public List<ImportJob> recent(Actor actor) {
    return jobs.recent(200).stream().filter(j -> visibleTo(actor, j)).limit(50).toList();
  }

  public List<ImportJob.Rejection> rejections(ImportJob job, int limit) {
    return jobs.rejections(job.id(), limit);
  }

  /** Jobs of the previous process never finished: say so (the files are kept for a re-run). */
  @EventListener(ApplicationReadyEvent.class)
  public void interruptUnfinished() {
    int n = jobs.interruptUnfinished(INTERRUPTED, clock.instant());
    if (n > 0) {
      log.warn("{} FHIR import job(s) were interrupted by a restart", n);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  private void start(long id, Actor actor) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    try {
      executor.execute(() -> run(id, actor, authentication));
    } catch (RejectedExecutionException e) {
      jobs.finish(id, ImportJob.Status.FAILED, "导入队列已满，未开始", clock.instant());
      throw new ImportBusy();
    }
  }

  private void run(long id, Actor actor, Authentication authentication) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    try {
      runner.run(id, actor);
      audit.record("FHIR_IMPORT_RUN", "FhirImportJob", String.valueOf(id), AuditResult.SUCCESS);
    } catch (RuntimeException e) {
      // The class only: messages may carry personal data.
      log.error("FHIR import job {} failed: {}", id, e.getClass().getName());
      jobs.finish(
          id,
          ImportJob.Status.FAILED,
          "导入中止（" + e.getClass().getSimpleName() + "）；已保存的内容不受影响，可重新运行",
          clock.instant());
      audit.record("FHIR_IMPORT_RUN", "FhirImportJob", String.valueOf(id), AuditResult.FAILED);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static boolean visibleTo(Actor actor, ImportJob job) {
    return actor.username().equals(job.submittedBy())
        || (job.facilityCode() != null && actor.scope().includes(job.facilityCode()));
  }

  public Optional<ImportJob> find(long id) {
    return jobs.find(id);
  }

  /** The queue is full: nothing was acknowledged. */
  static final class ImportBusy extends BusinessException {
    ImportBusy() {
      super("FHIR_IMPORT_BUSY", "导入队列已满，请稍后再试", null, 503);
    }
  }
}
