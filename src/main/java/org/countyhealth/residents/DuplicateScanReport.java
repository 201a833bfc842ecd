package org.countyhealth.residents;

/** The outcome of a whole-index duplicate scan. */
public record DuplicateScanReport(long residentsScanned, long pairsFound, long elapsedMillis) {}
