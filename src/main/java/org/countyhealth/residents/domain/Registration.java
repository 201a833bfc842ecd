package org.countyhealth.residents.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRefused;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.rules.MatchRecord;
import org.countyhealth.residents.rules.MatchScore;
import org.countyhealth.residents.rules.MatchThresholds;
import org.countyhealth.residents.rules.Matcher;
import org.countyhealth.residents.rules.RegistrationRules;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.IdCardNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Registration with matching, as a batch (one request is a batch of one): validate all, fetch the
 * owners of the given identifiers and the candidates of every blocking key in two queries, decide
 * each request in memory (later requests also match earlier ones of the same batch), then write
 * residents, identifiers and decisions in JDBC batches. Any refusal throws before the first write,
 * as a {@link RegistrationRefused} naming the request.
 */
@Component
class Registration {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final ResidentRows residents;
  private final IdentifierRows identifiers;
  private final DecisionRows decisions;
  private final MatchThresholds thresholds;

  Registration(
      ResidentRows residents,
      IdentifierRows identifiers,
      DecisionRows decisions,
      MatchThresholds thresholds) {
    this.residents = residents;
    this.identifiers = identifiers;
    this.decisions = decisions;
    this.thresholds = thresholds;
  }

  private record Prepared(RegistrationRequest request, MatchRecord match, String phone) {}

  private record Plan(
      Prepared prepared, long ref, MatchOutcome outcome, Long candidate, MatchScore score) {}

  /** Decides every request; with {@code write} also stores the result. */
  List<RegistrationOutcome> run(List<RegistrationRequest> requests, boolean write) {
    LocalDate today = LocalDate.now(CHINA);
    List<Prepared> prepared = new ArrayList<>(requests.size());
    Set<IdentifierValue> allIds = new LinkedHashSet<>();
    Set<String> keys = new HashSet<>();
    Set<String> births = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (RegistrationRequest r : requests) {
      IdCardNumber idCard = validate(r, today, prepared.size());
      String phone = normalisePhone(r.phone());
      MatchRecord match =
          MatchRecord.of(
              r.name().strip(),
              r.sex(),
              r.birthDate(),
              phone,
              ResidentRows.blankToNull(r.village()),
              ResidentRows.blankToNull(r.address()),
              idCard == null ? null : idCard.value());
      prepared.add(new Prepared(r, match, phone));
      allIds.addAll(r.identifiers());
      keys.add(match.nameKey());
      births.add(match.birthKey());
      if (phone != null) {
        phones.add(phone);
      }
    }
    Map<IdentifierValue, Long> stored = identifiers.owners(allIds);
    Map<IdentifierValue, Long> owners = new HashMap<>(stored);
    CandidateIndex index = new CandidateIndex(residents.candidates(keys, births, phones));
    List<Plan> plans = new ArrayList<>(prepared.size());
    for (int i = 0; i < prepared.size(); i++) {
      Plan plan;
      try {
        plan = decide(prepared.get(i), newRef(i), owners, index);
      } catch (BusinessException e) {
        throw new RegistrationRefused(i, e);
      }
      plans.add(plan);
      for (IdentifierValue id : plan.prepared().request().identifiers()) {
        owners.putIfAbsent(id, plan.ref());
      }
      if (plan.ref() == newRef(i)) {
        index.add(new Candidate(plan.ref(), plan.prepared().match()));
      }
    }
    return write ? store(plans, stored.keySet()) : preview(plans);
  }

  /** The provisional reference of request {@code i} until its row is written. */
  private static long newRef(int i) {
    return -(i + 1L);
  }

  private static IdCardNumber validate(RegistrationRequest r, LocalDate today, int position) {
    try {
      return RegistrationRules.validate(r, today);
    } catch (BusinessException e) {
      throw new RegistrationRefused(position, e);
    }
  }

  private Plan decide(
      Prepared p, long newRef, Map<IdentifierValue, Long> owners, CandidateIndex index) {
    MatchRecord me = p.match();
    Long exact = null;
    if (me.idCard() != null) {
      exact = owners.get(IdentifierValue.of(IdentifierType.ID_CARD, me.idCard()));
    }
    Candidate best = null;
    MatchScore bestScore = null;
    for (Candidate c : index.lookup(me)) {
      MatchScore s = Matcher.score(me, c.record());
      if (s.possible() && (bestScore == null || s.total() > bestScore.total())) {
        best = c;
        bestScore = s;
      }
    }
    MatchOutcome outcome;
    Long target;
    if (exact != null) {
      outcome = MatchOutcome.EXACT;
      target = exact;
      if (best == null || best.ref() != exact) {
        best = null;
        bestScore = null;
      }
    } else {
      outcome = bestScore == null ? MatchOutcome.NEW : thresholds.decide(bestScore);
      target = outcome == MatchOutcome.LINK ? best.ref() : null;
    }
    long ref = target != null ? target : newRef;
    for (IdentifierValue id : p.request().identifiers()) {
      Long owner = owners.get(id);
      if (owner != null && owner != ref) {
        throw new BusinessException(
            "IDENTIFIER_IN_USE",
            "该" + id.type().label() + "已登记在另一位居民名下，请核对后再登记",
            id.type() == IdentifierType.ID_CARD ? "idCard" : "identifiers");
      }
    }
    return new Plan(p, ref, outcome, best == null ? null : best.ref(), bestScore);
  }

  private List<RegistrationOutcome> store(List<Plan> plans, Set<IdentifierValue> existing) {
    LocalDateTime now = LocalDateTime.now(CHINA);
    // A request is a new resident when it kept its own reference; a later request of the same
    // batch may point to it (the same person twice) and adds no row.
    List<NewResident> rows = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      if (plans.get(i).ref() == newRef(i)) {
        Prepared p = plans.get(i).prepared();
        rows.add(new NewResident(p.request(), p.match(), p.phone()));
      }
    }
    long[] ids = residents.insertAll(rows, now);
    Map<Long, Long> idOfRef = new HashMap<>();
    int next = 0;
    for (int i = 0; i < plans.size(); i++) {
      if (plans.get(i).ref() == newRef(i)) {
        idOfRef.put(newRef(i), ids[next++]);
      }
    }
    List<IdentifierRows.NewIdentifier> newIds = new ArrayList<>();
    List<DecisionRows.NewDecision> newDecisions = new ArrayList<>();
    List<RegistrationOutcome> outcomes = new ArrayList<>();
    Set<IdentifierValue> written = new HashSet<>();
    Map<Long, String> idCardsOfLinked = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      long id = resolve(plan.ref(), idOfRef);
      Long candidate = plan.candidate() == null ? null : resolve(plan.candidate(), idOfRef);
      for (IdentifierValue v : plan.prepared().request().identifiers()) {
        if (!existing.contains(v) && written.add(v)) {
          newIds.add(new IdentifierRows.NewIdentifier(id, v));
        }
      }
      if (plan.ref() != newRef(i) && plan.prepared().match().idCard() != null) {
        idCardsOfLinked.put(id, plan.prepared().match().idCard());
      }
      Double score = plan.score() == null ? null : plan.score().total();
      String fields = plan.score() == null ? null : plan.score().describe();
      newDecisions.add(
          new DecisionRows.NewDecision(
              id, candidate, plan.outcome(), score, fields, "REGISTRATION"));
      outcomes.add(new RegistrationOutcome(id, plan.outcome(), candidate, score, fields));
    }
    try {
      identifiers.insertAll(newIds, now);
    } catch (DuplicateKeyException e) {
      // A concurrent registration took the identifier between our check and our write.
      throw new RegistrationRefused(
          -1,
          new BusinessException("IDENTIFIER_IN_USE", "该证件号码已登记在另一位居民名下，请核对后再登记", "identifiers"));
    }
    residents.fillIdCards(idCardsOfLinked);
    decisions.insertAll(newDecisions, now);
    return outcomes;
  }

  private static List<RegistrationOutcome> preview(List<Plan> plans) {
    return plans.stream()
        .map(
            p ->
                new RegistrationOutcome(
                    Math.max(0, p.ref()),
                    p.outcome(),
                    p.candidate() == null || p.candidate() < 0 ? null : p.candidate(),
                    p.score() == null ? null : p.score().total(),
                    p.score() == null ? null : p.score().describe()))
        .toList();
  }

  private static long resolve(long ref, Map<Long, Long> idOfRef) {
    return ref > 0 ? ref : idOfRef.get(ref);
  }

  static String normalisePhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return phone.replaceAll("[\\s\\-]", "");
  }
}
