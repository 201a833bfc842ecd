-- Indicator read model (docs/adr/0006): per enrolment and period, what the indicators need from the
-- follow-ups, kept in step with recording and voiding a follow-up (VisitPeriods) so that the
-- indicators join one row per enrolment instead of looking up each patient's latest visit.
--   quarter 1–4 = that quarter, 0 = the whole year;
--   quarters   = quarters of the period with a face-to-face (clinic or home) follow-up;
--   latest_id  = the latest measured follow-up of the period (BP for hypertension, fasting glucose
--                for diabetes), by visit date then id; controlled = its verdict.
CREATE TABLE chronic.visit_period (
  year          INT     NOT NULL,
  quarter       INT     NOT NULL,
  enrolment_id  BIGINT  NOT NULL REFERENCES chronic.enrolment (id),
  quarters      INT     NOT NULL,
  latest_id     BIGINT,
  controlled    BOOLEAN NOT NULL,
  PRIMARY KEY (year, quarter, enrolment_id)
);
CREATE INDEX visit_period_enrolment_idx ON chronic.visit_period (enrolment_id, year);

-- The latest measured follow-up of all time (the DHIS2 / Simple.org cohort view).
ALTER TABLE chronic.enrolment ADD COLUMN last_measured_on DATE;
ALTER TABLE chronic.enrolment ADD COLUMN last_measured_controlled BOOLEAN;

-- Backfill from the follow-ups recorded so far (the same statements as VisitPeriods.rebuild).
INSERT INTO chronic.visit_period (year, quarter, enrolment_id, quarters, latest_id, controlled)
SELECT y, q, enrolment_id, MAX(face),
       MAX(CASE WHEN measured = 1 AND rn = 1 THEN id END),
       MAX(CASE WHEN measured = 1 AND rn = 1 AND controlled THEN 1 ELSE 0 END) = 1
FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY enrolment_id, y, q, measured
                                     ORDER BY visit_on DESC, id DESC) AS rn
      FROM (SELECT enrolment_id, id, visit_on, controlled,
                   CAST(EXTRACT(YEAR FROM visit_on) AS INT) AS y,
                   CAST(EXTRACT(QUARTER FROM visit_on) AS INT) AS q,
                   CASE WHEN mode <> 'PHONE' THEN 1 ELSE 0 END AS face,
                   CASE WHEN (disease = 'DIABETES' AND fasting_glucose IS NOT NULL)
                          OR (disease = 'HYPERTENSION' AND systolic IS NOT NULL) THEN 1 ELSE 0 END AS measured
            FROM chronic.follow_up WHERE NOT voided) v) r
GROUP BY y, q, enrolment_id;

INSERT INTO chronic.visit_period (year, quarter, enrolment_id, quarters, latest_id, controlled)
SELECT y, 0, enrolment_id, COUNT(DISTINCT CASE WHEN face = 1 THEN q END),
       MAX(CASE WHEN measured = 1 AND rn = 1 THEN id END),
       MAX(CASE WHEN measured = 1 AND rn = 1 AND controlled THEN 1 ELSE 0 END) = 1
FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY enrolment_id, y, measured
                                     ORDER BY visit_on DESC, id DESC) AS rn
      FROM (SELECT enrolment_id, id, visit_on, controlled,
                   CAST(EXTRACT(YEAR FROM visit_on) AS INT) AS y,
                   CAST(EXTRACT(QUARTER FROM visit_on) AS INT) AS q,
                   CASE WHEN mode <> 'PHONE' THEN 1 ELSE 0 END AS face,
                   CASE WHEN (disease = 'DIABETES' AND fasting_glucose IS NOT NULL)
                          OR (disease = 'HYPERTENSION' AND systolic IS NOT NULL) THEN 1 ELSE 0 END AS measured
            FROM chronic.follow_up WHERE NOT voided) v) r
GROUP BY y, enrolment_id;

UPDATE chronic.enrolment SET
  last_measured_on = (SELECT MAX(x.visit_on) FROM chronic.follow_up x
                      WHERE x.enrolment_id = chronic.enrolment.id AND NOT x.voided
                        AND ((x.disease = 'DIABETES' AND x.fasting_glucose IS NOT NULL)
                          OR (x.disease = 'HYPERTENSION' AND x.systolic IS NOT NULL))),
  last_measured_controlled = (SELECT x.controlled FROM chronic.follow_up x
                      WHERE x.enrolment_id = chronic.enrolment.id AND NOT x.voided
                        AND ((x.disease = 'DIABETES' AND x.fasting_glucose IS NOT NULL)
                          OR (x.disease = 'HYPERTENSION' AND x.systolic IS NOT NULL))
                      ORDER BY x.visit_on DESC, x.id DESC LIMIT 1);

-- The data-quality signal per recording facility and year: follow-ups, and systolic readings of
-- 130–139 (below) and 140–149 (above); kept in step by VisitPeriods.tally.
CREATE TABLE chronic.reading_tally (
  year          INT         NOT NULL,
  facility_code VARCHAR(22) NOT NULL,
  visits        INT         NOT NULL,
  below         INT         NOT NULL,
  above         INT         NOT NULL,
  PRIMARY KEY (year, facility_code)
);

INSERT INTO chronic.reading_tally (year, facility_code, visits, below, above)
SELECT CAST(EXTRACT(YEAR FROM visit_on) AS INT), facility_code, COUNT(*),
       SUM(CASE WHEN systolic BETWEEN 130 AND 139 THEN 1 ELSE 0 END),
       SUM(CASE WHEN systolic BETWEEN 140 AND 149 THEN 1 ELSE 0 END)
FROM chronic.follow_up WHERE NOT voided
GROUP BY CAST(EXTRACT(YEAR FROM visit_on) AS INT), facility_code;
