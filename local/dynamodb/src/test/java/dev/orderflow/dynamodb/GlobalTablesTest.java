package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Global tables with multi-Region eventual consistency (MREC) between two local regions, through
 * the SDK over HTTP: delivery after the lag, last-writer-wins per item (deletes included),
 * replicated writes in the receiver's stream, TTL deletes, and a region that goes down and comes
 * back ("How DynamoDB global tables work",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html).
 */
class GlobalTablesTest {
    private static final Duration LAG = Duration.ofSeconds(1);

    @TempDir Path euData;
    private MutableClock clock;
    private Regions regions;
    private Regions.Region eu;
    private Regions.Region us;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        regions = new Regions(clock, LAG, euData);
        eu = regions.eu;
        us = regions.us;
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    private void put(Regions.Region r, String table, String pk, String v) {
        r.client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "v", s(v))));
    }

    private void delete(Regions.Region r, String table, String pk) {
        r.client.deleteItem(b -> b.tableName(table).key(Map.of("pk", s(pk))));
    }

    /** Moves the clock past the lag and waits until every delivery is applied. */
    private void replicate() {
        replicateLeaving(0, 0);
    }

    /** Moves the clock past the lag and waits until only this many deliveries wait. */
    private void replicateLeaving(int toEu, int toUs) {
        clock.advance(LAG);
        regions.global.deliverDue();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                regions.global.pendingDeliveries(Regions.EU) == toEu
                                        && regions.global.pendingDeliveries(Regions.US) == toUs);
    }

    @Test
    void writeInOneRegion_isReadableInTheOther_afterTheLagAndNotBefore() {
        String table = regions.globalTable("mrec", GlobalTables.Consistency.EVENTUAL);

        put(eu, table, "a", "1");

        assertThat(regions.global.deliverDue()).isZero();
        assertThat(us.get(table, "a")).isNull();
        assertThat(regions.global.pendingDeliveries(Regions.US)).isEqualTo(1);

        clock.advance(LAG);
        await().atMost(Duration.ofSeconds(10)).until(() -> us.get(table, "a") != null);
        assertThat(us.get(table, "a")).containsEntry("v", s("1"));
    }

    @Test
    void lagZero_deliversOnTheBackgroundThread() {
        try (GlobalTables zero = new GlobalTables(Duration.ZERO, clock)) {
            regions.global.detach(Regions.EU);
            regions.global.detach(Regions.US);
            zero.attach(Regions.EU, eu.server.engine());
            zero.attach(Regions.US, us.server.engine());
            String table = regions.createTable("lag0", b -> {});
            zero.replicate(table, GlobalTables.Consistency.EVENTUAL);

            put(us, table, "a", "1");

            await().atMost(Duration.ofSeconds(10)).until(() -> eu.get(table, "a") != null);
        }
    }

    @Test
    void concurrentWritesToOneItem_convergeOnTheLastWriterInBothRegions() {
        String table = regions.globalTable("lww", GlobalTables.Consistency.EVENTUAL);

        put(eu, table, "a", "eu-first");
        clock.advance(Duration.ofMillis(5));
        put(us, table, "a", "us-last");
        replicate();

        assertThat(eu.get(table, "a")).containsEntry("v", s("us-last"));
        assertThat(us.get(table, "a")).containsEntry("v", s("us-last"));
    }

    @Test
    void writesWithTheSameTimestamp_convergeOnTheGreaterRegionName() {
        String table = regions.globalTable("tie", GlobalTables.Consistency.EVENTUAL);

        put(us, table, "a", "from-us");
        put(eu, table, "a", "from-eu");
        replicate();

        assertThat(eu.get(table, "a")).containsEntry("v", s("from-us"));
        assertThat(us.get(table, "a")).containsEntry("v", s("from-us"));
    }

    @Test
    void deleteAfterAPut_isNotUndoneByThePutArrivingLater() {
        String table = regions.globalTable("tomb", GlobalTables.Consistency.EVENTUAL);
        put(eu, table, "a", "0");
        replicate();

        put(eu, table, "a", "1"); // older than the delete below, delivered after it
        clock.advance(Duration.ofMillis(5));
        delete(us, table, "a");
        replicate();

        assertThat(eu.get(table, "a")).isNull();
        assertThat(us.get(table, "a")).isNull();
    }

    @Test
    void putAfterADelete_winsInBothRegions() {
        String table = regions.globalTable("revive", GlobalTables.Consistency.EVENTUAL);
        put(eu, table, "a", "0");
        replicate();

        delete(us, table, "a");
        clock.advance(Duration.ofMillis(5));
        put(eu, table, "a", "back");
        replicate();

        assertThat(eu.get(table, "a")).containsEntry("v", s("back"));
        assertThat(us.get(table, "a")).containsEntry("v", s("back"));
    }

    @Test
    void replicatedWrites_appearInTheReceiversStream_againstItsOwnOldImage() {
        String table = regions.globalTable("stream", GlobalTables.Consistency.EVENTUAL);

        put(eu, table, "a", "1");
        replicate();
        eu.client.updateItem(
                b ->
                        b.tableName(table)
                                .key(Map.of("pk", s("a")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(Map.of(":v", s("2"))));
        replicate();
        delete(eu, table, "a");
        replicate();

        List<Record> records = us.records(table);
        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(0).dynamodb().newImage()).containsEntry("v", s("1"));
        assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", s("1"));
        assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", s("2"));
        assertThat(records.get(2).dynamodb().oldImage()).containsEntry("v", s("2"));
        assertThat(records).allSatisfy(r -> assertThat(r.userIdentity()).isNull());
    }

    @Test
    void replicatedWrite_bypassesConditionsAndMaintainsTheReceiversIndexes() {
        String table =
                regions.createTable(
                        "indexed",
                        b ->
                                b.attributeDefinitions(LocalDynamo.def("pk"), LocalDynamo.def("g"))
                                        .globalSecondaryIndexes(
                                                GlobalSecondaryIndex.builder()
                                                        .indexName("byG")
                                                        .keySchema(LocalDynamo.hashKey("g"))
                                                        .projection(p -> p.projectionType("ALL"))
                                                        .build()));
        regions.global.replicate(table, GlobalTables.Consistency.EVENTUAL);

        eu.client.putItem(
                b ->
                        b.tableName(table)
                                .item(Map.of("pk", s("a"), "g", s("blue")))
                                .conditionExpression("attribute_not_exists(pk)"));
        replicate();

        var found =
                us.client.query(
                        b ->
                                b.tableName(table)
                                        .indexName("byG")
                                        .keyConditionExpression("g = :g")
                                        .expressionAttributeValues(Map.of(":g", s("blue"))));
        assertThat(found.items()).extracting(i -> i.get("pk")).containsExactly(s("a"));
    }

    private static WriteRequest putRequest(String pk) {
        return WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(pk)))).build();
    }

    @Test
    void batchAndTransactionWrites_replicateItemByItem() {
        String table = regions.globalTable("multi", GlobalTables.Consistency.EVENTUAL);

        eu.client.batchWriteItem(
                b -> b.requestItems(Map.of(table, List.of(putRequest("b1"), putRequest("b2")))));
        eu.client.transactWriteItems(
                b ->
                        b.transactItems(
                                TransactWriteItem.builder()
                                        .put(p -> p.tableName(table).item(Map.of("pk", s("t1"))))
                                        .build()));
        eu.client.executeStatement(
                b -> b.statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'q1'}"));
        replicate();

        for (String pk : List.of("b1", "b2", "t1", "q1")) {
            assertThat(us.get(table, pk)).as(pk).isNotNull();
        }
    }

    @Test
    void ttlDeletion_replicates_withoutUserIdentityInTheOtherRegion() {
        String table = regions.globalTable("ttl", GlobalTables.Consistency.EVENTUAL);
        for (Regions.Region r : List.of(eu, us)) {
            r.client.updateTimeToLive(
                    b ->
                            b.tableName(table)
                                    .timeToLiveSpecification(
                                            t -> t.enabled(true).attributeName("expires")));
        }
        long expires = clock.instant().getEpochSecond() + 10;
        eu.client.putItem(
                b -> b.tableName(table).item(Map.of("pk", s("a"), "expires", n("" + expires))));
        replicate();
        assertThat(us.get(table, "a")).isNotNull();

        clock.advance(Duration.ofSeconds(20));
        assertThat(eu.server.sweepExpiredItems()).isEqualTo(1);
        replicate();

        assertThat(us.get(table, "a")).isNull();
        Record euRemove = eu.records(table).get(1);
        assertThat(euRemove.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        Record usRemove = us.records(table).get(1);
        assertThat(usRemove.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(usRemove.userIdentity()).isNull();
    }

    @Test
    void describeTable_listsTheOtherReplicas_andTheGlobalTableVersion() {
        String table = regions.globalTable("described", GlobalTables.Consistency.EVENTUAL);

        TableDescription d = eu.client.describeTable(b -> b.tableName(table)).table();

        assertThat(d.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(d.replicas()).hasSize(1);
        assertThat(d.replicas().get(0).regionName()).isEqualTo(Regions.US);
        assertThat(d.replicas().get(0).replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(d.multiRegionConsistency()).isNull();
        String regional = regions.createTable("regional", b -> {});
        assertThat(eu.client.describeTable(b -> b.tableName(regional)).table().hasReplicas())
                .isFalse();
    }

    @Test
    void detachedRegion_catchesUpWhenBack_inBothDirections_overTheSameDataDirectory() {
        String table = regions.globalTable("outage", GlobalTables.Consistency.EVENTUAL);
        put(eu, table, "made-in-eu-before-the-outage", "1"); // not yet delivered
        regions.global.detach(Regions.EU);
        eu.close(); // the region is down; its data directory stays

        put(us, table, "made-in-us-during-the-outage", "2");
        replicateLeaving(1, 1);
        assertThat(us.get(table, "made-in-eu-before-the-outage")).isNull();

        eu.serve(Regions.server(clock, euData));
        regions.global.attach(Regions.EU, eu.server.engine());
        replicate();

        assertThat(eu.get(table, "made-in-us-during-the-outage")).containsEntry("v", s("2"));
        assertThat(us.get(table, "made-in-eu-before-the-outage")).containsEntry("v", s("1"));
    }

    @Test
    void detachedRegion_attachedAgainWithTheSameEngine_getsWhatWaited_lastWriterWins() {
        String table = regions.globalTable("flap", GlobalTables.Consistency.EVENTUAL);
        regions.global.detach(Regions.US);
        put(eu, table, "a", "old");
        clock.advance(Duration.ofMillis(5));
        put(eu, table, "a", "new");
        replicateLeaving(0, 2);
        assertThat(us.get(table, "a")).isNull();

        regions.global.attach(Regions.US, us.server.engine());
        replicate();

        assertThat(us.get(table, "a")).containsEntry("v", s("new"));
    }
}
