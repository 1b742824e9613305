package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.stubbing.Answer;
import org.qipathways.certification.jdbc.JdbcCertificateRegister;
import org.qipathways.programme.Programme;
import org.qipathways.record.LearnerRecord;

/**
 * The register's failure paths, with Mockito doubles of {@link DataSource} and {@link Connection}
 * around a real SQLite database that fail at the k-th statement a certify run executes, for every k
 * of the run (BEGIN, the reads, the inserts of certificates, the status updates, the audit entries,
 * COMMIT): the transaction the failure falls in is rolled back whole, the run stops with a
 * {@link RegisterException} that says nothing was written, and a rerun completes to the state an
 * undisturbed run leaves.
 */
class RegisterFailurePathsTest {

    private static final Programme PROGRAMME = Programme.reference();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    @TempDir
    Path dir;

    /** 18 learners of every kind: Bronze, Silver, Gold, Gold renewed, Gold lapsed, Bronze revoked. */
    private static List<LearnerRecord> learners() {
        return CertifierContract.region().subList(0, 18);
    }

    /** The first run issues; the second, later, renews, lapses and revokes: inserts, updates and audit. */
    private static final LocalDate FIRST = LocalDate.parse("2023-12-31");
    private static final LocalDate SECOND = LocalDate.parse("2025-06-01");

    private static Clock clock(LocalDate day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC);
    }

    private static CertifyReport certify(JdbcCertificateRegister register, LocalDate day) {
        return Certifier.of(PROGRAMME, register, clock(day), "test run").withBatchSize(5).certify(learners(), day);
    }

    /**
     * A data source whose connections are Mockito doubles delegating to real SQLite connections;
     * once {@code armed}, the statement execution that makes {@code executions} reach {@code failAt}
     * throws, as a lost connection or a full disk would.
     */
    private static DataSource failing(String url, AtomicInteger executions, int failAt, boolean[] armed) throws SQLException {
        DataSource ds = mock(DataSource.class);
        when(ds.getConnection()).thenAnswer(i -> {
            Connection real = DriverManager.getConnection(url);
            Connection c = mock(Connection.class, withSettings().defaultAnswer(wrapping(real, executions, failAt, armed)));
            return c;
        });
        return ds;
    }

    /** Delegates to {@code target}, wrapping the statements it makes and counting their executions. */
    private static Answer<Object> wrapping(Object target, AtomicInteger executions, int failAt, boolean[] armed) {
        Answer<Object> delegate = delegatesTo(target);
        return invocation -> {
            String name = invocation.getMethod().getName();
            if (armed[0] && EXECUTIONS.contains(name) && executions.incrementAndGet() == failAt) {
                throw new SQLException("simulated failure at statement " + failAt + " (" + name + ")");
            }
            Object result = delegate.answer(invocation);
            if (result instanceof PreparedStatement ps && !(target instanceof Statement)) {
                return mock(PreparedStatement.class, withSettings().defaultAnswer(wrapping(ps, executions, failAt, armed)));
            }
            if (result instanceof Statement s && !(target instanceof Statement)) {
                return mock(Statement.class, withSettings().defaultAnswer(wrapping(s, executions, failAt, armed)));
            }
            return result;
        };
    }

    private static String state(JdbcCertificateRegister register) {
        StringBuilder sb = new StringBuilder();
        for (Certificate c : register.certificates(PROGRAMME.code())) {
            sb.append(c.id()).append(' ').append(c.learnerId()).append(' ').append(c.tier()).append(' ')
                    .append(c.validFrom()).append(' ').append(c.validUntil()).append(' ').append(c.status()).append('\n');
        }
        for (AuditEntry a : register.auditTrail()) {
            sb.append(a.certificateId()).append(' ').append(a.action()).append(' ').append(a.at()).append('\n');
        }
        return sb.toString();
    }

    /** What a run with no failure leaves, and how many statements its second stage executes. */
    private record Reference(String afterFirst, String afterSecond, int firstStatements, int secondStatements) {
    }

    private Reference reference() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("reference.db");
        AtomicInteger executions = new AtomicInteger();
        boolean[] armed = {false};
        DataSource ds = failing(url, executions, Integer.MAX_VALUE, armed);
        try (JdbcCertificateRegister register = JdbcCertificateRegister.open("reference", ds::getConnection)) {
            armed[0] = true;
            certify(register, FIRST);
            int first = executions.get();
            certify(register, SECOND);
            int second = executions.get() - first;
            armed[0] = false;
            String afterSecond = state(register);
            try (JdbcCertificateRegister other = JdbcCertificateRegister.open("jdbc:sqlite:" + dir.resolve("first.db"))) {
                certify(other, FIRST);
                return new Reference(state(other), afterSecond, first, second);
            }
        }
    }

    @ParameterizedTest(name = "fail in the {0} run")
    @ValueSource(strings = {"first", "second"})
    void aFailureAtAnyStatementRollsBackItsTransactionAndARerunCompletes(String stage) throws SQLException {
        Reference ref = reference();
        boolean second = stage.equals("second");
        int statements = second ? ref.secondStatements() : ref.firstStatements();
        assertThat(statements).as("statements of the %s run", stage).isGreaterThan(10);
        List<Integer> tried = new ArrayList<>();
        for (int k = 1; k <= statements; k++) {
            String url = "jdbc:sqlite:" + dir.resolve(stage + "-" + k + ".db");
            try (JdbcCertificateRegister setUp = JdbcCertificateRegister.open(url)) {
                if (second) {
                    certify(setUp, FIRST);
                }
            }
            AtomicInteger executions = new AtomicInteger();
            boolean[] armed = {false};
            DataSource ds = failing(url, executions, k, armed);
            try (JdbcCertificateRegister dying = JdbcCertificateRegister.open("failing at " + k, ds::getConnection)) {
                armed[0] = true;
                LocalDate day = second ? SECOND : FIRST;
                Throwable failure = catchThrowable(() -> certify(dying, day));
                assertThat(failure).as("a failure at statement %d of %d (executed %d)", k, statements, executions.get())
                        .isInstanceOf(RegisterException.class)
                        .hasMessageContaining("simulated failure at statement " + k);
                armed[0] = false;
                String after = state(dying);
                // Whole transactions only: every certificate has its audit entry, every entry its certificate.
                List<CertificateId> issues = dying.auditTrail().stream()
                        .filter(a -> a.action() == AuditAction.ISSUED || a.action() == AuditAction.RENEWED)
                        .map(AuditEntry::certificateId).toList();
                assertThat(issues).doesNotHaveDuplicates();
                assertThat(dying.certificates(PROGRAMME.code())).extracting(Certificate::id)
                        .containsExactlyInAnyOrderElementsOf(issues);
                if (second) {
                    // the audit trail (lines "id action at") is append-only: the first run's entries all remain
                    assertThat(after.lines().toList()).as("the first run's audit trail is untouched")
                            .containsAll(ref.afterFirst().lines().filter(l -> l.split(" ").length == 3).toList());
                }
            }
            try (JdbcCertificateRegister rerun = JdbcCertificateRegister.open(url)) {
                certify(rerun, second ? SECOND : FIRST);
                assertThat(state(rerun)).as("after a failure at statement %d and a rerun", k)
                        .isEqualTo(second ? ref.afterSecond() : ref.afterFirst());
            }
            tried.add(k);
        }
        assertThat(tried).hasSize(statements);
        System.out.printf("register failure paths, %s run: failed at each of its %d statements in turn;"
                + " rolled back %d, rerun completed %d%n", stage, statements, tried.size(), tried.size());
    }

    @Test
    void aFailureOnRollbackStillReportsTheFirstCause() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("rollback.db");
        JdbcCertificateRegister.open(url).close();
        Connection real = DriverManager.getConnection(url);
        Connection c = mock(Connection.class, withSettings().defaultAnswer(delegatesTo(real)));
        DataSource ds = mock(DataSource.class);
        when(ds.getConnection()).thenReturn(c);
        try (JdbcCertificateRegister register = JdbcCertificateRegister.open("rollback", ds::getConnection)) {
            doThrow(new SQLException("disk full")).when(c).prepareStatement(startsWith("INSERT INTO certificate"));
            doAnswer(i -> {
                Statement d = mock(Statement.class, withSettings().defaultAnswer(delegatesTo(real.createStatement())));
                doThrow(new SQLException("connection lost")).when(d).execute("ROLLBACK");
                return d;
            }).when(c).createStatement();
            assertThatThrownBy(() -> certify(register, FIRST)).isInstanceOf(RegisterException.class)
                    .hasMessageContaining("disk full").hasMessageContaining("nothing was written");
        }
        try (JdbcCertificateRegister after = JdbcCertificateRegister.open(url)) {
            assertThat(after.certificates(PROGRAMME.code())).isEmpty();
            assertThat(certify(after, FIRST).issued()).isPositive();
        }
    }
}
