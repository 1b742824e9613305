package org.qipathways.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qipathways.programme.Programme;

/**
 * Property-based fuzzing of the events and learners readers: whatever the text (valid files mutated
 * character by character, CSV-ish noise, control characters, broken quoting, any bytes), a read
 * either returns rows or throws {@link InvalidInputException}, the documented failure; never another
 * exception, never a hang; and every row returned is one a valid file could hold.
 */
class ReadersFuzzTest {

    private static final Programme P = Programme.reference();
    /** Far above any single read here: only a hang reaches it. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private static final String EVENTS = """
            learner_id,date,type,item,result
            L1,2025-03-14,completed,BRZ-ELN,
            L1,2025-03-15,assessed,BRZ-QUIZ,85
            L2,2025-03-14,attended,SLV-IND,participant
            "L2",2025-04-01,evidence,SLV-PLAN,approved
            L3,2025-03-14,rated,C-COACH,3
            L3,2025-03-14,revoked,GOLD,"left, then ""rejoined""\"
            """;
    private static final String LEARNERS = """
            learner_id,organisation,staff_group,band,team,region
            L1,RHQ,"Nursing and Midwifery Registered",6,T-1,South Yorkshire
            L2,rr8,,8a,,
            """;

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("qip-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** Characters that matter to CSV and to the checks, and some that should never appear. */
    private static Arbitrary<Character> tricky() {
        return Arbitraries.of(',', '"', '\n', '\r', ' ', '\t', '\u0000', '\u001b', '\u0085', '\u007f', '\uFEFF', '-',
                '9', 'L', '=', ';', 'é', '\uD83D', '\uDE00');
    }

    /** {@code base} with a few characters inserted, deleted or replaced at random places. */
    private static Arbitrary<String> mutated(String base) {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, base.length()), Arbitraries.integers().between(0, 18))
                .as((op, at, c) -> new int[] {op, at, c});
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            StringBuilder sb = new StringBuilder(base);
            List<Character> chars = List.of(',', '"', '\n', '\r', ' ', '\t', '\u0000', '\u001b', '\u0085', '\u007f',
                    '\uFEFF', '-', '9', 'L', '=', ';', 'é', '\uD83D', '\uDE00');
            for (int[] e : edits) {
                int at = Math.min(e[1], sb.length());
                char c = chars.get(e[2]);
                switch (e[0]) {
                    case 0 -> sb.insert(at, c);
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < sb.length()) {
                            sb.setCharAt(at, c);
                        }
                    }
                }
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> eventsTexts() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("abcLBRZ-ELNQUIZ0123456789,.\"\n\r \t").ofMaxLength(300)
                .map(s -> "learner_id,date,type,item,result\n" + s);
        Arbitrary<String> wild = tricky().list().ofMaxSize(200).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.oneOf(mutated(EVENTS), noise, wild, Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> learnersTexts() {
        return Arbitraries.oneOf(mutated(LEARNERS), Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<ReadOptions> options() {
        return Arbitraries.of(ReadOptions.STRICT, ReadOptions.SKIP_INVALID, ReadOptions.STRICT.withMaxValueLength(8),
                ReadOptions.SKIP_INVALID.withMaxLineLength(30), ReadOptions.STRICT.withMaxProblems(1));
    }

    @Property(tries = 400, seed = "16")
    void eventsReaderReturnsRowsOrThrowsInvalidInput(@ForAll("eventsTexts") String text, @ForAll("options") ReadOptions o) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                ReadResult<LearnerEvent> r = EventsCsv.read(new StringReader(text), "events.csv", P, o);
                assertThat(r.counts().read()).isEqualTo(r.rows().size() + r.rejected().size());
                for (LearnerEvent e : r.rows()) {
                    assertThat(e.date()).isBetween(o.earliestDate(), o.latestDate());
                    assertThat(e.learnerId() + e.item() + e.result()).doesNotContain("\u0000", "\u001b", "\u0085");
                }
                if (!o.skipInvalid()) {
                    assertThat(r.rejected()).isEmpty();
                }
            } catch (InvalidInputException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage().chars().filter(c -> Character.isISOControl(c) && c != '\n')).isEmpty();
            }
        });
    }

    @Property(tries = 200, seed = "16")
    void learnersReaderReturnsRowsOrThrowsInvalidInput(@ForAll("learnersTexts") String text, @ForAll("options") ReadOptions o) {
        assertTimeoutPreemptively(HANG, () -> {
            try {
                ReadResult<Learner> r = LearnersCsv.read(new StringReader(text), "learners.csv", o);
                for (Learner l : r.rows()) {
                    assertThat(String.valueOf(l.staffGroup()) + l.team() + l.region()).doesNotContain("\u0000", "\u001b");
                }
            } catch (InvalidInputException e) {
                assertThat(e.problems()).isNotEmpty();
            }
        });
    }

    @Property(tries = 200, seed = "16")
    void anyBytesReadFromAFileGiveRowsOrInvalidInput(@ForAll byte[] bytes, @ForAll("options") ReadOptions o) throws IOException {
        byte[] head = "learner_id,date,type,item,result\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        Path file = Files.write(dir.resolve("events.csv"), all);
        assertTimeoutPreemptively(HANG, () -> {
            try {
                EventsCsv.read(file, P, o);
                LearnersCsv.read(file, o);
            } catch (InvalidInputException e) {
                assertThat(e.problems()).isNotEmpty();
            }
        });
    }
}
