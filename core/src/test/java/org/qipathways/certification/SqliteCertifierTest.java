package org.qipathways.certification;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The certifier and the register on SQLite, the embedded default. */
class SqliteCertifierTest extends CertifierContract {

    @TempDir
    Path dir;

    @Override
    Database newDatabase() {
        return Database.sqlite(dir);
    }
}
