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

/** A table's Tags, which decide what the multi-region mode replicates. */
class TableTagsTest {

    private static final String TEMPLATE =
            """
            {"Resources": {
              "Catalog": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "Tags": [{"Key": "orderflow:replication", "Value": "global"},
                         {"Key": "team", "Value": {"Fn::Join": ["-", ["shop", "core"]]}}]}},
              "Stock": {"Type": "AWS::DynamoDB::Table", "Properties": {
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}},
              "Orders": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "Replicas": [{"Region": "eu-central-1",
                  "Tags": [{"Key": "orderflow:replication", "Value": "global"}]}]}}}}
            """;

    @TempDir Path dir;

    @Test
    void tables_carryTheirTags_aGlobalTableItsReplicas() throws IOException {
        Path file = Files.writeString(dir.resolve("T.template.json"), TEMPLATE);
        Map<String, TableSpec> tables =
                CfnStack.load(file, "eu-central-1", "000000000000").tables().stream()
                        .collect(Collectors.toMap(TableSpec::logicalId, Function.identity()));

        assertThat(tables.get("Catalog").tags())
                .containsEntry("orderflow:replication", "global")
                .containsEntry("team", "shop-core");
        assertThat(tables.get("Stock").tag("orderflow:replication")).isEmpty();
        assertThat(tables.get("Orders").tag("orderflow:replication")).contains("global");
    }
}
