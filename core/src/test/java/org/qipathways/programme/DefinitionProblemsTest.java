package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule of the definition format: each asserts the exact path, line and
 * message a programme author sees.
 */
class DefinitionProblemsTest {

    /** A small valid programme; each test breaks one thing in it. */
    static final String VALID = """
            code: MINI
            title: Mini pathway
            version: "1"
            framework:
              code: FW
              title: Framework
              scale:
                name: Scale
                levels:
                  - {level: 1, name: Aware}
                  - {level: 2, name: Practitioner, proficient: true}
              competencies:
                - {code: C-A, title: Competency A}
                - {code: C-B, title: Competency B, parent: C-A}
            units:
              - {code: ELN, title: E-learning, kind: online_module}
              - {code: QUIZ, title: Quiz, kind: assessment, passMark: 70}
              - {code: WS, title: Workshop, kind: workshop}
              - {code: PLAN, title: Plan, kind: evidence}
            priorLearning:
              - {code: RPL, title: Prior learning}
            competencyEvidence:
              - units: [ELN, QUIZ]
                gives: {C-A: 1}
            tiers:
              - code: T1
                title: Tier one
                rule:
                  anyOf:
                    - allOf:
                        - completed: ELN
                        - scored: QUIZ
                    - priorLearning: RPL
              - code: T2
                title: Tier two
                validity: P2Y
                rule:
                  allOf:
                    - holdsTier: T1
                    - evidence: PLAN
                      within: {days: 90, after: {attended: [WS]}}
                    - competency: C-A
                      atLeast: 1
                renewal:
                  window: P90D
                  rule:
                    count: {attended: [WS], role: facilitator}
                    atLeast: 2
                    lookback: P1Y
            """;

    @Test
    void theFixtureIsValid() {
        assertThatCode(() -> Programme.parse(VALID, "mini.yaml")).doesNotThrowAnyException();
    }

    @Test
    void duplicateUnitCode() {
        String yaml = VALID.replace("{code: WS, title: Workshop", "{code: ELN, title: Workshop");
        // The unit renamed away leaves references to WS dangling; only the duplicate matters here.
        assertThat(problems(yaml)).contains(problem(yaml, "units[2].code", "{code: ELN, title: Workshop", 1,
                "unit code 'ELN' is defined twice (first at units[0]); codes must be unique"));
    }

    @Test
    void unknownUnitWithSuggestion() {
        String yaml = VALID.replace("- completed: ELN", "- completed: ELM");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf[0].allOf[0].completed",
                "- completed: ELM", 2, "refers to unit 'ELM', which the programme does not define (did you mean ELN?)"));
    }

    @Test
    void unknownTier() {
        String yaml = VALID.replace("- holdsTier: T1", "- holdsTier: SILVER");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].rule.allOf[0].holdsTier",
                "- holdsTier: SILVER", 2, "refers to tier 'SILVER', which the programme does not define"));
    }

    @Test
    void unknownCompetencyInRuleAndInEvidenceMapping() {
        String yaml = VALID.replace("- competency: C-A", "- competency: C-X").replace("gives: {C-A: 1}", "gives: {C-Z: 1}");
        assertThat(problems(yaml)).containsExactly(
                problem(yaml, "competencyEvidence[0].gives.C-Z", "C-Z: 1", 0,
                        "refers to competency 'C-Z', which the programme does not define (did you mean C-A?)"),
                problem(yaml, "tiers[1].rule.allOf[2].competency", "- competency: C-X", 2,
                        "refers to competency 'C-X', which the programme does not define (did you mean C-A?)"));
    }

    @Test
    void unknownPriorLearning() {
        String yaml = VALID.replace("- priorLearning: RPL", "- priorLearning: IHI-BASIC");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf[1].priorLearning",
                "- priorLearning: IHI-BASIC", 2, "refers to prior learning 'IHI-BASIC', which the programme does not define"));
    }

    @Test
    void tiersThatRequireEachOther() {
        String yaml = VALID.replace("    - priorLearning: RPL", "    - holdsTier: T2");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule", "    rule:\n      anyOf", 4,
                "tiers require each other in a circle (T1 → T2 → T1), so none of them can ever be achieved"));
    }

    @Test
    void tierThatRequiresItself() {
        String yaml = VALID.replace("- holdsTier: T1", "- holdsTier: T2");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].rule.allOf[0].holdsTier",
                "- holdsTier: T2", 2, "tier T2 cannot require itself"));
    }

    @Test
    void competencyParentsInACircle() {
        String yaml = VALID.replace("{code: C-A, title: Competency A}", "{code: C-A, title: Competency A, parent: C-B}");
        List<DefinitionProblem> found = problems(yaml);
        assertThat(found).extracting(DefinitionProblem::path)
                .containsExactly("framework.competencies[0].parent", "framework.competencies[1].parent");
        assertThat(found.get(0).message())
                .isEqualTo("competency parents form a circle (C-A → C-B → C-A); a competency cannot be its own ancestor");
        assertThat(found.get(0).line()).isEqualTo(lineOf(yaml, "{code: C-A, title: Competency A, parent: C-B}"));
    }

    @Test
    void unknownParentCompetency() {
        String yaml = VALID.replace("parent: C-A}", "parent: C-Q}");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "framework.competencies[1].parent", "parent: C-Q}", 0,
                "refers to competency 'C-Q', which the programme does not define (did you mean C-A?)"));
    }

    @Test
    void levelsOutsideTheScale() {
        String yaml = VALID.replace("atLeast: 1\n", "atLeast: 3\n").replace("gives: {C-A: 1}", "gives: {C-A: 5}");
        assertThat(problems(yaml)).containsExactly(
                problem(yaml, "competencyEvidence[0].gives.C-A", "C-A: 5", 0,
                        "level 5 is outside the proficiency scale, which has levels 1 to 2"),
                problem(yaml, "tiers[1].rule.allOf[2].atLeast", "atLeast: 3", 0,
                        "level 3 is outside the proficiency scale, which has levels 1 to 2"));
    }

    @Test
    void scaleLevelsNumberedOutOfOrder() {
        String yaml = VALID.replace("{level: 2, name: Practitioner", "{level: 3, name: Practitioner");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "framework.scale.levels[1].level", "level: 3", 0,
                "is 3 but should be 2: levels are numbered 1, 2, 3... from the lowest, in order"));
    }

    @Test
    void atLeastMoreThanListed() {
        String yaml = VALID.replace("""
                      anyOf:
                        - allOf:
                """, """
                      atLeast: 3
                      of:
                        - allOf:
                """);
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.atLeast", "atLeast: 3", 0,
                "asks for 3 but lists only 2, so it can never be met"));
    }

    @Test
    void emptyChoice() {
        String yaml = VALID.replace("""
                      anyOf:
                        - allOf:
                            - completed: ELN
                            - scored: QUIZ
                        - priorLearning: RPL
                """, """
                      anyOf: []
                """);
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf", "anyOf: []", 0,
                "must list at least one alternative"));
    }

    @Test
    void windowThatEndsBeforeItStarts() {
        String yaml = VALID.replace("{days: 90,", "{days: -5,");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].rule.allOf[1].within.days", "days: -5", 0,
                "-5 must be 0 or more days (the anchor's own date is day 0)"));
    }

    @Test
    void renewalWindowNotShorterThanValidity() {
        String yaml = VALID.replace("window: P90D", "window: P3Y");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].renewal.window", "window: P3Y", 0,
                "the renewal window (P3Y) must be shorter than the validity (P2Y)"));
    }

    @Test
    void renewalOfATierThatNeverExpires() {
        String yaml = VALID.replace("    validity: P2Y\n", "");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].renewal", "renewal:", 0,
                "a tier that never expires cannot be renewed: give it a validity such as P2Y, or remove the renewal"));
    }

    @Test
    void lookbackMustBePositive() {
        String yaml = VALID.replace("lookback: P1Y", "lookback: P0D");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].renewal.rule.lookback", "lookback: P0D", 0,
                "must be a positive period such as P1Y (the year up to the date judged)"));
    }

    @Test
    void scoreOfAUnitThatIsNotAnAssessment() {
        String yaml = VALID.replace("- scored: QUIZ", "- scored: ELN");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf[0].allOf[1].scored", "- scored: ELN", 2,
                "ELN is an online module, not an assessment, so it has no score"));
    }

    @Test
    void attendanceAtAUnitThatIsNotAttended() {
        String yaml = VALID.replace("{attended: [WS]}}", "{attended: [PLAN]}}");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[1].rule.allOf[1].within.after.attended[0]",
                "PLAN]}}", 0, "PLAN is an evidence, which is not attended; only workshops and sessions are"));
    }

    @Test
    void assessmentWithoutPassMark() {
        String yaml = VALID.replace("kind: assessment, passMark: 70}", "kind: assessment}");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[1].passMark", "{code: QUIZ", 0,
                "is required for an assessment: the score out of 100 that passes"));
    }

    @Test
    void valueOfTheWrongType() {
        String yaml = VALID.replace("passMark: 70", "passMark: seventy");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[1].passMark", "passMark: seventy", 0,
                "expected a whole number, found 'seventy'"));
    }

    @Test
    void passMarkOutOfRange() {
        String yaml = VALID.replace("passMark: 70", "passMark: 170");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[1].passMark", "passMark: 170", 0,
                "170 must be a score from 0 to 100"));
    }

    @Test
    void unknownFieldWithSuggestion() {
        String yaml = VALID.replace("validity: P2Y", "validty: P2Y");
        assertThat(problems(yaml)).contains(problem(yaml, "tiers[1].validty", "validty: P2Y", 0,
                "unknown field 'validty' in a tier (did you mean validity?)"));
    }

    @Test
    void unknownUnitKind() {
        String yaml = VALID.replace("kind: workshop", "kind: webinar");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[2].kind", "kind: webinar", 0,
                "'webinar' is not a unit kind; use one of online_module, assessment, workshop, session, evidence"));
    }

    @Test
    void requirementWithTwoTypes() {
        String yaml = VALID.replace("- completed: ELN", "- completed: ELN\n              scored: QUIZ");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf[0].allOf[0].scored",
                "\n              scored: QUIZ", 15, "a requirement has exactly one type, but this one has both completed and scored;"
                        + " put each in its own entry of an allOf or anyOf"));
    }

    @Test
    void requirementWithNoType() {
        String yaml = VALID.replace("- priorLearning: RPL", "- label: nothing");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].rule.anyOf[1]", "- label: nothing", 2,
                "says no type of requirement; give exactly one of allOf, anyOf, of, completed, scored, attended, evidence,"
                        + " competency, holdsTier, priorLearning, count"));
    }

    @Test
    void codeThatIsNotACode() {
        String yaml = VALID.replace("{code: WS, title: Workshop", "{code: \"work shop\", title: Workshop")
                .replace("[WS]", "[\"work shop\"]");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[2].code", "code: \"work shop\"", 0,
                "'work shop' " + Codes.RULE));
    }

    @Test
    void missingRequiredFieldIsReportedAtItsParent() {
        String yaml = VALID.replace("{code: WS, title: Workshop, kind: workshop}", "{code: WS, kind: workshop}");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "units[2].title", "{code: WS, kind", 0, "is required"));
    }

    @Test
    void duplicateKey() {
        String yaml = VALID.replace("title: Tier one\n", "title: Tier one\n    title: Tier 1\n");
        assertThat(problems(yaml)).containsExactly(problem(yaml, "tiers[0].title", "title: Tier 1", 0,
                "appears twice in the same map; remove one (a YAML reader would silently keep only the last)"));
    }

    @Test
    void syntaxError() {
        String yaml = VALID.replace("title: Tier two", "title: [Tier two");
        List<DefinitionProblem> found = problems(yaml);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("the file is not valid YAML: ");
        assertThat(found.get(0).line()).isGreaterThanOrEqualTo(lineOf(yaml, "title: [Tier two"));
    }

    @Test
    void emptyFile() {
        assertThat(problems("")).containsExactly(new DefinitionProblem("mini.yaml", "", 1, 1,
                "the file is empty; a programme needs at least code, title, version, framework, units and tiers"));
    }

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        String yaml = VALID.replace("passMark: 70", "passMark: seventy")
                .replace("kind: workshop", "kind: webinar")
                .replace("- completed: ELN", "- completed: ELM")
                .replace("window: P90D", "window: P3Y");
        List<DefinitionProblem> found = problems(yaml);
        assertThat(found).extracting(DefinitionProblem::path).containsExactly(
                "units[1].passMark", "units[2].kind", "tiers[0].rule.anyOf[0].allOf[0].completed", "tiers[1].renewal.window");
        assertThat(found).extracting(DefinitionProblem::line).isSorted();
    }

    @Test
    void jsonDefinitionsAreLocatedToo() {
        String json = Programme.parse(VALID, "mini.yaml").toJson().replace("\"ELN\"", "\"ELM\"");
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(json, "mini.json"));
        assertThat(e).as("a consistent rename everywhere is still valid").isNull();
        String broken = Programme.parse(VALID, "mini.yaml").toJson().replace("\"completed\" : \"ELN\"", "\"completed\" : \"ELX\"");
        List<DefinitionProblem> found = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(broken, "mini.json")).problems();
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("tiers[0].rule.anyOf[0].allOf[0].completed");
            assertThat(p.line()).isEqualTo(lineOf(broken, "\"completed\" : \"ELX\""));
            assertThat(p.toString()).startsWith("mini.json:" + p.line() + ":");
        });
    }

    @Test
    void problemPrintsAsFileLineColumnPathMessage() {
        String yaml = VALID.replace("- completed: ELN", "- completed: ELM");
        DefinitionProblem p = problems(yaml).get(0);
        assertThat(p.toString()).isEqualTo("mini.yaml:" + p.line() + ":" + p.column()
                + ": tiers[0].rule.anyOf[0].allOf[0].completed: refers to unit 'ELM', which the programme does not define (did you mean ELN?)");
    }

    // ---- helpers ------------------------------------------------------------------------------

    static List<DefinitionProblem> problems(String yaml) {
        ProgrammeDefinitionException e = catchThrowableOfType(ProgrammeDefinitionException.class,
                () -> Programme.parse(yaml, "mini.yaml"));
        assertThat(e).as("expected the definition to be rejected").isNotNull();
        return e.problems();
    }

    /** The problem expected {@code offset} characters into the place where {@code snippet} stands. */
    static DefinitionProblem problem(String yaml, String path, String snippet, int offset, String message) {
        int at = yaml.indexOf(snippet);
        assertThat(at).as("snippet %s in fixture", snippet).isNotNegative();
        assertThat(yaml.indexOf(snippet, at + 1)).as("snippet %s is unique", snippet).isNegative();
        int place = at + offset;
        int line = lineOf(yaml, snippet) + (int) yaml.substring(at, place).chars().filter(c -> c == '\n').count();
        int column = place - (yaml.lastIndexOf('\n', place - 1) + 1) + 1;
        return new DefinitionProblem("mini.yaml", path, line, column, message);
    }

    static int lineOf(String text, String snippet) {
        int at = text.indexOf(snippet);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
