package org.qipathways.certification;

/**
 * The certifier and the register on PostgreSQL, at {@value Database#POSTGRES_URL}: skipped when it is
 * not set, failed when it is not set on CI (.ci/run starts a server and sets it).
 */
class PostgresCertifierTest extends CertifierContract {

    @Override
    Database newDatabase() {
        return Database.postgres();
    }
}
