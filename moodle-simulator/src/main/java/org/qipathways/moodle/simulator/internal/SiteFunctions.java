package org.qipathways.moodle.simulator.internal;

import static org.qipathways.moodle.simulator.internal.Desc.def;
import static org.qipathways.moodle.simulator.internal.Desc.defaultMany;
import static org.qipathways.moodle.simulator.internal.Desc.many;
import static org.qipathways.moodle.simulator.internal.Desc.required;
import static org.qipathways.moodle.simulator.internal.Desc.single;
import static org.qipathways.moodle.simulator.internal.Functions.obj;
import static org.qipathways.moodle.simulator.internal.ParamType.ALPHANUMEXT;
import static org.qipathways.moodle.simulator.internal.ParamType.BOOL;
import static org.qipathways.moodle.simulator.internal.ParamType.LANG;
import static org.qipathways.moodle.simulator.internal.ParamType.RAW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code core_webservice_get_site_info} and {@code tool_mobile_call_external_functions}
 * (ws-reference.md 1.7 and 2.11).
 */
final class SiteFunctions {

    private SiteFunctions() {
    }

    static void register(Functions.Registry r) {
        r.add("core_webservice_get_site_info", single("serviceshortnames", defaultMany(required(ALPHANUMEXT))),
                SiteFunctions::siteInfo);
        r.add("tool_mobile_call_external_functions", single("requests", many(single(
                "function", required(ALPHANUMEXT),
                "arguments", def(RAW, "{}"),
                "settingraw", def(BOOL, false),
                "settingfilter", def(BOOL, false),
                "settingfileurl", def(BOOL, true),
                "settinglang", def(LANG, "")))), SiteFunctions::callExternalFunctions);
    }

    private static Object siteInfo(Functions.Call c) {
        Site s = c.site;
        Db.Row u = s.db.table("user").mustGet(s.tokenUser);
        List<Object> functions = new ArrayList<>();
        for (String name : Functions.all().keySet()) {
            if (!s.missingFunctions.contains(name)) {
                functions.add(obj("name", name, "version", s.version));
            }
        }
        List<Object> features = new ArrayList<>();
        features.add(obj("name", "usecomments", "value", 1));
        features.add(obj("name", "usetags", "value", 1));
        features.add(obj("name", "enablenotes", "value", 1));
        features.add(obj("name", "messaging", "value", 1));
        features.add(obj("name", "enableblogs", "value", 1));
        features.add(obj("name", "enablecompletion", "value", s.completionEnabled ? 1 : 0));
        features.add(obj("name", "enablebadges", "value", s.badgesEnabled ? 1 : 0));
        features.add(obj("name", "enablecompetencies", "value", s.competenciesEnabled ? 1 : 0));
        features.add(obj("name", "mnet_dispatcher_mode", "value", 0));
        return obj("sitename", s.siteName, "username", u.str("username"), "firstname", u.str("firstname"),
                "lastname", u.str("lastname"), "fullname", Site.fullname(u), "lang", u.str("lang"), "userid", u.id(),
                "siteurl", s.wwwroot, "userpictureurl", s.wwwroot + "/theme/image.php/boost/core/1/u/f1",
                "functions", functions, "downloadfiles", 1, "uploadfiles", 1, "release", s.release,
                "version", s.version, "mobilecssurl", "", "advancedfeatures", features,
                "usercanmanageownfiles", true, "userquota", 0, "usermaxuploadfilesize", 8388608, "userhomepage", 1,
                "siteid", 1, "sitecalendartype", "gregorian", "usercalendartype", "gregorian",
                "userissiteadmin", false, "theme", "boost", "limitconcurrentlogins", 0, "policyagreed", 1);
    }

    /**
     * Each request in turn, stopping after the first failure; a function outside the token's
     * service gets an access exception entry without being run.
     */
    private static Object callExternalFunctions(Functions.Call c) {
        List<Object> responses = new ArrayList<>();
        for (Map<String, Object> request : c.list("requests")) {
            Map<String, Object> response = c.inner.call((String) request.get("function"), (String) request.get("arguments"));
            responses.add(response);
            if (Boolean.TRUE.equals(response.get("error"))) {
                break;
            }
        }
        return obj("responses", responses);
    }
}
