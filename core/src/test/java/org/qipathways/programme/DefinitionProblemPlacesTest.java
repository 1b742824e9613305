package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems found in a definition file are reported at their own place, one line each. */
class DefinitionProblemPlacesTest {

    private static final String HEAD = """
            code: QI-MINI
            title: Mini QI pathway
            version: "1.0"
            framework:
              code: FW
              title: Mini framework
              scale: {name: Scale, levels: [{level: 1, name: Aware}]}
            units:
              - {code: INTRO, title: Introduction, kind: online_module}
              - {code: QUIZ, title: Quiz, kind: assessment, passMark: 70}
            """;

    private static List<String> problems(String text) {
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(text, "mini.yaml"));
        assertThat(e).as("the definition is rejected").isNotNull();
        return e.problems().stream().map(DefinitionProblem::toString).toList();
    }

    @Test
    void aProblemAfterAnUnreadableSiblingIsReportedAtItsOwnPlace() {
        // allOf[0] cannot be read (two types), so the model's allOf holds only the other two;
        // the unknown unit in allOf[2] must still be reported at line 19, not at allOf[1].
        String text = HEAD + """
                tiers:
                  - code: FOUNDATION
                    title: Foundation
                    rule:
                      allOf:
                        - scored: QUIZ
                          completed: INTRO
                        - completed: INTRO
                        - completed: INTRA
                """;

        assertThat(problems(text)).containsExactly(
                "mini.yaml:17:11: tiers[0].rule.allOf[0].completed: a requirement has exactly one type, but this one"
                        + " has both scored and completed; put each in its own entry of an allOf or anyOf",
                "mini.yaml:19:11: tiers[0].rule.allOf[2].completed: refers to unit 'INTRA', which the programme"
                        + " does not define (did you mean INTRO?)");
    }

    @Test
    void aUnitAfterAnUnreadableOneIsReportedAtItsOwnPlace() {
        String text = HEAD.replace("  - {code: INTRO,", "  - not a unit\n  - {code: INTRO,")
                .replace("passMark: 70", "passMark: 700") + """
                tiers:
                  - {code: FOUNDATION, title: Foundation, rule: {completed: INTRO}}
                """;

        assertThat(problems(text)).containsExactly(
                "mini.yaml:9:5: units[0]: expected a unit as a map of fields, found 'not a unit'",
                "mini.yaml:11:49: units[2].passMark: 700 must be a score from 0 to 100");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsPlace() {
        List<String> problems = problems("code: QI-MINI\ntitle: [unclosed\n");

        assertThat(problems).containsExactly("mini.yaml:2:17: the file is not valid YAML: expected ',' or ']',"
                + " but got <stream end> (while parsing a flow sequence that starts at line 2, column 8)");
    }
}
