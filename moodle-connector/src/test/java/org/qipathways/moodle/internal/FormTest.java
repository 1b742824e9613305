package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qipathways.moodle.simulator.internal.PhpArray;
import org.qipathways.moodle.simulator.internal.PhpForm;

/** Moodle's form encoding of nested arguments, checked against PHP's parsing of it. */
class FormTest {

    private static ObjectNode args() {
        ObjectNode args = Json.MAPPER.createObjectNode();
        ObjectNode user = args.putArray("users").addObject();
        user.put("username", "jdoe").put("firstname", "Zoë").put("createpassword", true).put("suspended", false)
                .put("timestart", 1767225600L).put("grade", 72.5).putNull("idnumber");
        user.putArray("customfields").addObject().put("type", "staffgroup").put("value", "A&E nurses = 100%");
        args.putArray("empty");
        args.putObject("context").put("contextlevel", "system").put("instanceid", 0);
        return args;
    }

    @Test
    void nestedArgumentsBecomeIndexedBracketNamesInOrder() {
        List<Form.Param> params = Form.flatten(args());

        assertThat(params).extracting(Form.Param::name).containsExactly(
                "users[0][username]", "users[0][firstname]", "users[0][createpassword]", "users[0][suspended]",
                "users[0][timestart]", "users[0][grade]", "users[0][customfields][0][type]",
                "users[0][customfields][0][value]", "context[contextlevel]", "context[instanceid]");
    }

    @Test
    void booleansAreOneAndZeroAndNumbersPlainDecimals() {
        Map<String, String> byName = Form.flatten(args()).stream()
                .collect(java.util.stream.Collectors.toMap(Form.Param::name, Form.Param::value));

        assertThat(byName).containsEntry("users[0][createpassword]", "1").containsEntry("users[0][suspended]", "0")
                .containsEntry("users[0][timestart]", "1767225600").containsEntry("users[0][grade]", "72.5")
                .containsEntry("context[instanceid]", "0");
    }

    @Test
    void nullsAndEmptyArraysSendNothingBecauseMoodleCannotReceiveThem() {
        assertThat(Form.flatten(args())).extracting(Form.Param::name)
                .noneMatch(n -> n.contains("idnumber") || n.startsWith("empty"));
    }

    @Test
    void phpParsesTheEncodedBodyBackIntoTheSameStructure() {
        String body = Form.encode(Form.flatten(args()));

        PhpArray post = PhpForm.body(body, 1000).vars();

        PhpArray user = (PhpArray) ((PhpArray) post.get("users")).get("0");
        assertThat(user.get("firstname")).isEqualTo("Zoë");
        assertThat(((PhpArray) ((PhpArray) user.get("customfields")).get("0")).get("value")).isEqualTo("A&E nurses = 100%");
        assertThat(((PhpArray) post.get("context")).get("contextlevel")).isEqualTo("system");
    }

    @Test
    void theEncodedLengthOfAVariableIsWhatTheBodyUses() {
        List<Form.Param> params = Form.flatten(args());
        int sum = params.stream().mapToInt(Form.Param::encodedLength).sum() + params.size() - 1;

        assertThat(Form.encode(params)).hasSize(sum);
    }
}
