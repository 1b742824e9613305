package org.qipathways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PlatformsTest {

    private static final PlatformSettings SETTINGS = PlatformSettings.of(URI.create("https://lms.example.org"), "s3cret-credential");

    @Test
    void discoveryFindsTheProvidersRegisteredInMetaInfServices() {
        Platforms platforms = Platforms.discover();

        assertThat(platforms.providers()).extracting(LearningPlatformProvider::name).contains("fake");
        try (LearningPlatform fake = platforms.open("fake", SETTINGS)) {
            assertThat(fake.check().site()).isEqualTo("https://lms.example.org");
            assertThat(fake.check().ok()).isTrue();
        }
    }

    @Test
    void explicitRegistrationUsesExactlyTheGivenProviders() {
        Platforms platforms = Platforms.of(new FakePlatformProvider());

        assertThat(platforms.find("fake")).isPresent();
        assertThat(platforms.find("moodle")).isEmpty();
    }

    @Test
    void anUnknownNameListsTheNamesThereAre() {
        assertThatThrownBy(() -> Platforms.of(new FakePlatformProvider()).open("moodle", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no learning-platform connector called 'moodle'; there are: fake");
        assertThatThrownBy(() -> Platforms.of().open("moodle", SETTINGS))
                .hasMessageContaining("none is on the class path");
    }

    @Test
    void twoProvidersWithOneNameAreRefusedNamingWhereEachCameFrom() {
        assertThatThrownBy(() -> Platforms.of(new FakePlatformProvider(), new FakePlatformProvider()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two learning-platform connectors are called 'fake'")
                .hasMessageContaining(Platforms.origin(FakePlatformProvider.class));
    }

    @Test
    void theOriginOfAClassIsTheDirectoryOrJarItWasLoadedFrom() {
        assertThat(Platforms.origin(FakePlatformProvider.class)).startsWith("file:").contains("test-classes");
    }

    @Test
    void settingsNeverShowTheCredential() {
        PlatformSettings s = SETTINGS.withOption("max-input-vars", "5000");

        assertThat(s.toString()).doesNotContain("s3cret").contains("(redacted)").contains("max-input-vars=5000");
        assertThatThrownBy(() -> PlatformSettings.of(URI.create("https://x.org"), " "))
                .hasMessage("the credential for https://x.org is blank");
    }

    @Test
    void aSyncSummaryReadsAsTheCommandLinePrintsIt() {
        assertThat(new SyncSummary(3, 1, 20, 0)).hasToString("created 3, updated 1, removed 0, unchanged 20, failed 0");
        assertThat(new SyncSummary(3, 1, 2, 20, 0).toPlanString())
                .isEqualTo("would create 3, would update 1, would remove 2, unchanged 20");
        assertThatThrownBy(() -> new SyncSummary(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
