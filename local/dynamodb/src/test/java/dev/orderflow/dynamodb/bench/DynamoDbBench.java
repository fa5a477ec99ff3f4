package dev.orderflow.dynamodb.bench;

import dev.orderflow.dynamodb.DynamoDbEngine;
import dev.orderflow.dynamodb.DynamoDbServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark main (not a test): in-process throughput on one thread, throughput over HTTP with the
 * SDK and 16 concurrent clients, and heap used by 100k items of 1 KB.
 *
 * <p>Run: {@code mvn -f local/dynamodb/pom.xml test-compile} then {@code java -cp
 * "target/classes:target/test-classes:$(cat cp.txt)" dev.orderflow.dynamodb.bench.DynamoDbBench
 * [seconds] [http-endpoint [operation-prefix]]}. With an endpoint (e.g. dynalite's) only the HTTP
 * part runs against it; with {@code -Dbench.serverPid=PID} (a process on this Linux machine) it
 * also reports that server's CPU per request, from {@code /proc/PID/stat} (user + system) over each
 * measured run, divided by the requests of the run ({@code local/dynamodb/bench/vs-dynalite.sh}).
 */
public final class DynamoDbBench {
    private static final String P = "DynamoDB_20120810.";

    private static String only = "";

    private DynamoDbBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        if (args.length > 1 && args[1].equals("heap")) {
            heap();
            return;
        }
        if (args.length > 1 && args[1].equals("datadir")) {
            dataDir(seconds);
            return;
        }
        if (args.length > 1 && args[1].equals("inprocess")) {
            only = args.length > 2 ? args[2] : "";
            inProcess(seconds);
            return;
        }
        if (args.length > 1) {
            only = args.length > 2 ? args[2] : "";
            http(URI.create(args[1]), seconds);
            return;
        }
        inProcess(seconds);
        heap();
        try (DynamoDbServer server = DynamoDbServer.builder().port(0).start()) {
            http(server.endpoint(), seconds);
        }
    }

    private static byte[] b(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void call(DynamoDbEngine e, String op, String json) {
        DynamoDbEngine.Response r = e.invoke(P + op, b(json));
        if (r.status() != 200) {
            throw new IllegalStateException(
                    op + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static void inProcess(double seconds) {
        DynamoDbEngine e = DynamoDbEngine.inMemory(Clock.systemUTC());
        call(
                e,
                "CreateTable",
                "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}");
        String payload = "x".repeat(1000);
        for (int i = 0; i < 10_000; i++) {
            call(
                    e,
                    "PutItem",
                    "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"p"
                            + (i / 10)
                            + "\"},\"sk\":{\"N\":\""
                            + (i % 10)
                            + "\"},\"data\":{\"S\":\""
                            + payload
                            + "\"},\"n\":{\"N\":\"1000000000\"}}}");
        }
        byte[] get =
                b(
                        "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p42\"},\"sk\":{\"N\":\"3\"}}}");
        byte[] getSmall =
                b(
                        "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p42\"},\"sk\":{\"N\":\"3\"}},\"ProjectionExpression\":\"n\"}");
        byte[] put =
                b(
                        "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"w\"},\"sk\":{\"N\":\"1\"},\"data\":{\"S\":\""
                                + payload
                                + "\"}}}");
        byte[] query =
                b(
                        "{\"TableName\":\"bench\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p7\"}}}");
        byte[] update =
                b(
                        "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET n = n - :one\",\"ConditionExpression\":\"n > :zero\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":zero\":{\"N\":\"0\"}}}");
        byte[] tx =
                b(
                        "{\"TransactItems\":[{\"Update\":{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p2\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET n = n - :one\",\"ConditionExpression\":\"n > :zero\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":zero\":{\"N\":\"0\"}}}},{\"Update\":{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p3\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET n = n + :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}}]}");
        System.out.println("== in-process, 1 thread (JSON bytes in, JSON bytes out) ==");
        run("GetItem (1 KB item)", seconds, i -> e.invoke(P + "GetItem", get));
        run("GetItem (projected, small)", seconds, i -> e.invoke(P + "GetItem", getSmall));
        run("PutItem 1 KB", seconds, i -> e.invoke(P + "PutItem", put));
        run("Query 10 items of 1 KB", seconds, i -> e.invoke(P + "Query", query));
        run("conditional UpdateItem", seconds, i -> e.invoke(P + "UpdateItem", update));
        run("TransactWriteItems (2 updates)", seconds, i -> e.invoke(P + "TransactWriteItems", tx));
    }

    /**
     * PutItem of 1 KB items, distinct keys, in memory and then with {@code --data-dir} (WAL written
     * before each response, fsync every 100 ms), back to back in one JVM: the ratio is the cost of
     * durability.
     */
    private static void dataDir(double seconds) throws java.io.IOException {
        String payload = "x".repeat(1000);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ddb-bench");
        System.out.println("== PutItem 1 KB, distinct keys, 1 thread: in memory vs --data-dir ==");
        try (DynamoDbEngine memory = DynamoDbEngine.inMemory(Clock.systemUTC());
                DynamoDbEngine disk = DynamoDbEngine.persistent(dir, Clock.systemUTC())) {
            for (DynamoDbEngine e : new DynamoDbEngine[] {memory, disk}) {
                call(
                        e,
                        "CreateTable",
                        "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
            }
            run("PutItem 1 KB, in memory", seconds, i -> putDistinct(memory, payload, i));
            run("PutItem 1 KB, --data-dir", seconds, i -> putDistinct(disk, payload, i));
        }
    }

    private static void putDistinct(DynamoDbEngine e, String payload, int i) {
        e.invoke(
                P + "PutItem",
                b(
                        "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"k"
                                + (i % 50_000)
                                + "\"},\"data\":{\"S\":\""
                                + payload
                                + "\"}}}"));
    }

    private static void run(String name, double seconds, IntConsumer op) {
        if (!name.startsWith(only)) {
            return;
        }
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            op.accept(i++);
        }
        var threads = ManagementFactory.getThreadMXBean();
        long allocStart = allocatedBytes();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            op.accept((int) n++);
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        double cpuRate = n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        double allocPerOp = (allocatedBytes() - allocStart) / (double) n;
        // Ops per CPU-second of the benchmark thread stays meaningful on a shared, loaded machine;
        // bytes allocated per operation do not depend on the load at all.
        System.out.printf(
                "%-34s %,12.0f ops/s wall %,12.0f ops per CPU-second %,9.0f B allocated/op%n",
                name, rate, cpuRate, allocPerOp);
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static void heap() {
        System.gc();
        long before = usedHeap();
        DynamoDbEngine e = DynamoDbEngine.inMemory(Clock.systemUTC());
        call(
                e,
                "CreateTable",
                "{\"TableName\":\"heap\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
        String payload = "y".repeat(960);
        for (int i = 0; i < 100_000; i++) {
            call(
                    e,
                    "PutItem",
                    "{\"TableName\":\"heap\",\"Item\":{\"pk\":{\"S\":\"item-"
                            + i
                            + "\"},\"data\":{\"S\":\""
                            + payload
                            + "\"},\"n\":{\"N\":\""
                            + i
                            + "\"}}}");
        }
        System.gc();
        long after = usedHeap();
        System.out.printf(
                "== heap ==%n100k items of ~1 KB: %,d MB retained (%.2f KB per item)%n",
                (after - before) >> 20, (after - before) / 1024.0 / 100_000);
        call(e, "DeleteTable", "{\"TableName\":\"heap\"}");
        System.gc();
        System.out.printf(
                "after DeleteTable and a GC: %,d MB retained%n", (usedHeap() - before) >> 20);
        e.close();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    private static void http(URI endpoint, double seconds) throws Exception {
        int clients = 16;
        List<DynamoDbClient> sdk = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sdk.add(
                    DynamoDbClient.builder()
                            .endpointOverride(endpoint)
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                            AwsBasicCredentials.create("x", "x")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build());
        }
        DynamoDbClient c = sdk.get(0);
        String table = "httpbench" + System.nanoTime();
        c.createTable(
                b ->
                        b.tableName(table)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(
                                        k -> k.attributeName("pk").keyType("HASH"),
                                        k -> k.attributeName("sk").keyType("RANGE"))
                                .attributeDefinitions(
                                        a -> a.attributeName("pk").attributeType("S"),
                                        a -> a.attributeName("sk").attributeType("N")));
        c.waiter().waitUntilTableExists(b -> b.tableName(table));
        String payload = "x".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            int j = i;
            c.putItem(
                    b ->
                            b.tableName(table)
                                    .item(
                                            Map.of(
                                                    "pk",
                                                    AttributeValue.fromS("p" + (j / 10)),
                                                    "sk",
                                                    AttributeValue.fromN("" + (j % 10)),
                                                    "data",
                                                    AttributeValue.fromS(payload),
                                                    "n",
                                                    AttributeValue.fromN("1000000000"))));
        }
        System.out.printf(
                "== over HTTP, AWS SDK v2 sync client (url-connection), %d concurrent clients, %s ==%n",
                clients, endpoint);
        httpRun(
                "GetItem",
                sdk,
                seconds,
                (cl, i) ->
                        cl.getItem(
                                b ->
                                        b.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS(
                                                                        "p" + (i % 100)),
                                                                "sk",
                                                                AttributeValue.fromN("3")))));
        httpRun(
                "PutItem 1 KB",
                sdk,
                seconds,
                (cl, i) ->
                        cl.putItem(
                                b ->
                                        b.tableName(table)
                                                .item(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS(
                                                                        "w" + (i % 100)),
                                                                "sk",
                                                                AttributeValue.fromN("1"),
                                                                "data",
                                                                AttributeValue.fromS(payload)))));
        httpRun(
                "conditional UpdateItem",
                sdk,
                seconds,
                (cl, i) ->
                        cl.updateItem(
                                b ->
                                        b.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS(
                                                                        "p" + (i % 100)),
                                                                "sk",
                                                                AttributeValue.fromN("1")))
                                                .updateExpression("SET n = n - :one")
                                                .conditionExpression("n > :zero")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":one",
                                                                AttributeValue.fromN("1"),
                                                                ":zero",
                                                                AttributeValue.fromN("0")))));
        httpRun(
                "Query 10 items",
                sdk,
                seconds,
                (cl, i) ->
                        cl.query(
                                b ->
                                        b.tableName(table)
                                                .keyConditionExpression("pk = :p")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":p",
                                                                AttributeValue.fromS(
                                                                        "p" + (i % 100))))));
        httpRun(
                "BatchWriteItem 25 x 1 KB",
                sdk,
                seconds,
                (cl, i) -> {
                    List<WriteRequest> puts = new ArrayList<>();
                    for (int j = 0; j < 25; j++) {
                        int k = j;
                        puts.add(
                                WriteRequest.builder()
                                        .putRequest(
                                                p ->
                                                        p.item(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValue.fromS(
                                                                                "b" + (i % 100)),
                                                                        "sk",
                                                                        AttributeValue.fromN(
                                                                                "" + k),
                                                                        "data",
                                                                        AttributeValue.fromS(
                                                                                payload))))
                                        .build());
                    }
                    cl.batchWriteItem(b -> b.requestItems(Map.of(table, puts)));
                });
        sdk.forEach(DynamoDbClient::close);
    }

    private interface ClientOp {
        void run(DynamoDbClient c, int i);
    }

    private static void httpRun(
            String name, List<DynamoDbClient> clients, double seconds, ClientOp op)
            throws Exception {
        if (!name.startsWith(only)) {
            return;
        }
        String serverPid = System.getProperty("bench.serverPid");
        long serverBefore = serverPid == null ? 0 : serverCpuTicks(serverPid);
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        AtomicLong count = new AtomicLong();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<?>> fs = new ArrayList<>();
        for (DynamoDbClient cl : clients) {
            fs.add(
                    pool.submit(
                            () -> {
                                int i = 0;
                                while (System.nanoTime() < end) {
                                    op.run(cl, i++);
                                    count.incrementAndGet();
                                }
                            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        if (serverPid == null) {
            System.out.printf(
                    "%-34s %,12.0f ops/s   (%.0f µs of this JVM's CPU per op, client+server)%n",
                    name, count.get() / elapsed, cpu / 1e3 / count.get());
            return;
        }
        long ticks = serverCpuTicks(serverPid) - serverBefore;
        double tick = 1e6 / Long.getLong("bench.clockTicks", 100);
        System.out.printf(
                "%-34s %,12.0f ops/s   %,8.0f µs of server CPU per op%n",
                name, count.get() / elapsed, ticks * tick / count.get());
    }

    /** User + system CPU of a process in clock ticks, from {@code /proc/PID/stat}. */
    private static long serverCpuTicks(String pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
