package dev.orderflow.dynamodb.internal.shape;

import static dev.orderflow.dynamodb.internal.shape.Shape.Scalar.BLOB;
import static dev.orderflow.dynamodb.internal.shape.Shape.Scalar.BOOLEAN;
import static dev.orderflow.dynamodb.internal.shape.Shape.Scalar.INTEGER;
import static dev.orderflow.dynamodb.internal.shape.Shape.Scalar.LONG;
import static dev.orderflow.dynamodb.internal.shape.Shape.Scalar.STRING;

import dev.orderflow.dynamodb.internal.shape.Shape.ListOf;
import dev.orderflow.dynamodb.internal.shape.Shape.MapOf;
import dev.orderflow.dynamodb.internal.shape.Shape.Struct;
import java.util.HashMap;
import java.util.Map;

/**
 * The input shape of every operation, from the DynamoDB API reference
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html)
 * and the DynamoDB Streams reference. Members the engine does not act on are listed too, so that
 * their types are checked as DynamoDB checks them.
 */
public final class OperationShapes {
    private static final Map<String, Struct> INPUTS = new HashMap<>();

    static {
        Struct attributeValue = new Struct("AttributeValue");
        attributeValue
                .with("S", STRING)
                .with("N", STRING)
                .with("B", BLOB)
                .with("SS", list(STRING))
                .with("NS", list(STRING))
                .with("BS", list(BLOB))
                .with("M", map(attributeValue))
                .with("L", list(attributeValue))
                .with("NULL", BOOLEAN)
                .with("BOOL", BOOLEAN);
        MapOf item = map(attributeValue);
        MapOf names = map(STRING);
        ListOf attributeValues = list(attributeValue);

        Struct expected =
                new Struct("ExpectedAttributeValue")
                        .with("Value", attributeValue)
                        .with("Exists", BOOLEAN)
                        .with("ComparisonOperator", STRING)
                        .with("AttributeValueList", attributeValues);
        Struct condition =
                new Struct("Condition")
                        .with("AttributeValueList", attributeValues)
                        .with("ComparisonOperator", STRING);
        Struct attributeUpdate =
                new Struct("AttributeValueUpdate")
                        .with("Value", attributeValue)
                        .with("Action", STRING);

        Struct keySchemaElement =
                new Struct("KeySchemaElement")
                        .with("AttributeName", STRING)
                        .with("KeyType", STRING);
        ListOf keySchema = list(keySchemaElement);
        Struct projection =
                new Struct("Projection")
                        .with("ProjectionType", STRING)
                        .with("NonKeyAttributes", list(STRING));
        Struct throughput =
                new Struct("ProvisionedThroughput")
                        .with("ReadCapacityUnits", LONG)
                        .with("WriteCapacityUnits", LONG);
        Struct onDemand =
                new Struct("OnDemandThroughput")
                        .with("MaxReadRequestUnits", LONG)
                        .with("MaxWriteRequestUnits", LONG);
        Struct warm =
                new Struct("WarmThroughput")
                        .with("ReadUnitsPerSecond", LONG)
                        .with("WriteUnitsPerSecond", LONG);
        Struct attributeDefinition =
                new Struct("AttributeDefinition")
                        .with("AttributeName", STRING)
                        .with("AttributeType", STRING);
        Struct stream =
                new Struct("StreamSpecification")
                        .with("StreamEnabled", BOOLEAN)
                        .with("StreamViewType", STRING);
        Struct sse =
                new Struct("SSESpecification")
                        .with("Enabled", BOOLEAN)
                        .with("SSEType", STRING)
                        .with("KMSMasterKeyId", STRING);
        Struct tag = new Struct("Tag").with("Key", STRING).with("Value", STRING);
        Struct gsi =
                new Struct("GlobalSecondaryIndex")
                        .with("IndexName", STRING)
                        .with("KeySchema", keySchema)
                        .with("Projection", projection)
                        .with("ProvisionedThroughput", throughput)
                        .with("OnDemandThroughput", onDemand)
                        .with("WarmThroughput", warm);
        Struct lsi =
                new Struct("LocalSecondaryIndex")
                        .with("IndexName", STRING)
                        .with("KeySchema", keySchema)
                        .with("Projection", projection);

        define("GetItem")
                .with("TableName", STRING)
                .with("Key", item)
                .with("AttributesToGet", list(STRING))
                .with("ConsistentRead", BOOLEAN)
                .with("ReturnConsumedCapacity", STRING)
                .with("ProjectionExpression", STRING)
                .with("ExpressionAttributeNames", names);
        define("PutItem")
                .with("TableName", STRING)
                .with("Item", item)
                .with("Expected", map(expected))
                .with("ReturnValues", STRING)
                .with("ReturnConsumedCapacity", STRING)
                .with("ReturnItemCollectionMetrics", STRING)
                .with("ConditionalOperator", STRING)
                .with("ConditionExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item)
                .with("ReturnValuesOnConditionCheckFailure", STRING);
        define("DeleteItem")
                .with("TableName", STRING)
                .with("Key", item)
                .with("Expected", map(expected))
                .with("ConditionalOperator", STRING)
                .with("ReturnValues", STRING)
                .with("ReturnConsumedCapacity", STRING)
                .with("ReturnItemCollectionMetrics", STRING)
                .with("ConditionExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item)
                .with("ReturnValuesOnConditionCheckFailure", STRING);
        define("UpdateItem")
                .with("TableName", STRING)
                .with("Key", item)
                .with("AttributeUpdates", map(attributeUpdate))
                .with("Expected", map(expected))
                .with("ConditionalOperator", STRING)
                .with("ReturnValues", STRING)
                .with("ReturnConsumedCapacity", STRING)
                .with("ReturnItemCollectionMetrics", STRING)
                .with("UpdateExpression", STRING)
                .with("ConditionExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item)
                .with("ReturnValuesOnConditionCheckFailure", STRING);
        define("Query")
                .with("TableName", STRING)
                .with("IndexName", STRING)
                .with("Select", STRING)
                .with("AttributesToGet", list(STRING))
                .with("Limit", INTEGER)
                .with("ConsistentRead", BOOLEAN)
                .with("KeyConditions", map(condition))
                .with("QueryFilter", map(condition))
                .with("ConditionalOperator", STRING)
                .with("ScanIndexForward", BOOLEAN)
                .with("ExclusiveStartKey", item)
                .with("ReturnConsumedCapacity", STRING)
                .with("ProjectionExpression", STRING)
                .with("FilterExpression", STRING)
                .with("KeyConditionExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item);
        define("Scan")
                .with("TableName", STRING)
                .with("IndexName", STRING)
                .with("AttributesToGet", list(STRING))
                .with("Limit", INTEGER)
                .with("Select", STRING)
                .with("ScanFilter", map(condition))
                .with("ConditionalOperator", STRING)
                .with("ExclusiveStartKey", item)
                .with("ReturnConsumedCapacity", STRING)
                .with("TotalSegments", INTEGER)
                .with("Segment", INTEGER)
                .with("ProjectionExpression", STRING)
                .with("FilterExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item)
                .with("ConsistentRead", BOOLEAN);

        Struct keysAndAttributes =
                new Struct("KeysAndAttributes")
                        .with("Keys", list(item))
                        .with("AttributesToGet", list(STRING))
                        .with("ConsistentRead", BOOLEAN)
                        .with("ProjectionExpression", STRING)
                        .with("ExpressionAttributeNames", names);
        define("BatchGetItem")
                .with("RequestItems", map(keysAndAttributes))
                .with("ReturnConsumedCapacity", STRING);
        Struct writeRequest =
                new Struct("WriteRequest")
                        .with("PutRequest", new Struct("PutRequest").with("Item", item))
                        .with("DeleteRequest", new Struct("DeleteRequest").with("Key", item));
        define("BatchWriteItem")
                .with("RequestItems", map(list(writeRequest)))
                .with("ReturnConsumedCapacity", STRING)
                .with("ReturnItemCollectionMetrics", STRING);

        Struct conditionCheck =
                new Struct("ConditionCheck").with("Key", item).with("TableName", STRING);
        conditionalWrite(conditionCheck, names, item);
        Struct put = new Struct("Put").with("Item", item).with("TableName", STRING);
        conditionalWrite(put, names, item);
        Struct delete = new Struct("Delete").with("Key", item).with("TableName", STRING);
        conditionalWrite(delete, names, item);
        Struct update =
                new Struct("Update")
                        .with("Key", item)
                        .with("UpdateExpression", STRING)
                        .with("TableName", STRING);
        conditionalWrite(update, names, item);
        define("TransactWriteItems")
                .with(
                        "TransactItems",
                        list(
                                new Struct("TransactWriteItem")
                                        .with("ConditionCheck", conditionCheck)
                                        .with("Put", put)
                                        .with("Delete", delete)
                                        .with("Update", update)))
                .with("ReturnConsumedCapacity", STRING)
                .with("ReturnItemCollectionMetrics", STRING)
                .with("ClientRequestToken", STRING);
        Struct get =
                new Struct("Get")
                        .with("Key", item)
                        .with("TableName", STRING)
                        .with("ProjectionExpression", STRING)
                        .with("ExpressionAttributeNames", names);
        define("TransactGetItems")
                .with("TransactItems", list(new Struct("TransactGetItem").with("Get", get)))
                .with("ReturnConsumedCapacity", STRING);

        define("ExecuteStatement")
                .with("Statement", STRING)
                .with("Parameters", attributeValues)
                .with("ConsistentRead", BOOLEAN)
                .with("NextToken", STRING)
                .with("ReturnConsumedCapacity", STRING)
                .with("Limit", INTEGER)
                .with("ReturnValuesOnConditionCheckFailure", STRING);
        define("BatchExecuteStatement")
                .with(
                        "Statements",
                        list(
                                new Struct("BatchStatementRequest")
                                        .with("Statement", STRING)
                                        .with("Parameters", attributeValues)
                                        .with("ConsistentRead", BOOLEAN)
                                        .with("ReturnValuesOnConditionCheckFailure", STRING)))
                .with("ReturnConsumedCapacity", STRING);
        define("ExecuteTransaction")
                .with(
                        "TransactStatements",
                        list(
                                new Struct("ParameterizedStatement")
                                        .with("Statement", STRING)
                                        .with("Parameters", attributeValues)
                                        .with("ReturnValuesOnConditionCheckFailure", STRING)))
                .with("ClientRequestToken", STRING)
                .with("ReturnConsumedCapacity", STRING);

        define("CreateTable")
                .with("AttributeDefinitions", list(attributeDefinition))
                .with("TableName", STRING)
                .with("KeySchema", keySchema)
                .with("LocalSecondaryIndexes", list(lsi))
                .with("GlobalSecondaryIndexes", list(gsi))
                .with("BillingMode", STRING)
                .with("ProvisionedThroughput", throughput)
                .with("StreamSpecification", stream)
                .with("SSESpecification", sse)
                .with("Tags", list(tag))
                .with("TableClass", STRING)
                .with("DeletionProtectionEnabled", BOOLEAN)
                .with("ResourcePolicy", STRING)
                .with("OnDemandThroughput", onDemand)
                .with("WarmThroughput", warm);
        Struct gsiUpdate =
                new Struct("GlobalSecondaryIndexUpdate")
                        .with(
                                "Update",
                                new Struct("UpdateGlobalSecondaryIndexAction")
                                        .with("IndexName", STRING)
                                        .with("ProvisionedThroughput", throughput)
                                        .with("OnDemandThroughput", onDemand)
                                        .with("WarmThroughput", warm))
                        .with(
                                "Create",
                                new Struct("CreateGlobalSecondaryIndexAction")
                                        .with("IndexName", STRING)
                                        .with("KeySchema", keySchema)
                                        .with("Projection", projection)
                                        .with("ProvisionedThroughput", throughput)
                                        .with("OnDemandThroughput", onDemand)
                                        .with("WarmThroughput", warm))
                        .with(
                                "Delete",
                                new Struct("DeleteGlobalSecondaryIndexAction")
                                        .with("IndexName", STRING));
        define("UpdateTable")
                .with("AttributeDefinitions", list(attributeDefinition))
                .with("TableName", STRING)
                .with("BillingMode", STRING)
                .with("ProvisionedThroughput", throughput)
                .with("GlobalSecondaryIndexUpdates", list(gsiUpdate))
                .with("StreamSpecification", stream)
                .with("SSESpecification", sse)
                .with("TableClass", STRING)
                .with("DeletionProtectionEnabled", BOOLEAN)
                .with("MultiRegionConsistency", STRING)
                .with("OnDemandThroughput", onDemand)
                .with("WarmThroughput", warm);
        define("DeleteTable").with("TableName", STRING);
        define("DescribeTable").with("TableName", STRING);
        define("DescribeTimeToLive").with("TableName", STRING);
        define("DescribeContinuousBackups").with("TableName", STRING);
        define("ListTables").with("ExclusiveStartTableName", STRING).with("Limit", INTEGER);
        define("UpdateTimeToLive")
                .with("TableName", STRING)
                .with(
                        "TimeToLiveSpecification",
                        new Struct("TimeToLiveSpecification")
                                .with("Enabled", BOOLEAN)
                                .with("AttributeName", STRING));
        define("TagResource").with("ResourceArn", STRING).with("Tags", list(tag));
        define("UntagResource").with("ResourceArn", STRING).with("TagKeys", list(STRING));
        define("ListTagsOfResource").with("ResourceArn", STRING).with("NextToken", STRING);

        define("Streams.DescribeStream")
                .with("StreamArn", STRING)
                .with("Limit", INTEGER)
                .with("ExclusiveStartShardId", STRING);
        define("Streams.GetShardIterator")
                .with("StreamArn", STRING)
                .with("ShardId", STRING)
                .with("ShardIteratorType", STRING)
                .with("SequenceNumber", STRING);
        define("Streams.GetRecords").with("ShardIterator", STRING).with("Limit", INTEGER);
        define("Streams.ListStreams")
                .with("TableName", STRING)
                .with("Limit", INTEGER)
                .with("ExclusiveStartStreamArn", STRING);
    }

    private OperationShapes() {}

    /** The input shape of an operation (Streams operations prefixed {@code Streams.}), or null. */
    public static Struct input(String operation) {
        return INPUTS.get(operation);
    }

    private static Struct define(String operation) {
        Struct input = new Struct(operation + "Input");
        INPUTS.put(operation, input);
        return input;
    }

    /** The members every conditional write shares (Put, Update, Delete, ConditionCheck). */
    private static void conditionalWrite(Struct write, MapOf names, MapOf item) {
        write.with("ConditionExpression", STRING)
                .with("ExpressionAttributeNames", names)
                .with("ExpressionAttributeValues", item)
                .with("ReturnValuesOnConditionCheckFailure", STRING);
    }

    private static ListOf list(Shape member) {
        return new ListOf(member);
    }

    private static MapOf map(Shape value) {
        return new MapOf(value);
    }
}
