package org.qipathways.competency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.competency.FrameworkImportOptions;
import org.qipathways.programme.Codes;

/**
 * The competencies a CASE package lists ({@code CFItems}) and the QI Pathways code each gets: each
 * item's identifier, title and description read as publishers write them, and its
 * {@code humanCodingScheme} taken as its code when it fits, checked strictly or mapped by
 * {@link CodeMapper}. Part of {@link CaseReader}; problems and mappings go to its {@link CaseContext}.
 */
final class CaseItems {

    /** One of CFItems as read; {@code index} is its place in the array, {@code path} its JSON path. */
    record Item(int index, String path, String id, String uri, String rawCode, String title,
                String description, String listEnumeration) {
    }

    private final CaseContext ctx;
    private final FrameworkImportOptions options;

    CaseItems(CaseContext ctx) {
        this.ctx = ctx;
        this.options = ctx.options();
    }

    List<Item> items(JsonNode pkg) {
        List<Item> items = new ArrayList<>();
        JsonNode array = options.strict()
                ? ctx.array(pkg, "CFItems", "missing: the package must list its competencies ([] for none)")
                : ctx.optionalArray(pkg, "CFItems");
        if (array == null) {
            return items;
        }
        Map<String, String> firstWithId = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "CFItems[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                ctx.problem(path, "must be an object");
                continue;
            }
            String id = ctx.identifier(node, path);
            if (id != null) {
                String first = firstWithId.putIfAbsent(id, path);
                if (first != null) {
                    ctx.problem(path + ".identifier", "'" + id + "' is also the identifier of " + first);
                }
            }
            String uri = ctx.text(node, path + ".uri", false, null);
            String code = ctx.scalar(node, path + ".humanCodingScheme");
            String full = ctx.text(node, path + ".fullStatement", false, null);
            String abbreviated = ctx.text(node, path + ".abbreviatedStatement", false, null);
            // Our export puts the title in abbreviatedStatement and the description (or, lacking
            // one, the title again) in fullStatement; other publishers often give fullStatement only.
            String title = abbreviated != null ? abbreviated : full;
            if (title == null && !options.strict()) {
                // OpenSALT's importer falls back the same way (CaseImport::fixupContent).
                title = ctx.text(node, path + ".alternativeLabel", false, null);
                if (title == null && code != null && !code.isBlank()) {
                    title = code;
                }
                if (title != null) {
                    ctx.warn(path + ".fullStatement", "missing; the title is taken from "
                            + (title.equals(code) ? "humanCodingScheme" : "alternativeLabel"));
                }
            }
            if (title == null) {
                ctx.problem(path + ".fullStatement", "missing: it is the competency's statement");
            }
            String description = abbreviated != null && full != null && !full.equals(abbreviated) ? full : null;
            String enumeration = ctx.scalar(node, path + ".listEnumeration");
            items.add(new Item(i, path, id, uri, code, title, description, enumeration));
        }
        return items;
    }

    String[] codes(List<Item> items) {
        String[] codes = new String[items.size()];
        if (options.strict()) {
            Map<String, String> firstWithCode = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                String path = it.path() + ".humanCodingScheme";
                if (it.rawCode() == null || it.rawCode().isBlank()) {
                    ctx.problem(path, "missing: it is the competency's code");
                } else if (!CodeMapper.fits(it.rawCode())) {
                    ctx.problem(path, "'" + it.rawCode() + "' " + Codes.RULE);
                } else {
                    String first = firstWithCode.putIfAbsent(it.rawCode(), it.path());
                    if (first != null) {
                        ctx.problem(path, "'" + it.rawCode() + "' is also the code of " + first
                                + "; competency codes must be unique");
                    }
                    codes[i] = it.rawCode();
                }
            }
            return codes;
        }
        List<CodeMapper.Wanted> wanted = items.stream()
                .map(it -> new CodeMapper.Wanted(it.path() + ".humanCodingScheme", it.rawCode(), it.id()))
                .toList();
        CodeMapper.Result result = CodeMapper.assign(wanted, "competency");
        ctx.mappings().addAll(result.mappings());
        return result.codes().toArray(String[]::new);
    }
}
