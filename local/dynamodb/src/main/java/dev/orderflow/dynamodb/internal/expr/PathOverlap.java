package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.List;

/** AWS rejects update and projection expressions whose document paths overlap or conflict. */
final class PathOverlap {
    private PathOverlap() {}

    /** Overlaps are reported before conflicts, each pair in the order the paths were written. */
    static void check(List<Operand.Path> paths, String kind) {
        for (boolean overlaps : new boolean[] {true, false}) {
            for (int i = 0; i < paths.size(); i++) {
                for (int j = i + 1; j < paths.size(); j++) {
                    compare(paths.get(i), paths.get(j), kind, overlaps);
                }
            }
        }
    }

    private static void compare(Operand.Path a, Operand.Path b, String kind, boolean overlaps) {
        List<PathElement> x = a.elements();
        List<PathElement> y = b.elements();
        int n = Math.min(x.size(), y.size());
        for (int k = 0; k < n; k++) {
            PathElement ex = x.get(k);
            PathElement ey = y.get(k);
            if (ex.equals(ey)) {
                continue;
            }
            if (!overlaps && ex.getClass() != ey.getClass()) {
                throw ApiException.validation(
                        "Invalid "
                                + kind
                                + ": Two document paths conflict with each other; must remove or"
                                + " rewrite one of these paths; path one: "
                                + a
                                + ", path two: "
                                + b);
            }
            return;
        }
        if (!overlaps) {
            return;
        }
        throw ApiException.validation(
                "Invalid "
                        + kind
                        + ": Two document paths overlap with each other; must remove or rewrite one"
                        + " of these paths; path one: "
                        + a
                        + ", path two: "
                        + b);
    }
}
