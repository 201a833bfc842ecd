package org.countyhealth.residents.domain;

import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.rules.MatchRecord;

/** A validated request about to become a resident row, with its pinyin and blocking key. */
record NewResident(RegistrationRequest request, MatchRecord match, String phone) {}
