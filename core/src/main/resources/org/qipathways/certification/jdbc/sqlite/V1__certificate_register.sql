-- The certificate register (SQLite). Dates are ISO-8601 text (yyyy-MM-dd), instants ISO-8601 UTC text.
-- A statement ends with a semicolon at the end of a line.

CREATE TABLE certificate (
    id                VARCHAR(11)  NOT NULL PRIMARY KEY,
    programme_code    VARCHAR(64)  NOT NULL,
    programme_version VARCHAR(64)  NOT NULL,
    tier              VARCHAR(64)  NOT NULL,
    learner_id        VARCHAR(64)  NOT NULL,
    achieved_on       CHAR(10)     NOT NULL,
    valid_from        CHAR(10)     NOT NULL,
    valid_until       CHAR(10),
    issued_at         VARCHAR(40)  NOT NULL,
    supersedes        VARCHAR(11)  REFERENCES certificate (id),
    evidence_digest   VARCHAR(71)  NOT NULL,
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('VALID', 'EXPIRED', 'REVOKED')),
    status_on         CHAR(10),
    status_reason     TEXT,
    status_actor      VARCHAR(200),
    -- one certificate per term: what makes two certify runs at once meet instead of issuing twice
    CONSTRAINT certificate_one_per_term UNIQUE (programme_code, tier, learner_id, valid_from)
);

CREATE INDEX certificate_by_learner ON certificate (programme_code, learner_id);

CREATE TABLE audit (
    seq            INTEGER      PRIMARY KEY AUTOINCREMENT,
    at             VARCHAR(40)  NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    action         VARCHAR(10)  NOT NULL CHECK (action IN ('ISSUED', 'RENEWED', 'LAPSED', 'EXPIRED', 'REVOKED')),
    certificate_id VARCHAR(11)  NOT NULL REFERENCES certificate (id),
    reason         TEXT         NOT NULL
);

CREATE INDEX audit_by_certificate ON audit (certificate_id, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate BEGIN SELECT RAISE(ABORT, 'certificates are never deleted'); END;

CREATE TABLE issuer_key (
    key_id     VARCHAR(80) NOT NULL PRIMARY KEY,
    public_key TEXT        NOT NULL,
    added_at   VARCHAR(40) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
