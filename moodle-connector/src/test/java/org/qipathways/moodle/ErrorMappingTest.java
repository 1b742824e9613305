package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Moodle error code the client maps, and what becomes of the others. */
class ErrorMappingTest {

    private static final Map<String, Class<? extends MoodleErrorException>> EXPECTED = Map.ofEntries(
            Map.entry("invalidtoken", InvalidTokenException.class),
            Map.entry("accessexception", MoodleAccessException.class),
            Map.entry("wsaccessuserdeleted", MoodleAccessException.class),
            Map.entry("wsaccessuserunconfirmed", MoodleAccessException.class),
            Map.entry("wsaccessusersuspended", MoodleAccessException.class),
            Map.entry("wsaccessusernologin", MoodleAccessException.class),
            Map.entry("wsaccessuserexpired", MoodleAccessException.class),
            Map.entry("servicenotavailable", MoodleAccessException.class),
            Map.entry("restrictedcontextexception", MoodleAccessException.class),
            Map.entry("requireloginerror", MoodleAccessException.class),
            Map.entry("sitepolicynotagreed", MoodleAccessException.class),
            Map.entry("usernotfullysetup", MoodleAccessException.class),
            Map.entry("forcepasswordchangenotice", MoodleAccessException.class),
            Map.entry("errorcoursecontextnotvalid", MoodleAccessException.class),
            Map.entry("errorcatcontextnotvalid", MoodleAccessException.class),
            Map.entry("nopermissions", MissingCapabilityException.class),
            Map.entry("nopermission", MissingCapabilityException.class),
            Map.entry("invalidparameter", MoodleParameterException.class),
            Map.entry("errorinvalidparam", MoodleParameterException.class),
            Map.entry("invalidpersistenterror", MoodleParameterException.class),
            Map.entry("criteriaerror", MoodleParameterException.class),
            Map.entry("invalidrecord", RecordNotFoundException.class),
            Map.entry("invalidrecordunknown", RecordNotFoundException.class),
            Map.entry("invaliduser", RecordNotFoundException.class),
            Map.entry("invalidcourseid", RecordNotFoundException.class),
            Map.entry("invalidcoursemodule", RecordNotFoundException.class),
            Map.entry("unknowcategory", RecordNotFoundException.class),
            Map.entry("shortnametaken", DuplicateRecordException.class),
            Map.entry("courseidnumbertaken", DuplicateRecordException.class),
            Map.entry("categoryidnumbertaken", DuplicateRecordException.class),
            Map.entry("idnumbertaken", DuplicateRecordException.class),
            Map.entry("sitemaintenance", SiteMaintenanceException.class),
            Map.entry("competenciesarenotenabled", FeatureDisabledException.class),
            Map.entry("completionnotenabled", FeatureDisabledException.class),
            Map.entry("badgesdisabled", FeatureDisabledException.class),
            Map.entry("enablewsdescription", FeatureDisabledException.class));

    static Stream<Arguments> codes() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("codes")
    void eachMappedCodeGivesItsExceptionAndKeepsTheCode(String code, Class<? extends MoodleErrorException> type) {
        MoodleErrorException e = MoodleErrorException.of("core_x", "moodle_exception", code, "What Moodle said", null);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.errorcode()).isEqualTo(code);
        assertThat(e.moodleMessage()).isEqualTo("What Moodle said");
        assertThat(e.getMessage()).startsWith("core_x: Moodle refused the call: " + code + ": What Moodle said (");
    }

    @Test
    void theTableAboveCoversEveryMappedCode() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(MoodleErrorException.mappedCodes());
    }

    @Test
    void anUnmappedCodeIsAPlainMoodleErrorKeepingTheCode() {
        MoodleErrorException e = MoodleErrorException.of("core_x", "moodle_exception", "wscannotenrol", "Cannot enrol", null);

        assertThat(e).isExactlyInstanceOf(MoodleErrorException.class);
        assertThat(e.errorcode()).isEqualTo("wscannotenrol");
    }

    @Test
    void aRequiredCapabilityExceptionWithAnotherCodeIsStillAMissingCapability() {
        assertThat(MoodleErrorException.of("f", "required_capability_exception", "nopermissiontoviewgrades", "x (View grades)", null))
                .isInstanceOf(MissingCapabilityException.class);
    }

    @Test
    void aMissingCapabilityNamesTheCapabilityAsMoodleWroteIt() {
        MissingCapabilityException e = (MissingCapabilityException) MoodleErrorException.of("core_user_create_users",
                "required_capability_exception", "nopermissions",
                "Sorry, but you do not currently have permissions to do that (Create users).", null);

        assertThat(e.capabilityName()).contains("Create users");
    }

    @Test
    void parameterErrorsWithoutDebugInfoSayTheDetailIsHidden() {
        assertThat(MoodleErrorException.of("f", "invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected", null).getMessage())
                .contains("the site hides the detail while its debugging is off");
        assertThat(MoodleErrorException.of("f", "invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected", "Missing required key in single structure: email").getMessage())
                .doesNotContain("hides the detail").contains("[debuginfo: Missing required key in single structure: email]");
    }
}
