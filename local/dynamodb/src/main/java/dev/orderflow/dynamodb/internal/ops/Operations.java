package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.partiql.PartiqlOperations;

/** Every supported API operation, registered with the engine by its target name: the one table. */
public final class Operations {
    private Operations() {}

    public static void registerAll(Engine engine) {
        engine.register("CreateTable", new CreateTableOp(engine)::invoke);
        engine.register("DescribeTable", new DescribeTableOp(engine)::invoke);
        engine.register("ListTables", new ListTablesOp(engine)::invoke);
        engine.register("DeleteTable", new DeleteTableOp(engine)::invoke);
        engine.register("UpdateTable", new UpdateTableOp(engine)::invoke);
        engine.register("PutItem", new PutItemOp(engine)::invoke);
        engine.register("GetItem", new GetItemOp(engine)::invoke);
        engine.register("DeleteItem", new DeleteItemOp(engine)::invoke);
        engine.register("UpdateItem", new UpdateItemOp(engine)::invoke);
        engine.register("Query", new QueryOp(engine)::invoke);
        engine.register("Scan", new ScanOp(engine)::invoke);
        engine.register("BatchGetItem", new BatchGetItemOp(engine)::invoke);
        engine.register("BatchWriteItem", new BatchWriteItemOp(engine)::invoke);
        engine.register("TransactWriteItems", new TransactWriteItemsOp(engine)::invoke);
        engine.register("TransactGetItems", new TransactGetItemsOp(engine)::invoke);
        engine.register("UpdateTimeToLive", new UpdateTimeToLiveOp(engine)::invoke);
        engine.register("DescribeTimeToLive", new DescribeTimeToLiveOp(engine)::invoke);
        engine.register("UpdateContinuousBackups", new UpdateContinuousBackupsOp(engine)::invoke);
        engine.register(
                "DescribeContinuousBackups", new DescribeContinuousBackupsOp(engine)::invoke);
        engine.register("TagResource", new TagResourceOp(engine)::invoke);
        engine.register("UntagResource", new UntagResourceOp(engine)::invoke);
        engine.register("ListTagsOfResource", new ListTagsOfResourceOp(engine)::invoke);
        engine.register("DescribeLimits", new DescribeLimitsOp()::invoke);
        engine.register("DescribeEndpoints", new DescribeEndpointsOp()::invoke);
        engine.register("Streams.ListStreams", new ListStreamsOp(engine)::invoke);
        engine.register("Streams.DescribeStream", new DescribeStreamOp(engine)::invoke);
        engine.register("Streams.GetShardIterator", new GetShardIteratorOp(engine)::invoke);
        engine.register("Streams.GetRecords", new GetRecordsOp(engine)::invoke);
        PartiqlOperations partiql = new PartiqlOperations(engine);
        engine.register("ExecuteStatement", partiql.executeStatement());
        engine.register("BatchExecuteStatement", partiql.batchExecuteStatement());
        engine.register("ExecuteTransaction", partiql.executeTransaction());
    }
}
