-- Estimated prevalence among residents aged 35 and over, set by the county chronic-disease centre;
-- the denominator of 管理率 (managed patients / estimated patients).
CREATE TABLE chronic.prevalence_estimate (
  disease     VARCHAR(12)  PRIMARY KEY,
  percent     DECIMAL(4,1) NOT NULL,
  set_by      VARCHAR(60)  NOT NULL,
  set_at      TIMESTAMP    NOT NULL
);
