package dev.orderflow.cloud.internal.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.PhysicalIds;
import dev.orderflow.cloud.internal.template.TableSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the template's tables in the DynamoDB engine (kept as-is when they already exist). */
public final class TableProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TableProvisioner.class);

    private final AwsJsonClient dynamo;

    public TableProvisioner(AwsJsonClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Creates (or finds) the table, enables TTL, and records its real stream ARN. */
    public void provision(TableSpec table, PhysicalIds ids) {
        JsonNode description;
        try {
            description =
                    dynamo.call("CreateTable", table.createRequest()).path("TableDescription");
            LOG.info("table {} created", table.name());
        } catch (AwsCallException e) {
            if (!e.code().equals("ResourceInUseException")) {
                throw e;
            }
            ObjectNode describe = Json.object().put("TableName", table.name());
            description = dynamo.call("DescribeTable", describe).path("Table");
            LOG.info("table {} exists (data directory), kept", table.name());
        }
        table.ttlAttribute()
                .ifPresent(
                        attribute -> {
                            ObjectNode ttl = Json.object().put("TableName", table.name());
                            ttl.putObject("TimeToLiveSpecification")
                                    .put("AttributeName", attribute)
                                    .put("Enabled", true);
                            try {
                                dynamo.call("UpdateTimeToLive", ttl);
                            } catch (AwsCallException e) {
                                if (!e.code().equals("ValidationException")) {
                                    throw e;
                                }
                            }
                        });
        String streamArn = description.path("LatestStreamArn").asText("");
        if (!streamArn.isEmpty()) {
            ids.overrideAttribute(table.logicalId(), "StreamArn", streamArn);
        }
        ids.overrideAttribute(
                table.logicalId(),
                "Arn",
                description.path("TableArn").asText(ids.arn("dynamodb", "table/" + table.name())));
    }
}
