-- SMART Backend Services (private_key_jwt, docs/adr/0007, revision 2): a system client may register a public
-- JWK set instead of (or besides) a secret, so the secret becomes optional. A token may carry fewer
-- privileges than its client holds (the requested scope); NULL means all of them. The jti of every
-- accepted client assertion is kept until the assertion expires so that it cannot be replayed.
ALTER TABLE security.system_client ALTER COLUMN secret_hash DROP NOT NULL;
ALTER TABLE security.system_client ADD COLUMN jwks VARCHAR(20000);
ALTER TABLE security.system_token ADD COLUMN privileges VARCHAR(400);

CREATE TABLE security.client_assertion_jti (
  client     BIGINT       NOT NULL REFERENCES security.system_client (id),
  jti        VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP    NOT NULL,
  PRIMARY KEY (client, jti)
);
CREATE INDEX client_assertion_jti_expires_idx ON security.client_assertion_jti (expires_at);
