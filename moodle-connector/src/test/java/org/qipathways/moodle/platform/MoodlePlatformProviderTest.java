package org.qipathways.moodle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The plugin's options, read from core's {@code PlatformSettings}. */
class MoodlePlatformProviderTest {

    @Test
    void unknownPluginOptionsAreRefusedByName() {
        assertThatThrownBy(() -> MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123").withOption("max-vars", "5")))
                .hasMessageStartingWith("the Moodle connector has no option 'max-vars'; its options are auth, bundling, call-timeout-seconds, email-domain, max-attempts");
        assertThatThrownBy(() -> MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123").withOption("max-input-vars", "lots")))
                .hasMessage("option max-input-vars: 'lots' is not a number");
        assertThat(MoodlePlatformProvider.config(org.qipathways.platform.PlatformSettings
                .of(java.net.URI.create("https://moodle.example.org"), "abc123")
                .withOption("max-input-vars", "5000").withOption("bundling", "false")
                .withOption("call-timeout-seconds", "90").withOption("max-reply-bytes", "4194304")))
                .satisfies(cfg -> {
                    assertThat(cfg.maxInputVars()).isEqualTo(5000);
                    assertThat(cfg.bundling()).isFalse();
                    assertThat(cfg.callTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
                    assertThat(cfg.maxReplyBytes()).isEqualTo(4194304L);
                });
    }
}
