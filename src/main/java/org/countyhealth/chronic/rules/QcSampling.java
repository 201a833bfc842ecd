package org.countyhealth.chronic.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.countyhealth.chronic.Disease;

/**
 * Quality-control chart sample of 000_65944b5c5b97f013.txt lines 88 and 90: per checked facility a
 * random sample that meets the management-level quota and the age quota (≥ 60 / < 60) at the same
 * time. The cell counts (level × age band) are a small transportation problem; every feasible
 * allocation is enumerated and one is chosen with the seed, so the same seed and candidates always
 * give the same sample.
 */
public final class QcSampling {

  /** Age that splits the two age bands (line 88: 60 岁及以上 / 60 岁以下). */
  public static final int OLDER_AGE = 60;

  public record Quota(Disease disease, Map<String, Integer> levels, int older, int younger) {
    public Quota {
      Objects.requireNonNull(disease);
      levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
      int sum = levels.values().stream().mapToInt(Integer::intValue).sum();
      if (sum != older + younger) {
        throw new IllegalArgumentException("level quota " + sum + " != age quota");
      }
    }

    public int total() {
      return older + younger;
    }
  }

  /** Line 88: 一级 2, 二级 5, 三级 3; ≥ 60: 6, < 60: 4. */
  public static final Quota HYPERTENSION =
      new Quota(Disease.HYPERTENSION, ordered("一级管理", 2, "二级管理", 5, "三级管理", 3), 6, 4);

  /** Line 90: 常规 6, 强化 4; ≥ 60: 6, < 60: 4. */
  public static final Quota DIABETES =
      new Quota(Disease.DIABETES, ordered("常规管理", 6, "强化管理", 4), 6, 4);

  public record Candidate(long id, String level, LocalDate birthDate) {}

  /** The sample (empty when infeasible) and, when infeasible, the reasons in Chinese. */
  public record Result(List<Candidate> sample, List<String> shortfalls) {
    public boolean feasible() {
      return shortfalls.isEmpty();
    }
  }

  private QcSampling() {}

  public static Quota quota(Disease disease) {
    return disease == Disease.HYPERTENSION ? HYPERTENSION : DIABETES;
  }

  public static Result sample(Quota quota, List<Candidate> candidates, LocalDate on, long seed) {
    List<String> levels = List.copyOf(quota.levels().keySet());
    int n = levels.size();
    // Sorted first so that the seed alone decides the order, whatever order the rows came in.
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong(Candidate::id));
    Random random = new Random(seed);
    java.util.Collections.shuffle(sorted, random);
    List<List<Candidate>> older = new ArrayList<>();
    List<List<Candidate>> younger = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      older.add(new ArrayList<>());
      younger.add(new ArrayList<>());
    }
    for (Candidate c : sorted) {
      int i = levels.indexOf(c.level());
      if (i < 0) {
        continue;
      }
      boolean old = Period.between(c.birthDate(), on).getYears() >= OLDER_AGE;
      (old ? older : younger).get(i).add(c);
    }
    List<int[]> allocations = new ArrayList<>();
    enumerate(quota, levels, older, younger, 0, new int[n], 0, allocations);
    if (allocations.isEmpty()) {
      return new Result(List.of(), shortfalls(quota, levels, older, younger));
    }
    int[] chosen = allocations.get(random.nextInt(allocations.size()));
    List<Candidate> sample = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int want = quota.levels().get(levels.get(i));
      sample.addAll(older.get(i).subList(0, chosen[i]));
      sample.addAll(younger.get(i).subList(0, want - chosen[i]));
    }
    return new Result(List.copyOf(sample), List.of());
  }

  /** Every vector of older counts per level that fits the cells and sums to the older quota. */
  private static void enumerate(
      Quota quota,
      List<String> levels,
      List<List<Candidate>> older,
      List<List<Candidate>> younger,
      int i,
      int[] current,
      int olderSoFar,
      List<int[]> out) {
    if (i == levels.size()) {
      if (olderSoFar == quota.older()) {
        out.add(current.clone());
      }
      return;
    }
    int want = quota.levels().get(levels.get(i));
    for (int k = 0; k <= want; k++) {
      if (k <= older.get(i).size()
          && want - k <= younger.get(i).size()
          && olderSoFar + k <= quota.older()) {
        current[i] = k;
        enumerate(quota, levels, older, younger, i + 1, current, olderSoFar + k, out);
      }
    }
  }

  private static List<String> shortfalls(
      Quota quota,
      List<String> levels,
      List<List<Candidate>> older,
      List<List<Candidate>> younger) {
    List<String> messages = new ArrayList<>();
    int olderTotal = 0;
    int youngerTotal = 0;
    for (int i = 0; i < levels.size(); i++) {
      int have = older.get(i).size() + younger.get(i).size();
      int want = quota.levels().get(levels.get(i));
      olderTotal += older.get(i).size();
      youngerTotal += younger.get(i).size();
      if (have < want) {
        messages.add(levels.get(i) + "患者仅 " + have + " 名，不足抽样要求的 " + want + " 名");
      }
    }
    if (olderTotal < quota.older()) {
      messages.add("60岁及以上患者仅 " + olderTotal + " 名，不足抽样要求的 " + quota.older() + " 名");
    }
    if (youngerTotal < quota.younger()) {
      messages.add("60岁以下患者仅 " + youngerTotal + " 名，不足抽样要求的 " + quota.younger() + " 名");
    }
    if (messages.isEmpty()) {
      messages.add("各管理级别与年龄段人数分别足够，但无法同时满足两类配额（年龄分布集中在个别管理级别）");
    }
    return List.copyOf(messages);
  }

  private static Map<String, Integer> ordered(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }
}
