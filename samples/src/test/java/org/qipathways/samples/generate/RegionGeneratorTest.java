package org.qipathways.samples.generate;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.programme.Programme;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.Learner;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerEvent.Assessed;
import org.qipathways.record.LearnerEvent.Attended;
import org.qipathways.record.LearnerEvent.Evidence;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.LearnersCsv;
import org.qipathways.record.ReadOptions;
import org.qipathways.record.ReadResult;
import org.qipathways.rules.Role;

/**
 * The generated region as the demo, the reports and the benchmarks rely on it: reproducible,
 * readable by the strict readers, inside its three years, and shaped like a real programme.
 */
class RegionGeneratorTest {

    static final LocalDate END = LocalDate.of(2025, 3, 31);
    static final LocalDate FIRST = LocalDate.of(2022, 4, 1);
    static final int N = 5_000;

    static Generated region;
    static List<Learner> learners;
    static List<LearnerEvent> events;
    static Map<String, LearnerRecord> records;

    record Generated(String learners, String events, RegionGenerator.Summary summary) {
    }

    static Generated generate(int n, long seed, LocalDate end) throws IOException {
        StringWriter l = new StringWriter();
        StringWriter e = new StringWriter();
        RegionGenerator.Summary s = RegionGenerator.of(new RegionConfig(n, seed, end)).writeTo(l, e);
        return new Generated(l.toString(), e.toString(), s);
    }

    @BeforeAll
    static void generateOnce() throws IOException {
        region = generate(N, 1, END);
        learners = LearnersCsv.read(new StringReader(region.learners()), "learners.csv", ReadOptions.STRICT).rows();
        events = EventsCsv.read(new StringReader(region.events()), "events.csv", Programme.reference(), ReadOptions.STRICT).rows();
        records = LearnerRecord.group(learners, events);
    }

    @Test
    void sameConfigGivesByteIdenticalFilesWhetherToWritersOrToADirectory(@TempDir Path dir) throws IOException {
        Generated again = generate(N, 1, END);
        assertThat(again.learners()).isEqualTo(region.learners());
        assertThat(again.events()).isEqualTo(region.events());

        RegionGenerator.of(new RegionConfig(N, 1, END)).writeTo(dir);
        assertThat(Files.readAllBytes(dir.resolve("learners.csv"))).isEqualTo(region.learners().getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(dir.resolve("events.csv"))).isEqualTo(region.events().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherSeedOrEndDateGivesAnotherRegion() throws IOException {
        Generated otherSeed = generate(N, 2, END);
        assertThat(otherSeed.learners()).isNotEqualTo(region.learners());
        assertThat(otherSeed.events()).isNotEqualTo(region.events());

        Generated otherEnd = generate(N, 1, END.minusDays(1));
        assertThat(otherEnd.events()).isNotEqualTo(region.events());
    }

    @Test
    void filesStartWithTheInterchangeHeadersAndUseCrlfLineEnds() {
        assertThat(region.learners()).startsWith("learner_id,organisation,staff_group,band,team,region\r\n");
        assertThat(region.events()).startsWith("learner_id,date,type,item,result\r\n");
        for (String text : List.of(region.learners(), region.events())) {
            assertThat(text).endsWith("\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        }
    }

    @Test
    void everyRowIsAcceptedByTheStrictReadersOfTheReferenceProgramme() {
        // The readers threw on any bad row when the files were read; here the counts must agree.
        assertThat(learners).hasSize(N);
        assertThat(events).hasSize((int) region.summary().events());
        assertThat(region.summary().learners()).isEqualTo(N);
        Set<String> ids = learners.stream().map(Learner::learnerId).collect(toSet());
        assertThat(events).allSatisfy(e -> assertThat(ids).contains(e.learnerId()));
        // Every learner's events are together and in date order.
        List<String> order = new ArrayList<>();
        LearnerEvent previous = null;
        for (LearnerEvent e : events) {
            if (previous == null || !previous.learnerId().equals(e.learnerId())) {
                assertThat(order).doesNotContain(e.learnerId());
                order.add(e.learnerId());
            } else {
                assertThat(e.date()).isAfterOrEqualTo(previous.date());
            }
            previous = e;
        }
    }

    @Test
    void everyEventFallsInTheThreeYearsEndingOnTheEndDate() {
        assertThat(new RegionConfig(N, 1, END).firstDay()).isEqualTo(FIRST);
        assertThat(events).allSatisfy(e -> assertThat(e.date()).isBetween(FIRST, END));
        LocalDate last = events.stream().map(LearnerEvent::date).max(LocalDate::compareTo).orElseThrow();
        assertThat(last).isAfter(END.minusDays(14));
        LocalDate first = events.stream().map(LearnerEvent::date).min(LocalDate::compareTo).orElseThrow();
        assertThat(first).isBefore(FIRST.plusDays(14));
    }

    @Test
    void learnersWorkInTeamsOfRealTrustsGroupedByIcbWithPlausibleStaffGroupsAndBands() {
        for (int i = 0; i < N; i++) {
            assertThat(learners.get(i).learnerId()).isEqualTo(String.format("L%07d", i + 1));
        }
        Set<String> icbs = Set.of("NHS West Yorkshire ICB", "NHS Humber and North Yorkshire ICB", "NHS South Yorkshire ICB");
        Map<String, Set<String>> regionsOfOrg = new HashMap<>();
        for (Learner l : learners) {
            assertThat(l.organisation()).matches("[RT][A-Z0-9]{2}");
            assertThat(l.region()).isIn(icbs);
            assertThat(l.team()).startsWith(l.organisation() + "-T").matches("[A-Z0-9]{3}-T\\d{3,}");
            regionsOfOrg.computeIfAbsent(l.organisation(), k -> new HashSet<>()).add(l.region());
        }
        assertThat(regionsOfOrg.get("RR8")).containsExactly("NHS West Yorkshire ICB");
        assertThat(regionsOfOrg.get("RHQ")).containsExactly("NHS South Yorkshire ICB");
        assertThat(regionsOfOrg.get("RWA")).containsExactly("NHS Humber and North Yorkshire ICB");
        assertThat(regionsOfOrg.values()).allSatisfy(r -> assertThat(r).hasSize(1));

        // Big teaching hospitals employ far more of the region than a small district trust.
        Map<String, Long> perOrg = learners.stream().collect(groupingBy(Learner::organisation, counting()));
        assertThat(perOrg.get("RR8")).isGreaterThan(3 * perOrg.get("RCF"));
        assertThat(perOrg.get("RHQ")).isGreaterThan(3 * perOrg.get("RFF"));

        // Teams are consecutive learners of one organisation, 5 to 15 of them.
        Map<String, Long> teamSizes = new TreeMap<>();
        String previousTeam = null;
        Set<String> closed = new HashSet<>();
        for (Learner l : learners) {
            if (!l.team().equals(previousTeam)) {
                assertThat(closed.add(l.team())).as("team %s appears in one run", l.team()).isTrue();
                previousTeam = l.team();
            }
            teamSizes.merge(l.team(), 1L, Long::sum);
        }
        assertThat(teamSizes.values()).allSatisfy(size -> assertThat(size).isBetween(5L, 15L));

        Set<String> staffGroups = Set.of("Medical and Dental", "Students", "Nursing and Midwifery Registered",
                "Allied Health Professionals", "Additional Professional Scientific and Technical", "Healthcare Scientists",
                "Additional Clinical Services", "Administrative and Clerical", "Estates and Ancillary");
        assertThat(learners).allSatisfy(l -> assertThat(l.staffGroup()).isIn(staffGroups));
        assertThat(group("Medical and Dental")).allSatisfy(l -> assertThat(l.band()).isNull());
        assertThat(group("Additional Clinical Services")).allSatisfy(l -> assertThat(l.band()).isIn("2", "3", "4"));
        assertThat(group("Administrative and Clerical")).allSatisfy(l -> assertThat(l.band()).isNotNull());
        List<Learner> nurses = group("Nursing and Midwifery Registered");
        assertThat(nurses.stream().filter(l -> l.band().equals("5") || l.band().equals("6")).count())
                .isGreaterThan(nurses.size() / 2);
        assertThat(nurses.size()).isGreaterThan(group("Medical and Dental").size());
    }

    @Test
    void theFunnelNarrowsFromBronzeToSilverToGold() {
        long bronze = learnersWith(e -> e instanceof Assessed a && a.score() >= 80
                || e instanceof LearnerEvent.PriorLearning p && p.decision() == LearnerEvent.Decision.APPROVED);
        long silver = learnersWith(e -> approved(e, "SLV-PLAN") || approved(e, "SLV-TEAM-PLAN"));
        long gold = learnersWith(e -> approved(e, "GLD-PROJECT"));
        long anyEvent = records.values().stream().filter(r -> !r.events().isEmpty()).count();

        assertThat(anyEvent).isLessThan(N);       // some staff never engage
        assertThat(bronze).isLessThan(anyEvent);  // some start and stall
        assertThat(silver).isLessThan(bronze / 2);
        assertThat(gold).isLessThan(silver / 4).isGreaterThanOrEqualTo(10);
    }

    @Test
    void historiesHoldTheStoriesAReportMustShow() {
        // Failed the knowledge check, then passed on a later attempt.
        assertThat(learnersWhere(r -> {
            LocalDate failed = first(r, e -> e instanceof Assessed a && a.score() < 80);
            LocalDate passed = first(r, e -> e instanceof Assessed a && a.score() >= 80);
            return failed != null && passed != null && passed.isAfter(failed);
        })).isGreaterThan(10);
        // Recognised prior learning, approved and rejected.
        assertThat(learnersWith(e -> e instanceof LearnerEvent.PriorLearning p && p.decision() == LearnerEvent.Decision.APPROVED))
                .isGreaterThan(10);
        assertThat(learnersWith(e -> e instanceof LearnerEvent.PriorLearning p && p.decision() == LearnerEvent.Decision.REJECTED))
                .isGreaterThan(0);
        // A plan rejected, then approved.
        assertThat(learnersWhere(r -> {
            LocalDate rejected = first(r, e -> e instanceof Evidence v && v.item().equals("SLV-PLAN") && v.status() == EvidenceStatus.REJECTED);
            return rejected != null && r.events().stream().anyMatch(e -> approved(e, "SLV-PLAN") && e.date().isAfter(rejected));
        })).isGreaterThan(0);
        // Stalled: Silver workshop attended 180+ days ago and no plan since.
        assertThat(learnersWhere(r -> {
            LocalDate workshop = first(r, e -> e instanceof Attended a && a.item().equals("SLV-IND") && a.role() == Role.PARTICIPANT);
            return workshop != null && !workshop.isAfter(END.minusDays(180))
                    && r.events().stream().noneMatch(e -> e.item().equals("SLV-PLAN"));
        })).isGreaterThan(10);
        // Trainers facilitate; assessors rate competencies; some tiers are revoked, with a reason.
        assertThat(learnersWith(e -> e instanceof Attended a && a.role() == Role.FACILITATOR)).isGreaterThan(10);
        assertThat(events.stream().filter(e -> e instanceof LearnerEvent.Rated).map(LearnerEvent::item).distinct().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(events.stream().filter(e -> e instanceof LearnerEvent.Revoked)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.result()).isNotBlank());
    }

    @Test
    void teamRouteMembersAttendTheirTeamsSessionsTogether() {
        Map<String, String> teamOf = new HashMap<>();
        learners.forEach(l -> teamOf.put(l.learnerId(), l.team()));
        Map<String, Set<LocalDate>> session1DatesPerTeam = new HashMap<>();
        Map<String, Set<String>> session1LearnersPerTeam = new HashMap<>();
        for (LearnerEvent e : events) {
            if (e instanceof Attended a && a.item().equals("SLV-TEAM-1") && a.role() == Role.PARTICIPANT) {
                String team = teamOf.get(e.learnerId());
                session1DatesPerTeam.computeIfAbsent(team, k -> new HashSet<>()).add(e.date());
                session1LearnersPerTeam.computeIfAbsent(team, k -> new HashSet<>()).add(e.learnerId());
            }
        }
        assertThat(session1DatesPerTeam).hasSizeGreaterThan(20);
        assertThat(session1DatesPerTeam.values()).allSatisfy(dates -> assertThat(dates).hasSize(1));
        assertThat(session1LearnersPerTeam.values().stream().filter(members -> members.size() >= 3)).hasSizeGreaterThan(20);
        long teamPlans = learnersWith(e -> approved(e, "SLV-TEAM-PLAN"));
        assertThat(teamPlans).isGreaterThan(50);
    }

    @Test
    void aConfigNeedsAtLeastOneLearnerAndAnEndDate() {
        assertThatThrownBy(() -> new RegionConfig(0, 1, END))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("learners must be at least 1, was 0");
        assertThatThrownBy(() -> new RegionConfig(10, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRegionSmallerThanATeamIsOneTeam() throws IOException {
        Generated tiny = generate(3, 1, END);
        List<Learner> three = LearnersCsv.read(new StringReader(tiny.learners()), "learners.csv", ReadOptions.STRICT).rows();
        assertThat(three).extracting(Learner::learnerId).containsExactly("L0000001", "L0000002", "L0000003");
        assertThat(three.stream().map(Learner::team).distinct()).hasSize(1);
    }

    @Test
    void writingToADirectoryReplacesOldFilesAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("events.csv"), "old");
        RegionGenerator.Summary s = RegionGenerator.of(new RegionConfig(100, 9, END)).writeTo(dir.resolve("out"));
        RegionGenerator.of(new RegionConfig(100, 9, END)).writeTo(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("learners.csv", "events.csv", "out");
        }
        assertThat(Files.readString(dir.resolve("events.csv"))).isEqualTo(Files.readString(dir.resolve("out/events.csv")));
        ReadResult<LearnerEvent> read = EventsCsv.read(dir.resolve("events.csv"), Programme.reference(), ReadOptions.STRICT);
        assertThat(read.rows()).hasSize((int) s.events());
    }

    @Test
    void progressIsReportedEveryTenThousandLearnersAndAtTheEnd() throws IOException {
        List<Integer> seen = new ArrayList<>();
        RegionGenerator.of(new RegionConfig(25_000, 1, END)).withProgress(seen::add)
                .writeTo(new StringWriter(), new StringWriter());
        assertThat(seen).containsExactly(10_000, 20_000, 25_000);
    }

    static List<Learner> group(String staffGroup) {
        return learners.stream().filter(l -> staffGroup.equals(l.staffGroup())).toList();
    }

    static boolean approved(LearnerEvent e, String unit) {
        return e instanceof Evidence v && v.item().equals(unit) && v.status() == EvidenceStatus.APPROVED;
    }

    static long learnersWith(Predicate<LearnerEvent> p) {
        return learnersWhere(r -> r.events().stream().anyMatch(p));
    }

    static long learnersWhere(Predicate<LearnerRecord> p) {
        return records.values().stream().filter(p).count();
    }

    static LocalDate first(LearnerRecord r, Predicate<LearnerEvent> p) {
        return r.events().stream().filter(p).map(LearnerEvent::date).findFirst().orElse(null);
    }
}
