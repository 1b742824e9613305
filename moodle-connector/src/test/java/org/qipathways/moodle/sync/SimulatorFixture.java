package org.qipathways.moodle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qipathways.moodle.MoodleClient;
import org.qipathways.moodle.MoodleConfig;
import org.qipathways.moodle.MoodleToken;
import org.qipathways.moodle.simulator.MoodleSimulator;

/** A simulator with the programme's scale made as an admin would, a client for it, and a state snapshot. */
final class SimulatorFixture implements AutoCloseable {

    static final List<String> TABLES = List.of("course_categories", "course", "enrol", "competency_framework",
            "competency", "competency_coursecomp", "competency_coursecompsetting", "competency_template",
            "competency_templatecomp", "cohort",
            "cohort_members", "user", "user_enrolments", "role_assignments");

    final MoodleSimulator sim;
    final MoodleClient client;
    final long scaleId;

    SimulatorFixture(MoodleSimulator.Builder builder, boolean bundling) {
        // one attempt: a test that cuts the site off wants the failure now, not after backoff sleeps
        this(builder, c -> c.maxAttempts(1).bundling(bundling));
    }

    /** A simulator from {@code builder} and a client configured by {@code settings}. */
    SimulatorFixture(MoodleSimulator.Builder builder, java.util.function.UnaryOperator<MoodleConfig.Builder> settings) {
        this.sim = builder.build();
        this.scaleId = sim.site().addScale("QI proficiency", List.of("Aware", "Practitioner", "Leader"));
        this.client = MoodleClient.create(settings.apply(MoodleConfig.builder(sim.url(), MoodleToken.of(sim.token())))
                .build());
    }

    SimulatorFixture() {
        this(MoodleSimulator.builder(), true);
    }

    SyncOptions options() {
        return SyncOptions.defaults().withScaleId(scaleId);
    }

    /** Every row of the tables a sync writes, without the columns that record when (or with what password) it ran. */
    String snapshot() {
        StringBuilder out = new StringBuilder();
        for (String table : TABLES) {
            for (Map<String, Object> row : sim.site().rows(table)) {
                Map<String, Object> kept = new TreeMap<>(row);
                kept.keySet().removeIf(k -> k.startsWith("time") || k.equals("password") || k.equals("usermodified"));
                out.append(table).append(' ').append(kept).append('\n');
            }
        }
        return out.toString();
    }

    /** The idnumbers of a table that occur more than once. */
    List<String> duplicateIdnumbers(String table) {
        List<String> seen = new ArrayList<>();
        List<String> dup = new ArrayList<>();
        for (Map<String, Object> row : sim.site().rows(table)) {
            Object idn = row.get("idnumber");
            if (idn != null && !String.valueOf(idn).isEmpty()) {
                if (seen.contains(String.valueOf(idn))) {
                    dup.add(String.valueOf(idn));
                }
                seen.add(String.valueOf(idn));
            }
        }
        return dup;
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
