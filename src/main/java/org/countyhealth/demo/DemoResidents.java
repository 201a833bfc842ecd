package org.countyhealth.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;

/**
 * Residents of the synthetic county, registered through the master index in batches: Hakka
 * surnames, the age pyramid of a rural county (many children and elderly, few young adults who work
 * away), valid identity numbers of 紫金县 (441621), addresses by village, and about 3 % injected
 * duplicates with the typical errors of a second registration elsewhere. The ground truth of the
 * duplicates is kept in the {@link Result} so that matching quality can be measured. The people are
 * drawn by {@link SyntheticResidents}, their second registrations by {@link ClericalErrors}.
 */
final class DemoResidents {

  /** The clerical error a duplicate carries. */
  enum Error {
    HOMOPHONE,
    MISTYPED_CHARACTER,
    DAY_MONTH_SWAPPED,
    MISSING_ID_CARD,
    CHANGED_PHONE
  }

  /** A duplicate: record {@code duplicate} is the same person as record {@code original}. */
  record Truth(int original, int duplicate, Error error) {}

  /** Resident id and decision of every generated record (by position), and the ground truth. */
  record Result(
      long[] residentIds,
      MatchOutcome[] outcomes,
      Long[] candidates,
      List<Truth> truth,
      List<String> idCards) {

    /** Links (EXACT or LINK) of a duplicate to its original's resident: true positives. */
    long truePositives() {
      return truth.stream()
          .filter(t -> residentIds[t.duplicate()] == residentIds[t.original()])
          .count();
    }

    /** Every automatic link not explained by the ground truth. */
    long falsePositives() {
      Map<Integer, Integer> originalOf = new HashMap<>();
      truth.forEach(t -> originalOf.put(t.duplicate(), t.original()));
      long fp = 0;
      for (int i = 0; i < outcomes.length; i++) {
        boolean linked = outcomes[i] == MatchOutcome.LINK || outcomes[i] == MatchOutcome.EXACT;
        Integer original = originalOf.get(i);
        if (linked && (original == null || residentIds[original] != residentIds[i])) {
          fp++;
        }
      }
      return fp;
    }

    double precision() {
      long tp = truePositives();
      return tp == 0 ? 0 : (double) tp / (tp + falsePositives());
    }

    double recall() {
      return truth.isEmpty() ? 1 : (double) truePositives() / truth.size();
    }

    /** Duplicates linked, or queued for review against their original. */
    double recallWithReview() {
      long found =
          truth.stream()
              .filter(
                  t ->
                      residentIds[t.duplicate()] == residentIds[t.original()]
                          || (outcomes[t.duplicate()] == MatchOutcome.REVIEW
                              && Long.valueOf(residentIds[t.original()])
                                  .equals(candidates[t.duplicate()])))
              .count();
      return truth.isEmpty() ? 1 : (double) found / truth.size();
    }

    /** The ground truth as CSV: original and duplicate resident ids, error, decision. */
    void writeTruth(Path file) {
      List<String> lines = new ArrayList<>();
      lines.add("original_resident_id,duplicate_record_resident_id,error,decision");
      for (Truth t : truth) {
        lines.add(
            residentIds[t.original()]
                + ","
                + residentIds[t.duplicate()]
                + ","
                + t.error()
                + ","
                + outcomes[t.duplicate()]);
      }
      try {
        Files.write(file, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final double DUPLICATE_SHARE = 0.03;
  private static final int BATCH = 1000;
  private static final int WINDOW = 50_000;

  private final ResidentRegistry registry;
  private final LocalDate today;

  DemoResidents(ResidentRegistry registry, LocalDate today) {
    this.registry = registry;
    this.today = today;
  }

  /** Registers {@code count} records (about 3 % of them duplicates) in batches of 1,000. */
  Result generate(
      Random random,
      List<String> villageClinicCodes,
      Map<String, String> townshipOfClinic,
      int count) {
    return generate(random, villageClinicCodes, townshipOfClinic, count, registered -> {});
  }

  /** As above, telling {@code afterBatch} how many records are registered after each batch. */
  Result generate(
      Random random,
      List<String> villageClinicCodes,
      Map<String, String> townshipOfClinic,
      int count,
      IntConsumer afterBatch) {
    long[] ids = new long[count];
    MatchOutcome[] outcomes = new MatchOutcome[count];
    Long[] candidates = new Long[count];
    List<Truth> truth = new ArrayList<>();
    List<String> sampleIds = new ArrayList<>();
    // Sequences start at a random offset so that two generated populations rarely share a number.
    SyntheticResidents people = new SyntheticResidents(random, today, random.nextInt(250));
    ClericalErrors errors = new ClericalErrors(random, today, townshipOfClinic);
    RegistrationRequest[] window = new RegistrationRequest[WINDOW];
    List<RegistrationRequest> batch = new ArrayList<>(BATCH);
    IntList originalsIndex = new IntList();
    int originals = 0;
    int start = 0;
    for (int i = 0; i < count; i++) {
      RegistrationRequest request;
      if (originals > 100 && random.nextDouble() < DUPLICATE_SHARE) {
        int from = Math.max(0, originals - WINDOW);
        int pick = from + random.nextInt(originals - from);
        Error error = Error.values()[random.nextInt(Error.values().length)];
        ClericalErrors.Duplicate d = errors.duplicate(window[pick % WINDOW], error);
        request = d.request();
        truth.add(new Truth(originalsIndex.get(pick), i, d.error()));
      } else {
        String clinic = villageClinicCodes.get(random.nextInt(villageClinicCodes.size()));
        request = people.person(clinic, townshipOfClinic.get(clinic));
        window[originals % WINDOW] = request;
        originalsIndex.add(i);
        originals++;
        if (sampleIds.size() < 2000 && random.nextInt(50) == 0) {
          request.identifiers().stream()
              .filter(v -> v.type() == IdentifierType.ID_CARD)
              .forEach(v -> sampleIds.add(v.value()));
        }
      }
      batch.add(request);
      if (batch.size() == BATCH || i == count - 1) {
        List<RegistrationOutcome> done = registry.registerAll(batch);
        for (int k = 0; k < done.size(); k++) {
          ids[start + k] = done.get(k).residentId();
          outcomes[start + k] = done.get(k).outcome();
          candidates[start + k] = done.get(k).candidateId();
        }
        start += done.size();
        batch.clear();
        afterBatch.accept(start);
      }
    }
    return new Result(ids, outcomes, candidates, truth, sampleIds);
  }

  /** A growable int array (record positions of the originals). */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }
  }
}
