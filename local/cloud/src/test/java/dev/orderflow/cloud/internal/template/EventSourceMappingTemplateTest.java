package dev.orderflow.cloud.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How mapping properties are read from a template: ParallelizationFactor. */
class EventSourceMappingTemplateTest {

    private static final String TEMPLATE =
            """
            {"Resources": {
              "Ledger": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
              "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {}},
              "Parallel": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": "f", "EventSourceArn": {"Fn::GetAtt": ["Ledger", "StreamArn"]},
                "StartingPosition": "TRIM_HORIZON", "ParallelizationFactor": 4}},
              "Plain": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": "f", "EventSourceArn": {"Fn::GetAtt": ["Ledger", "StreamArn"]},
                "StartingPosition": "TRIM_HORIZON"}},
              "TooMany": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": "f", "EventSourceArn": {"Fn::GetAtt": ["Ledger", "StreamArn"]},
                "StartingPosition": "TRIM_HORIZON", "ParallelizationFactor": 11}},
              "Queue": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": "f", "EventSourceArn": {"Fn::GetAtt": ["Jobs", "Arn"]},
                "ParallelizationFactor": 2}}}}
            """;

    @TempDir Path dir;

    private Map<String, EventSourceMappingSpec> mappings() throws IOException {
        Path file = Files.writeString(dir.resolve("t.template.json"), TEMPLATE);
        return CfnStack.load(file, "us-east-1", "000000000000").eventSourceMappings().stream()
                .collect(Collectors.toMap(EventSourceMappingSpec::logicalId, Function.identity()));
    }

    @Test
    void parallelizationFactor_isReadForStreams_defaultsToOne_andOutOfRangeIsReported()
            throws IOException {
        Map<String, EventSourceMappingSpec> m = mappings();

        assertThat(m.get("Parallel").parallelizationFactor()).isEqualTo(4);
        assertThat(m.get("Parallel").unsupportedProperties()).isEmpty();
        assertThat(m.get("Plain").parallelizationFactor()).isEqualTo(1);
        assertThat(m.get("TooMany").parallelizationFactor()).isEqualTo(1);
        assertThat(m.get("TooMany").unsupportedProperties())
                .anyMatch(p -> p.startsWith("ParallelizationFactor 11"));
        assertThat(m.get("Queue").parallelizationFactor()).isEqualTo(1);
        assertThat(m.get("Queue").unsupportedProperties())
                .anyMatch(p -> p.startsWith("ParallelizationFactor (stream sources only"));
    }
}
