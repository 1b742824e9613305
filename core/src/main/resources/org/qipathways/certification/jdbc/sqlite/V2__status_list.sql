-- Revocation a holder can check: each certificate exported as an Open Badges credential gets a fixed
-- place (index) in the register's W3C Bitstring Status List, published at the list's URL.
-- A statement ends with a semicolon at the end of a line.

CREATE TABLE status_list (
    id         INTEGER       NOT NULL PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL UNIQUE,
    created_at VARCHAR(40)   NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE status_entry (
    certificate_id VARCHAR(11) NOT NULL PRIMARY KEY REFERENCES certificate (id),
    list_id        INTEGER     NOT NULL REFERENCES status_list (id),
    status_index   INTEGER     NOT NULL CHECK (status_index >= 0),
    assigned_at    VARCHAR(40) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- one certificate per place: two runs at once cannot give the same place twice
    CONSTRAINT status_entry_one_per_index UNIQUE (list_id, status_index)
);

-- A credential handed out carries its list and index: neither may ever change.
CREATE TRIGGER status_list_no_update BEFORE UPDATE ON status_list BEGIN SELECT RAISE(ABORT, 'status lists are append-only'); END;

CREATE TRIGGER status_list_no_delete BEFORE DELETE ON status_list BEGIN SELECT RAISE(ABORT, 'status lists are append-only'); END;

CREATE TRIGGER status_entry_no_update BEFORE UPDATE ON status_entry BEGIN SELECT RAISE(ABORT, 'status list entries are append-only'); END;

CREATE TRIGGER status_entry_no_delete BEFORE DELETE ON status_entry BEGIN SELECT RAISE(ABORT, 'status list entries are append-only'); END;
