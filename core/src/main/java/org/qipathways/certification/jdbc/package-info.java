/**
 * The certificate register in a SQL database through JDBC: SQLite (the embedded default) or
 * PostgreSQL, with versioned schema migrations.
 * <pre>{@code
 * try (JdbcCertificateRegister register = JdbcCertificateRegister.open("jdbc:sqlite:register.db")) {
 *     register.schemaVersion();   // 2
 * }
 * }</pre>
 */
package org.qipathways.certification.jdbc;
