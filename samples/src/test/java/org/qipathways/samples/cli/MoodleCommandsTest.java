package org.qipathways.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.simulator.MoodleSimulator;
import picocli.CommandLine;

/** {@code qip doctor} and {@code qip moodle-sim}, run as users run them. */
class MoodleCommandsTest {

    private final List<MoodleSimulator> sims = new ArrayList<>();

    @AfterEach
    void stop() {
        sims.forEach(MoodleSimulator::close);
    }

    private MoodleSimulator sim(MoodleSimulator.Builder b) {
        MoodleSimulator s = b.build();
        sims.add(s);
        return s;
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code qip args} with {@code environment} as the process environment. */
    private static Run qip(Map<String, String> environment, String... args) {
        Function<String, String> env = environment::get;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == DoctorCommand.class ? cls.cast(new DoctorCommand(env)) : CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cli = Qip.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    // ---- doctor ----------------------------------------------------------------------------------

    @Test
    void doctorPrintsTheSiteAndPassesAReadySite() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());

        Run r = qip(Map.of("MOODLE_TOKEN", sim.token()), "doctor", "--moodle", sim.url().toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Site:      QI Academy (Moodle simulator) (" + sim.url() + ")")
                .contains("Moodle:    5.1+ (Build: 20251205), version 2025100600.13")
                .contains("User:      Integration User (wsconnector, id 3)")
                .contains("OK: the connector can work with this site.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void doctorListsTheMissingFunctionsAndExitsWith1() {
        MoodleSimulator sim = sim(MoodleSimulator.builder().withoutFunctions("enrol_manual_enrol_users",
                "core_cohort_add_cohort_members"));

        Run r = qip(Map.of("MOODLE_TOKEN", sim.token()), "doctor", "--moodle", sim.url().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Functions: 2 of the 43 functions the connector needs are missing from the token's service:\n"
                .replace("\n", System.lineSeparator()) + "  - core_cohort_add_cohort_members" + System.lineSeparator()
                + "  - enrol_manual_enrol_users").contains("NOT READY: 2 problems to fix.");
    }

    @Test
    void doctorSaysWhatIsLostWithoutAnOptionalFunctionAndStillPasses() {
        MoodleSimulator sim = sim(MoodleSimulator.builder().withoutFunctions("core_course_duplicate_course",
                "core_competency_read_template"));

        Run r = qip(Map.of("MOODLE_TOKEN", sim.token()), "doctor", "--moodle", sim.url().toString());

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Functions: all 43 functions the connector needs are in the token's service")
                .contains("Optional:  core_course_duplicate_course is not in the token's service: unit courses cannot be"
                        + " copied from an administrator's template course")
                .doesNotContain("core_competency_read_template")
                .contains("OK: the connector can work with this site.");
    }

    @Test
    void doctorWithoutATokenIsBadUsage() {
        Run r = qip(Map.of(), "doctor", "--moodle", "https://moodle.example.org");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("qip doctor: set the MOODLE_TOKEN environment variable to the site's web-service token");
    }

    @Test
    void doctorRefusesPlainHttpToARemoteSite() {
        Run r = qip(Map.of("MOODLE_TOKEN", "abc123"), "doctor", "--moodle", "http://moodle.example.org");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--moodle: the Moodle site must use https");
    }

    @Test
    void doctorSaysWhenTheSiteCannotBeReachedOrRefusesTheToken() {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        String url = sim.url().toString();

        Run refused = qip(Map.of("MOODLE_TOKEN", "0123456789abcdef"), "doctor", "--moodle", url);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("qip doctor: cannot check " + url + ": core_webservice_get_site_info:"
                + " Moodle refused the call: invalidtoken");

        sim.close();
        Run unreachable = qip(Map.of("MOODLE_TOKEN", "0123456789abcdef"), "doctor", "--moodle", url);
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot connect to 127.0.0.1");
    }

    @Test
    void doctorVerboseLogsEachRequestWithTheTokenRedacted() throws Exception {
        MoodleSimulator sim = sim(MoodleSimulator.builder());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Qip.class.getName(), "doctor", "--moodle",
                sim.url().toString(), "-v");
        pb.environment().put("MOODLE_TOKEN", sim.token());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("OK: the connector can work with this site.");
        assertThat(err).contains("DEBUG").contains("core_webservice_get_site_info: POST " + sim.url()
                + "/webservice/rest/server.php (3 vars").contains("core_webservice_get_site_info: HTTP 200 in");
        assertThat(out + err).doesNotContain(sim.token());
    }

    // ---- moodle-sim ------------------------------------------------------------------------------

    @Test
    void theSimulatorCommandPrintsItsAddressAndATokenThatDoctorAccepts() throws Exception {
        MoodleSimCommand command = new MoodleSimCommand();
        CommandLine cli = Qip.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == MoodleSimCommand.class ? cls.cast(command) : CommandLine.defaultFactory().create(cls);
            }
        });
        PipedWriter pipe = new PipedWriter();
        BufferedReader printed = new BufferedReader(new PipedReader(pipe, 8192));
        cli.setOut(new PrintWriter(pipe, true));
        int[] exit = {-1};
        Thread running = new Thread(() -> exit[0] = cli.execute("moodle-sim", "--missing-function",
                "core_user_create_users"));
        running.start();

        String listening = printed.readLine();
        String token = printed.readLine().substring("Token: ".length());
        assertThat(listening).startsWith("Moodle simulator (NOT a real Moodle site) listening at http://127.0.0.1:");
        String url = listening.substring(listening.indexOf("http://"));
        assertThat(printed.readLine()).isEqualTo("Try:   MOODLE_TOKEN=" + token + " qip doctor --moodle " + url);
        assertThat(printed.readLine()).startsWith("Then:  MOODLE_TOKEN=" + token + " qip sync --moodle " + url
                + " --scale-id 3 --apply");

        Run doctor = qip(Map.of("MOODLE_TOKEN", token), "doctor", "--moodle", url);
        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.out()).contains("  - core_user_create_users");

        command.stop();
        running.join(10_000);
        assertThat(exit[0]).isZero();
    }

    @Test
    void anUnknownFunctionNameIsBadUsage() {
        Run r = qip(Map.of(), "moodle-sim", "--missing-function", "core_no_such_thing");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the simulator has no function core_no_such_thing");
    }
}
