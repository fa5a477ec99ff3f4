package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constraint validation stage: every member constraint of the API reference (lengths, patterns,
 * enums, ranges, required members) checked in DynamoDB's order, with every violation reported
 * together as {@code N validation errors detected: ...} (at most ten, as DynamoDB stops there). Two
 * checks answer alone and first, as DynamoDB's do: a missing required member, and a table name out
 * of length on the operations that check it that way.
 *
 * <p>The rules are data, in {@code constraints.json} beside this engine's classes: one list of
 * members per operation, in the order DynamoDB reports them.
 */
public final class ConstraintStage {
    private static final int MAX_REPORTED = 10;
    private static final String RESOURCE = "/dev/orderflow/dynamodb/constraints.json";

    private final Map<String, List<MemberRule>> rules = new HashMap<>();

    public ConstraintStage() {
        JsonNode root;
        try (InputStream in = ConstraintStage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, JsonNode> op : root.path("operations").properties()) {
            rules.put(op.getKey(), MemberRule.listOf(op.getValue()));
        }
    }

    public void check(String operation, JsonNode request) {
        List<MemberRule> members = rules.get(operation);
        if (members == null) {
            return;
        }
        // Each member is looked up once for both passes.
        JsonNode[] values = new JsonNode[members.size()];
        for (int i = 0; i < values.length; i++) {
            MemberRule member = members.get(i);
            values[i] = request.get(member.name());
            member.checkAlone(values[i]);
        }
        List<String> violations = new ArrayList<>(0);
        for (int i = 0; i < values.length; i++) {
            members.get(i).collect(values[i], "", violations);
        }
        if (!violations.isEmpty()) {
            List<String> reported =
                    violations.subList(0, Math.min(MAX_REPORTED, violations.size()));
            throw ApiException.validation(
                    reported.size()
                            + (reported.size() == 1
                                    ? " validation error detected: "
                                    : " validation errors detected: ")
                            + String.join("; ", reported));
        }
    }
}
