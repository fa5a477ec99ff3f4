package dev.orderflow.cloud.internal.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRecordShapeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTtlDeletesIdentity_isNamedAsLambdaNamesIt_andMatchesTheArchiversFilter()
            throws Exception {
        ObjectNode record =
                (ObjectNode)
                        json.readTree(
                                "{\"eventName\":\"REMOVE\",\"userIdentity\":{\"PrincipalId\":"
                                        + "\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}");

        StreamRecordShape.toLambdaEvent(record);

        assertThat(record.get("userIdentity").toString())
                .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
        EventFilter ttlRemovals =
                new EventFilter(
                        List.of(
                                json.readTree(
                                        "{\"eventName\":[\"REMOVE\"],\"userIdentity\":{\"type\":"
                                                + "[\"Service\"],\"principalId\":"
                                                + "[\"dynamodb.amazonaws.com\"]}}")));
        assertThat(ttlRemovals.matches(record)).isTrue();
    }

    @Test
    void aRecordWithoutIdentity_isLeftAsItIs() throws Exception {
        ObjectNode record = (ObjectNode) json.readTree("{\"eventName\":\"REMOVE\"}");

        StreamRecordShape.toLambdaEvent(record);

        assertThat(record.toString()).isEqualTo("{\"eventName\":\"REMOVE\"}");
    }
}
