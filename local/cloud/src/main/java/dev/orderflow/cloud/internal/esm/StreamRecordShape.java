package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DynamoDB Streams API record as Lambda delivers it. The two differ in one field orderflow reads:
 * GetRecords names the identity of a TTL delete {@code {"PrincipalId","Type"}} (API Reference,
 * "Identity"), the Lambda event {@code {"principalId","type"}} (Developer Guide, "DynamoDB Streams
 * and Time to Live"), which is also what event filters match on.
 */
final class StreamRecordShape {

    private StreamRecordShape() {}

    /** Renames the user identity's members in place; a record without one is left as it is. */
    static void toLambdaEvent(ObjectNode record) {
        JsonNode identity = record.get("userIdentity");
        if (!(identity instanceof ObjectNode api)) {
            return;
        }
        ObjectNode lambda = record.putObject("userIdentity");
        copy(api, "Type", lambda, "type");
        copy(api, "PrincipalId", lambda, "principalId");
    }

    private static void copy(ObjectNode from, String name, ObjectNode to, String as) {
        JsonNode value = from.get(name);
        if (value != null) {
            to.set(as, value);
        }
    }
}
