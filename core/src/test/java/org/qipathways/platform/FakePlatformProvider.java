package org.qipathways.platform;

import java.time.LocalDate;
import java.util.List;
import org.qipathways.programme.Programme;
import org.qipathways.progress.Progress;
import org.qipathways.record.LearnerEvent;

/** A connector registered in this module's test META-INF/services, for the discovery tests. */
public final class FakePlatformProvider implements LearningPlatformProvider {

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String description() {
        return "a platform that answers from memory";
    }

    @Override
    public LearningPlatform open(PlatformSettings settings) {
        return new LearningPlatform() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public PlatformCheck check() {
                return new PlatformCheck("fake", settings.site().toString(), "Fake", "1", "tester", List.of(), List.of());
            }

            @Override
            public SyncSummary pushProgramme(Programme programme, SyncMode mode) {
                return new SyncSummary(0, 0, programme.units().size(), 0);
            }

            @Override
            public List<LearnerEvent> pullEvents(Programme programme, LocalDate since) {
                return List.of();
            }

            @Override
            public SyncSummary publishOutcomes(Programme programme, List<Progress> progress, SyncMode mode) {
                return new SyncSummary(0, 0, 0, 0);
            }

            @Override
            public void close() {
            }
        };
    }
}
