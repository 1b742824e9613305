package org.qipathways.samples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.Progress;
import org.qipathways.progress.TierProgress;
import org.qipathways.progress.TierStatus;
import org.qipathways.record.EventsCsv;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerRecord;
import org.qipathways.record.ReadOptions;

/**
 * The generated histories judged by the evaluator itself, as the demo and the reports will judge
 * them: the tiers form a funnel, and Gold is renewed, lapses and is revoked somewhere in the region.
 */
class RegionEvaluationTest {

    static final LocalDate END = LocalDate.of(2025, 3, 31);
    static final Map<String, Integer> STATUS_COUNTS = new TreeMap<>();
    static final List<TierProgress> GOLD = new ArrayList<>();

    @BeforeAll
    static void evaluateARegion() throws IOException {
        StringWriter events = new StringWriter();
        RegionGenerator.of(new RegionConfig(5_000, 1, END)).writeTo(new StringWriter(), events);
        Programme programme = Programme.reference();
        List<LearnerEvent> rows = EventsCsv.read(new StringReader(events.toString()), "events.csv", programme,
                ReadOptions.STRICT).rows();
        Evaluator evaluator = Evaluator.of(programme);
        for (LearnerRecord r : LearnerRecord.group(List.of(), rows).values()) {
            Progress p = evaluator.evaluate(r, END);
            for (TierProgress t : p.tiers()) {
                STATUS_COUNTS.merge(t.tier() + " " + t.status(), 1, Integer::sum);
            }
            GOLD.add(p.tier("GOLD"));
        }
    }

    @Test
    void moreLearnersHoldBronzeThanSilverAndSilverThanGold() {
        int bronze = everAchieved("BRONZE");
        int silver = everAchieved("SILVER");
        int gold = everAchieved("GOLD");
        assertThat(bronze).isGreaterThan(2 * silver);
        assertThat(silver).isGreaterThan(4 * gold);
        assertThat(gold).isGreaterThanOrEqualTo(20);
        assertThat(count("SILVER", TierStatus.IN_PROGRESS)).as("people part-way through Silver").isGreaterThan(100);
    }

    @Test
    void someGoldHoldersRenewAndSomeLapse() {
        assertThat(GOLD.stream().filter(t -> t.status() == TierStatus.ACHIEVED
                && t.expiresOn().isAfter(t.achievedOn().plusYears(2)))).as("renewed").hasSizeGreaterThan(5);
        assertThat(count("GOLD", TierStatus.LAPSED)).isGreaterThan(0);
    }

    @Test
    void someTiersAreRevoked() {
        assertThat(count("BRONZE", TierStatus.REVOKED) + count("SILVER", TierStatus.REVOKED) + count("GOLD", TierStatus.REVOKED))
                .isGreaterThan(3);
    }

    static int everAchieved(String tier) {
        return count(tier, TierStatus.ACHIEVED) + count(tier, TierStatus.LAPSED) + count(tier, TierStatus.REVOKED);
    }

    static int count(String tier, TierStatus status) {
        return STATUS_COUNTS.getOrDefault(tier + " " + status, 0);
    }
}
