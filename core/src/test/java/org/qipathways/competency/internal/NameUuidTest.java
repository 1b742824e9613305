package org.qipathways.competency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidTest {

    @Test
    void matchesTheRfcVersion5Algorithm() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(NameUuid.v5(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void isStableAndVersion5InTheCaseNamespace() {
        UUID a = NameUuid.v5(NameUuid.CASE_NAMESPACE, "QI-CF/item/C-MFI");
        assertThat(NameUuid.v5(NameUuid.CASE_NAMESPACE, "QI-CF/item/C-MFI")).isEqualTo(a);
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(NameUuid.v5(NameUuid.CASE_NAMESPACE, "QI-CF/item/C-MEASURE")).isNotEqualTo(a);
    }
}
