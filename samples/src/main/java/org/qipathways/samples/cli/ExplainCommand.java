package org.qipathways.samples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Requirement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qip explain}: one learner's progress in plain words: for each tier what is done (with
 * dates), what is missing, and the next step.
 * <pre>{@code
 * $ qip explain --events events.csv --learner L0000042 --as-of 2026-03-31
 * }</pre>
 */
@Command(name = "explain",
        description = "One learner's progress in plain words: what is done, what is missing, what to do next.",
        footer = {"", "Exit codes: 0 done; 2 bad input, an unknown learner, or bad usage."})
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    ProgrammeOption programme;

    @Mixin
    LearnerInput input;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--learner", paramLabel = "ID", required = true, description = "The learner's id.")
    String learner;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Programme p = programme.programme();
        List<LearnerRecord> records = input.read(p, spec.commandLine().getErr());
        LearnerRecord record = records.stream().filter(r -> r.learnerId().equals(learner)).findFirst()
                .orElseThrow(() -> QipException.badInput("learner " + learner + " is not in " + input.events
                        + (input.learners == null ? "" : " or " + input.learners)));
        LocalDate date = asOf.date();
        Progress progress = Evaluator.of(p).evaluate(record, date);
        out.print(render(p, progress));
        out.flush();
        return ExitCodes.OK;
    }

    /** The explanation as text. */
    static String render(Programme programme, Progress progress) {
        StringBuilder sb = new StringBuilder();
        sb.append("Learner ").append(progress.learnerId()).append(" on ").append(programme.title())
                .append(", as of ").append(progress.asOf()).append("\n");
        String next = null;
        for (TierProgress t : progress.tiers()) {
            sb.append("\n").append(t.title()).append(": ").append(headline(t)).append("\n");
            List<String> done = new ArrayList<>();
            done(t.rule(), done);
            if (!done.isEmpty() && t.status() != TierStatus.REVOKED) {
                sb.append("  Done:\n");
                done.forEach(d -> sb.append("    - ").append(d).append("\n"));
            }
            if (!t.unmet().isEmpty()) {
                sb.append("  Still to do:\n");
                t.unmet().forEach(u -> sb.append("    - ").append(u).append("\n"));
                if (next == null && t.status() != TierStatus.REVOKED) {
                    next = t.title() + ": " + t.unmet().get(0);
                }
            }
            if (t.status() == TierStatus.ACHIEVED && t.renewal() != null && t.expiresOn() != null) {
                sb.append("  To renew before ").append(t.expiresOn()).append(": ").append(t.renewal().description())
                        .append(t.renewal().holds() ? " (met so far)" : " (" + t.renewal().missing() + ")").append("\n");
            }
        }
        sb.append("\nNext step: ").append(next == null ? "nothing: every tier is achieved." : next).append("\n");
        return sb.toString();
    }

    private static String headline(TierProgress t) {
        return switch (t.status()) {
            case ACHIEVED -> "ACHIEVED on " + t.achievedOn()
                    + (t.expiresOn() == null ? " (does not expire)" : ", valid until " + t.expiresOn());
            case LAPSED -> "LAPSED: achieved on " + t.achievedOn() + ", expired on " + t.expiresOn();
            case REVOKED -> "REVOKED on " + t.revokedOn() + (t.revocationReason() == null ? "" : " (" + t.revocationReason() + ")");
            case IN_PROGRESS -> t.achievedOn() != null ? "IN PROGRESS again (achieved on " + t.achievedOn() + ", no longer held)"
                    : "IN PROGRESS";
            case NOT_STARTED -> "NOT STARTED";
        };
    }

    /** The requirements that hold, leaves first-hand, each with the date it has held since. */
    private static void done(RequirementResult r, List<String> out) {
        boolean composite = !r.children().isEmpty();
        if (!composite) {
            if (r.holds() && !(r.requirement() instanceof Requirement.HoldsTier)) {
                out.add(r.description() + " (since " + r.since() + ")");
            }
            return;
        }
        if (r.requirement() instanceof Requirement.AnyOf && r.holds()) {
            // Show the route that was taken, not the alternatives.
            for (RequirementResult c : r.children()) {
                if (c.holds()) {
                    done(c, out);
                    return;
                }
            }
        }
        r.children().forEach(c -> done(c, out));
    }
}
