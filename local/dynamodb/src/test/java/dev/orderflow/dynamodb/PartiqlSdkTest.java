package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** PartiQL through the AWS SDK v2 sync client over HTTP, against the in-process server. */
class PartiqlSdkTest {
    private static DynamoDbServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().port(0).start();
        client = LocalDynamo.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ExecuteStatementResponse execute(String statement, AttributeValue... params) {
        return client.executeStatement(
                b -> {
                    b.statement(statement);
                    if (params.length > 0) {
                        b.parameters(params);
                    }
                });
    }

    /** A table keyed by pk/sk with items sk 1..5 in partition "p" and 1..2 in partition "q". */
    private static String filledTable() {
        String table = LocalDynamo.createTable(client, "pql", "pk", "sk");
        for (String pk : List.of("p", "q")) {
            for (int i = 1; i <= (pk.equals("p") ? 5 : 2); i++) {
                execute(
                        "INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'sk': ?, 'n': ?}",
                        s(pk),
                        s("s" + i),
                        n(Integer.toString(i)));
            }
        }
        return table;
    }

    @Test
    void select_readsThePartitionInPages_whenLimitAndNextTokenAreUsed() {
        String table = filledTable();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            ExecuteStatementResponse page =
                    client.executeStatement(
                            b ->
                                    b.statement("SELECT sk FROM \"" + table + "\" WHERE pk = ?")
                                            .parameters(s("p"))
                                            .limit(2)
                                            .nextToken(from));
            page.items().forEach(i -> seen.add(i.get("sk").s()));
            assertThat(page.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("sk"));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void select_stopsAPageAtOneMegabyte_andTheNextTokenReadsTheRest() {
        String table = LocalDynamo.createTable(client, "pqlbig", "pk", null);
        String payload = "x".repeat(4000);
        for (int batch = 0; batch < 12; batch++) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes =
                    new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Map<String, AttributeValue> item =
                        Map.of("pk", s("k" + (batch * 25 + i)), "payload", s(payload));
                writes.add(
                        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(item))
                                .build());
            }
            client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
        ExecuteStatementResponse first = execute("SELECT pk FROM \"" + table + "\"");
        assertThat(first.nextToken()).as("300 items of 4 KB are more than one page").isNotNull();
        assertThat(first.items()).hasSizeBetween(200, 299);
        ExecuteStatementResponse second =
                client.executeStatement(
                        b ->
                                b.statement("SELECT pk FROM \"" + table + "\"")
                                        .nextToken(first.nextToken()));
        assertThat(second.nextToken()).isNull();
        java.util.Set<String> keys = new java.util.HashSet<>();
        first.items().forEach(i -> keys.add(i.get("pk").s()));
        second.items().forEach(i -> keys.add(i.get("pk").s()));
        assertThat(keys).hasSize(300);
        assertThatThrownBy(
                        () ->
                                client.executeStatement(
                                        b ->
                                                b.statement("SELECT * FROM \"" + table + "\"")
                                                        .nextToken(first.nextToken())))
                .as("a NextToken belongs to its statement")
                .hasMessageContaining("The provided starting key is invalid");
    }

    @Test
    void select_scansWithTheWholeWhereAsFilter_whenThePartitionKeyIsNotPinned() {
        String table = filledTable();
        ExecuteStatementResponse r =
                execute("SELECT pk, sk FROM \"" + table + "\" WHERE n >= 2 AND n < 4");
        assertThat(r.items())
                .extracting(i -> i.get("pk").s() + "/" + i.get("sk").s())
                .containsExactlyInAnyOrder("p/s2", "p/s3", "q/s2");
        assertThat(r.nextToken()).isNull();
    }

    @Test
    void select_ordersDescending_andReportsConsumedCapacity() {
        String table = filledTable();
        ExecuteStatementResponse r =
                client.executeStatement(
                        b ->
                                b.statement(
                                                "SELECT sk FROM \""
                                                        + table
                                                        + "\" WHERE pk = 'q' ORDER BY sk DESC")
                                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(r.items()).extracting(i -> i.get("sk").s()).containsExactly("s2", "s1");
        assertThat(r.consumedCapacity().tableName()).isEqualTo(table);
        assertThat(r.consumedCapacity().capacityUnits()).isPositive();
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void select_readsAGlobalSecondaryIndex() {
        String table = LocalDynamo.tableName("pqlidx");
        client.createTable(
                b ->
                        b.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                                .attributeDefinitions(
                                        LocalDynamo.def("pk"), LocalDynamo.def("city"))
                                .globalSecondaryIndexes(
                                        g ->
                                                g.indexName("byCity")
                                                        .keySchema(
                                                                k ->
                                                                        k.attributeName("city")
                                                                                .keyType(
                                                                                        KeyType
                                                                                                .HASH))
                                                        .projection(
                                                                p ->
                                                                        p.projectionType(
                                                                                ProjectionType
                                                                                        .ALL))));
        execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'city': 'Oslo'}");
        execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'b', 'city': 'Rome'}");
        ExecuteStatementResponse r =
                execute("SELECT pk FROM \"" + table + "\".\"byCity\" WHERE city = ?", s("Rome"));
        assertThat(r.items()).containsExactly(Map.of("pk", s("b")));
    }

    @Test
    void insert_throwsDuplicateItemException_whenTheKeyExists() {
        String table = filledTable();
        assertThatThrownBy(
                        () ->
                                execute(
                                        "INSERT INTO \""
                                                + table
                                                + "\" VALUE {'pk': 'p', 'sk': 's1'}"))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageContaining("Duplicate primary key exists in table");
    }

    @Test
    void update_returnsTheNewItem_andFailsItsConditionWithTheOldItem() {
        String table = filledTable();
        ExecuteStatementResponse r =
                execute(
                        "UPDATE \""
                                + table
                                + "\" SET n = n + ? SET tags = <<'x'>> REMOVE gone"
                                + " WHERE pk = 'p' AND sk = 's1' AND n = 1 RETURNING ALL NEW *",
                        n("10"));
        assertThat(r.items())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.get("n").n()).isEqualTo("11");
                            assertThat(i.get("tags").ss()).containsExactly("x");
                        });
        assertThatThrownBy(
                        () ->
                                client.executeStatement(
                                        b ->
                                                b.statement(
                                                                "UPDATE \""
                                                                        + table
                                                                        + "\" SET n = 0 WHERE pk = 'p'"
                                                                        + " AND sk = 's1' AND n = 1")
                                                        .returnValuesOnConditionCheckFailure(
                                                                ReturnValuesOnConditionCheckFailure
                                                                        .ALL_OLD)))
                .isInstanceOfSatisfying(
                        ConditionalCheckFailedException.class,
                        e -> assertThat(e.item().get("n").n()).isEqualTo("11"));
    }

    @Test
    void delete_returnsTheOldItem_andNeedsTheFullKey() {
        String table = filledTable();
        ExecuteStatementResponse r =
                execute(
                        "DELETE FROM \"" + table + "\" WHERE pk = ? AND sk = ? RETURNING ALL OLD *",
                        s("q"),
                        s("s2"));
        assertThat(r.items())
                .singleElement()
                .satisfies(i -> assertThat(i.get("n").n()).isEqualTo("2"));
        assertThat(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'q'").items()).hasSize(1);
        assertThatThrownBy(() -> execute("DELETE FROM \"" + table + "\" WHERE pk = 'q'"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void executeStatement_reportsSyntaxAndParameterErrors() {
        String table = filledTable();
        assertThatThrownBy(() -> execute("SELEC * FROM \"" + table + "\""))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Statement wasn't well formed, can't be processed: Expected data"
                                + " manipulation");
        assertThatThrownBy(() -> execute("SELECT * FROM \"" + table + "\" WHERE pk = ?"))
                .hasMessageContaining("Number of parameters in request and statement don't match.");
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void batch_answersEachStatement_withErrorsBesideSuccesses() {
        String table = filledTable();
        List<BatchStatementResponse> responses =
                client.batchExecuteStatement(
                                b ->
                                        b.statements(
                                                st ->
                                                        st.statement(
                                                                "INSERT INTO \""
                                                                        + table
                                                                        + "\" VALUE {'pk': 'r', 'sk': 's1'}"),
                                                st ->
                                                        st.statement(
                                                                "INSERT INTO \""
                                                                        + table
                                                                        + "\" VALUE {'pk': 'p', 'sk': 's1'}"),
                                                st ->
                                                        st.statement(
                                                                        "UPDATE \""
                                                                                + table
                                                                                + "\" SET n = 9 WHERE pk = ? AND sk = ?")
                                                                .parameters(s("p"), s("nope"))))
                        .responses();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).error()).isNull();
        assertThat(responses.get(0).tableName()).isEqualTo(table);
        assertThat(responses.get(1).error().code())
                .isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(responses.get(2).error().code())
                .isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'r'").items()).hasSize(1);
    }

    @Test
    void transaction_commitsAllStatements_orCancelsWithReasonsInOrder() {
        String table = filledTable();
        client.executeTransaction(
                b ->
                        b.transactStatements(
                                        stmt(
                                                "UPDATE \""
                                                        + table
                                                        + "\" SET n = n - 1 WHERE pk = 'p' AND sk = 's5' AND n > 0"),
                                        stmt(
                                                "INSERT INTO \""
                                                        + table
                                                        + "\" VALUE {'pk': 'r', 'sk': 'new'}"))
                                .clientRequestToken("tx-1"));
        assertThat(
                        client.executeTransaction(
                                        b ->
                                                b.transactStatements(
                                                        stmt(
                                                                "SELECT n FROM \""
                                                                        + table
                                                                        + "\" WHERE pk = 'p' AND sk = 's5'"),
                                                        stmt(
                                                                "SELECT * FROM \""
                                                                        + table
                                                                        + "\" WHERE pk = 'r' AND sk = 'new'")))
                                .responses())
                .extracting(i -> i.item() == null ? null : i.item().keySet())
                .containsExactly(java.util.Set.of("n"), java.util.Set.of("pk", "sk"));

        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        b ->
                                                b.transactStatements(
                                                        stmt(
                                                                "DELETE FROM \""
                                                                        + table
                                                                        + "\" WHERE pk = 'q' AND sk = 's1'"),
                                                        stmt(
                                                                "INSERT INTO \""
                                                                        + table
                                                                        + "\" VALUE {'pk': 'r', 'sk': 'new'}"))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e ->
                                assertThat(e.cancellationReasons())
                                        .extracting(CancellationReason::code)
                                        .containsExactly("None", "DuplicateItem"));
        assertThat(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'q' AND sk = 's1'").items())
                .as("the cancelled delete wrote nothing")
                .hasSize(1);
    }

    private static ParameterizedStatement stmt(String statement) {
        return ParameterizedStatement.builder().statement(statement).build();
    }
}
