package dev.orderflow.states;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the conformance cases' divergences as the markdown tables of {@code
 * conformance-divergences.md}: one table per status, one row per distinct divergence with every
 * case that carries it.
 */
final class DivergenceTables {
    /** A divergence and the case that carries it. */
    record Pinned(String file, String caseName, CaseDivergence divergence) {}

    private static final Map<String, String> HEADINGS =
            Map.of(
                    "kept", "Kept on purpose",
                    "open", "Open: differs from AWS, not settled",
                    "same-as-aws", "Same as AWS where the AWS docs are silent or wrong");

    private DivergenceTables() {}

    /** The tables, in status order, each preceded by its heading and followed by a blank line. */
    static String render(List<Pinned> pinned) {
        // Cases sharing one divergence (identical text) share its row, so the table stays short.
        Map<CaseDivergence, List<String>> casesByDivergence = new LinkedHashMap<>();
        for (Pinned p : pinned) {
            casesByDivergence
                    .computeIfAbsent(p.divergence(), d -> new ArrayList<>())
                    .add("`conformance/" + p.file() + "` \"" + p.caseName() + "\"");
        }
        StringBuilder out = new StringBuilder();
        for (String status : CaseDivergence.STATUSES) {
            List<String> rows = new ArrayList<>();
            casesByDivergence.forEach(
                    (d, cases) -> {
                        if (d.status().equals(status)) {
                            rows.add(row(String.join("<br>", cases), d));
                        }
                    });
            if (rows.isEmpty()) {
                continue;
            }
            out.append("### ").append(HEADINGS.get(status)).append("\n\n");
            out.append("| Pinned by | Topic | AWS | This engine | Reason |\n");
            out.append("|---|---|---|---|---|\n");
            rows.forEach(r -> out.append(r).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String row(String cases, CaseDivergence d) {
        return "| "
                + String.join(
                        " | ",
                        cell(cases),
                        cell(d.topic()),
                        cell(d.aws()),
                        cell(d.engine()),
                        cell(d.reason()))
                + " |";
    }

    /** A table cell: a {@code |} in the text would end the cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
