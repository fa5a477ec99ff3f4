package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicatedWriteConflictException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Global tables with multi-Region strong consistency (MRSC) between two local regions, through the
 * SDK over HTTP: synchronous replication, ReplicatedWriteConflictException for a write to an item
 * another region is writing (held open deterministically by a StrongWriteListener), and the
 * operations MRSC refuses ("How DynamoDB global tables work", MRSC).
 */
class StrongGlobalTablesTest {
    private MutableClock clock;
    private Regions regions;
    private Regions.Region eu;
    private Regions.Region us;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        regions = new Regions(clock, Duration.ofHours(1), null);
        eu = regions.eu;
        us = regions.us;
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.shutdownNow();
        writer.awaitTermination(10, TimeUnit.SECONDS);
        regions.close();
    }

    private void put(Regions.Region r, String table, String pk, String v) {
        r.client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "v", s(v))));
    }

    @Test
    void write_isVisibleToAStronglyConsistentReadInTheOtherRegion_whenTheCallReturns() {
        String table = regions.globalTable("mrsc", GlobalTables.Consistency.STRONG);

        put(eu, table, "a", "1");
        assertThat(us.get(table, "a")).containsEntry("v", s("1"));

        us.client.updateItem(
                b ->
                        b.tableName(table)
                                .key(Map.of("pk", s("a")))
                                .updateExpression("SET v = :v")
                                .conditionExpression("v = :old")
                                .expressionAttributeValues(Map.of(":v", s("2"), ":old", s("1"))));
        assertThat(eu.get(table, "a")).containsEntry("v", s("2"));
        us.client.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("a"))));
        assertThat(eu.get(table, "a")).isNull();
        assertThat(regions.global.pendingDeliveries(Regions.EU)).isZero();
    }

    @Test
    void writeToAnItemAnotherRegionIsWriting_failsWithReplicatedWriteConflict() throws Exception {
        String table = regions.globalTable("conflict", GlobalTables.Consistency.STRONG);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        regions.global.strongWriteListener(
                (region, t) -> {
                    if (region.equals(Regions.EU)) {
                        inFlight.countDown();
                        awaitQuietly(release);
                    }
                });
        CompletableFuture<Void> euWrite =
                CompletableFuture.runAsync(() -> put(eu, table, "a", "eu"), writer);
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> put(us, table, "a", "us"))
                .isInstanceOfSatisfying(
                        ReplicatedWriteConflictException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode())
                                    .isEqualTo("ReplicatedWriteConflictException");
                        });
        put(us, table, "other", "us"); // another item is not held

        release.countDown();
        euWrite.get(10, TimeUnit.SECONDS);
        assertThat(us.get(table, "a")).containsEntry("v", s("eu"));
        put(us, table, "a", "us"); // the item is free again
        assertThat(eu.get(table, "a")).containsEntry("v", s("us"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void transactionsAndTimeToLive_areRefusedOnAStrongTable() {
        String table = regions.globalTable("notx", GlobalTables.Consistency.STRONG);

        assertThatThrownBy(
                        () ->
                                eu.client.transactWriteItems(
                                        b ->
                                                b.transactItems(
                                                        TransactWriteItem.builder()
                                                                .put(
                                                                        p ->
                                                                                p.tableName(table)
                                                                                        .item(
                                                                                                Map
                                                                                                        .of(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "a"))))
                                                                .build())))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, StrongGlobalTablesTest::validation);
        assertThatThrownBy(
                        () ->
                                eu.client.transactGetItems(
                                        b ->
                                                b.transactItems(
                                                        TransactGetItem.builder()
                                                                .get(
                                                                        g ->
                                                                                g.tableName(table)
                                                                                        .key(
                                                                                                Map
                                                                                                        .of(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "a"))))
                                                                .build())))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, StrongGlobalTablesTest::validation);
        assertThatThrownBy(
                        () ->
                                us.client.updateTimeToLive(
                                        b ->
                                                b.tableName(table)
                                                        .timeToLiveSpecification(
                                                                t ->
                                                                        t.enabled(true)
                                                                                .attributeName(
                                                                                        "expires"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, StrongGlobalTablesTest::validation);
        assertThat(eu.get(table, "a")).isNull();
    }

    private static void validation(DynamoDbException e) {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("multi-Region strong consistency");
    }

    @Test
    void aTableThatIsNotEmpty_cannotBecomeStrong() {
        String table = regions.createTable("full", b -> {});
        put(eu, table, "a", "1");

        assertThatThrownBy(() -> regions.global.replicate(table, GlobalTables.Consistency.STRONG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ValidationException");
    }

    @Test
    void describeTable_saysStrong() {
        String table = regions.globalTable("described", GlobalTables.Consistency.STRONG);

        TableDescription d = us.client.describeTable(b -> b.tableName(table)).table();

        assertThat(d.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        assertThat(d.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(d.replicas().get(0).regionName()).isEqualTo(Regions.EU);
    }

    @Test
    void withARegionDetached_theOthersKeepWriting_andItCatchesUpWhenBack() {
        String table = regions.globalTable("down", GlobalTables.Consistency.STRONG);
        regions.global.detach(Regions.US);

        put(eu, table, "a", "1");
        assertThat(us.get(table, "a")).isNull();
        assertThat(regions.global.pendingDeliveries(Regions.US)).isEqualTo(1);

        regions.global.attach(Regions.US, us.server.engine());
        regions.global.deliverDue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> regions.global.pendingDeliveries(Regions.US) == 0);
        assertThat(us.get(table, "a")).containsEntry("v", s("1"));
    }
}
