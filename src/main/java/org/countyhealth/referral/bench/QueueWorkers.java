package org.countyhealth.referral.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual users working the office queue for a fixed time: the queue, its escalated filter, a
 * referral's page. Each virtual user signs in once (one BCrypt check, as a person does at the start
 * of a shift) and keeps its own session cookie; the requests share one client's connection pool.
 */
final class QueueWorkers {

  /** What the users came to: sign-in and request times in nanoseconds, errors, seconds run. */
  record Worked(
      List<Long> logins, long loginErrors, List<Long> requests, long errors, double elapsed) {}

  // The benchmark's own logger, as before the split.
  private static final Logger log = LoggerFactory.getLogger(ReferralBenchmark.class);

  private final String base;
  private final OfficeSignIn signIn;

  QueueWorkers(String base, OfficeSignIn signIn) {
    this.base = base;
    this.signIn = signIn;
  }

  Worked run(List<String> mix, int users, int seconds) throws InterruptedException {
    HttpClient shared =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<List<Long>> latencies = new ArrayList<>();
    List<Long> logins = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    AtomicLong loginErrors = new AtomicLong();
    CountDownLatch signedIn = new CountDownLatch(users);
    // People arrive over minutes, not in one instant: at most four sign-ins are in flight at once.
    Semaphore arriving = new Semaphore(4);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    for (int u = 0; u < users; u++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      int offset = u;
      pool.submit(
          () -> {
            String session;
            try {
              arriving.acquire();
              try {
                long s = System.nanoTime();
                session = signIn.sessionCookie(shared);
                logins.add(System.nanoTime() - s);
              } finally {
                arriving.release();
              }
            } catch (Exception e) {
              log.warn("virtual user {} could not sign in: {}", offset, e.getMessage());
              loginErrors.incrementAndGet();
              session = null;
            } finally {
              signedIn.countDown();
            }
            try {
              go.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            if (session != null) {
              work(shared, session, mix, offset, window[1], mine, errors);
            }
          });
    }
    signedIn.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
    go.countDown();
    pool.shutdown();
    pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    List<Long> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    return new Worked(logins, loginErrors.get(), all, errors.get(), elapsed);
  }

  /** One user's requests, the pages of the mix in turn, until the window closes. */
  private void work(
      HttpClient shared,
      String session,
      List<String> mix,
      int offset,
      long until,
      List<Long> mine,
      AtomicLong errors) {
    int i = offset;
    while (System.nanoTime() < until) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + mix.get(i++ % mix.size())))
              .header("Cookie", session)
              .timeout(Duration.ofSeconds(120))
              .build();
      long s = System.nanoTime();
      try {
        HttpResponse<String> r = shared.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && errors.incrementAndGet() <= 10) {
          log.warn("{} answered {}", request.uri().getPath(), r.statusCode());
        }
      } catch (Exception e) {
        if (errors.incrementAndGet() <= 10) {
          log.warn("{} failed: {}", request.uri().getPath(), e.toString());
        }
      }
      mine.add(System.nanoTime() - s);
    }
  }
}
