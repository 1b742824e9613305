package org.qipathways.programme;

import org.qipathways.definition.DefinitionProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qipathways.competency.Competency;
import org.qipathways.competency.CompetencyEvidence;
import org.qipathways.competency.CompetencyFramework;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.rules.Requirement;
import org.qipathways.rules.Role;
import org.qipathways.rules.Window;

class ReferenceProgrammeTest {

    private final Programme reference = Programme.reference();

    @Test
    void holdsTheUnitsCompetenciesAndTiersOfTheSpecification() {
        assertThat(reference.tiers()).extracting(Tier::code).containsExactly("BRONZE", "SILVER", "GOLD");
        assertThat(reference.units()).extracting(Unit::code).containsExactly("BRZ-ELN", "BRZ-QUIZ", "SLV-IND",
                "SLV-TEAM-1", "SLV-TEAM-2", "SLV-TEAM-3", "SLV-PLAN", "SLV-TEAM-PLAN", "GLD-TTT-1", "GLD-TTT-2",
                "GLD-PROJECT", "WS-VAR", "WS-BEH", "WS-SCI");
        assertThat(reference.unit("BRZ-QUIZ")).get().extracting(Unit::kind, Unit::passMark)
                .containsExactly(UnitKind.ASSESSMENT, 80);
        assertThat(reference.framework().competencies()).extracting(Competency::code).containsExactly("C-SYSTEMS",
                "C-MFI", "C-MEASURE", "C-VARIATION", "C-HUMAN", "C-PEOPLE", "C-LEAD", "C-COACH");
        assertThat(reference.framework().scale().levels()).extracting(ProficiencyLevel::name)
                .containsExactly("Aware", "Practitioner", "Leader");
        assertThat(reference.priorLearning()).extracting(PriorLearning::code)
                .containsExactly("IMP-FUNDAMENTALS", "QSIR-FUNDAMENTALS");
        Tier gold = reference.tier("GOLD").orElseThrow();
        assertThat(gold.validity()).isEqualTo(Period.ofYears(2));
        assertThat(gold.renewal().window()).isEqualTo(Period.ofDays(90));
        assertThat(reference.tier("BRONZE").orElseThrow().expires()).isFalse();
    }

    @Test
    void silverTeamsRouteMeasuresItsWindowFromTheLastSessionAttended() {
        Requirement.AllOf silver = (Requirement.AllOf) reference.tier("SILVER").orElseThrow().rule();
        Requirement.AnyOf routes = (Requirement.AnyOf) silver.allOf().get(1);
        Requirement.AllOf teams = (Requirement.AllOf) routes.anyOf().get(1);
        Requirement.EvidenceApproved plan = (Requirement.EvidenceApproved) teams.allOf().get(1);
        assertThat(plan.within().days()).isEqualTo(90);
        assertThat(plan.within().anchor()).isEqualTo(Window.Anchor.LAST);
        assertThat(plan.within().after().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void roundTripsThroughYamlAndJsonUnchanged() {
        String yaml = reference.toYaml();
        Programme fromYaml = Programme.parse(yaml, "reference.yaml");
        assertThat(fromYaml).isEqualTo(reference);
        assertThat(fromYaml.toYaml()).isEqualTo(yaml);

        String json = reference.toJson();
        Programme fromJson = Programme.parse(json, "reference.json");
        assertThat(fromJson).isEqualTo(reference);
        assertThat(fromJson.toJson()).isEqualTo(json);
        assertThat(fromJson.toYaml()).isEqualTo(yaml);
    }

    @Test
    void loadsFromFilesByExtension(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("programme.yaml"), reference.toYaml());
        Path json = Files.writeString(dir.resolve("programme.json"), reference.toJson());
        assertThat(Programme.load(yaml)).isEqualTo(reference);
        assertThat(Programme.load(json)).isEqualTo(reference);
    }

    @Test
    void problemsInAFileNameTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), reference.toYaml().replace("passMark: 80", "passMark: 180"));
        assertThatThrownBy(() -> Programme.load(file))
                .isInstanceOf(ProgrammeDefinitionException.class)
                .hasMessageContaining(file + ":")
                .hasMessageContaining("units[1].passMark: 180 must be a score from 0 to 100");
    }

    @Test
    void definesASmallProgrammeInJava() {
        CompetencyFramework fw = new CompetencyFramework("MINI-CF", "Mini framework", null,
                new ProficiencyScale("Scale", List.of(new ProficiencyLevel(1, "Aware", false),
                        new ProficiencyLevel(2, "Practitioner", true))),
                List.of(new Competency("C-QI", "Quality improvement", null, null)));
        Programme p = Programme.builder("QI-MINI", "Mini QI pathway", "1.0")
                .framework(fw)
                .unit(Unit.of("INTRO", "Introduction to QI", UnitKind.ONLINE_MODULE))
                .unit(Unit.assessment("QUIZ", "Knowledge check", 70))
                .evidence(new CompetencyEvidence(List.of("INTRO", "QUIZ"), Map.of("C-QI", 1)))
                .tier(Tier.of("FOUNDATION", "Foundation",
                        Requirement.allOf(Requirement.completed("INTRO"), Requirement.scored("QUIZ"))))
                .build();
        assertThat(Programme.parse(p.toYaml(), "mini.yaml")).isEqualTo(p);
    }

    @Test
    void aProgrammeBuiltInJavaIsCheckedLikeAFile() {
        Programme.Builder b = Programme.builder("QI-MINI", "Mini", "1")
                .framework(reference.framework())
                .unit(Unit.of("INTRO", "Introduction", UnitKind.ONLINE_MODULE))
                .tier(Tier.of("T1", "Tier", Requirement.anyOf(Requirement.completed("INTR0"), Requirement.holdsTier("T9"))));
        assertThatThrownBy(b::build)
                .isInstanceOfSatisfying(ProgrammeDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::toString)
                        .containsExactly(
                                "tiers[0].rule.anyOf[0].completed: refers to unit 'INTR0', which the programme does not define (did you mean INTRO?)",
                                "tiers[0].rule.anyOf[1].holdsTier: refers to tier 'T9', which the programme does not define (did you mean T1?)"));
    }
}
