package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.Engine;

/** Registers every supported operation with the engine. */
public final class Operations {
    private Operations() {}

    public static void registerAll(Engine engine) {
        new TableOps(engine).register();
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
        new AdminOps(engine).register();
        new StreamOps(engine).register();
        dev.orderflow.dynamodb.internal.partiql.PartiqlOps.register(engine);
    }
}
