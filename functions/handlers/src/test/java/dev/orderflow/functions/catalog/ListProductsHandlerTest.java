package dev.orderflow.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.catalog.BrowseCatalog;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.ProductCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.domain.testfixtures.InMemoryProductCatalog;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.TestContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListProductsHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private ListProductsHandler handler;

    @BeforeEach
    void setUp() {
        catalog.with(
                new Product(new Sku("MUG-BLUE"), "Blue mug", Money.ofMinor(1250, "EUR"), true),
                new Product(new Sku("MUG-RED"), "Red mug", Money.ofMinor(1300, "EUR"), false),
                new Product(new Sku("TEA-JP"), "Sencha", Money.ofMinor(900, "JPY"), true),
                new Product(new Sku("TSHIRT-L"), "T-shirt", Money.ofMinor(2000, "USD"), true));
        handler = new ListProductsHandler(new BrowseCatalog(catalog), metrics);
    }

    private APIGatewayV2HTTPResponse get(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-products.json");
        event.setQueryStringParameters(query);
        return handler.handleRequest(event, new TestContext("req-1"));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void handleRequest_returnsActiveProductsWithDecimalPrices_andACursorToTheNextPage()
            throws Exception {
        APIGatewayV2HTTPResponse response = get(Map.of("limit", "2"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = body(response);
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.at("/items/0/sku").asText()).isEqualTo("MUG-BLUE");
        assertThat(body.at("/items/0/price/amount").asText()).isEqualTo("12.50");
        assertThat(body.at("/items/1/price/amount").asText()).isEqualTo("900");
        assertThat(body.at("/items/1/price/currency").asText()).isEqualTo("JPY");
        assertThat(body.get("nextCursor").asText()).isNotBlank();
        assertThat(metrics.flushed("ProductsListed")).isEqualTo(2.0);
    }

    @Test
    void handleRequest_followsTheCursorToTheLastPage_whichHasNoCursor() throws Exception {
        String cursor = body(get(Map.of("limit", "2"))).get("nextCursor").asText();

        JsonNode last = body(get(Map.of("limit", "2", "cursor", cursor)));

        assertThat(last.get("items")).hasSize(1);
        assertThat(last.at("/items/0/sku").asText()).isEqualTo("TSHIRT-L");
        assertThat(last.has("nextCursor")).isFalse();
    }

    @Test
    void handleRequest_answers400ProblemNamingTheField_whenTheLimitIsOutOfRange() throws Exception {
        APIGatewayV2HTTPResponse response = get(Map.of("limit", "500"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/invalid-input");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asText()).isEqualTo("Vx1aaProducts0=");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("limit");
        assertThat(metrics.flushed("ClientErrors")).isEqualTo(1.0);
    }

    @Test
    void handleRequest_answers400_whenTheCursorIsBlank() throws Exception {
        APIGatewayV2HTTPResponse response = get(Map.of("cursor", "   "));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("cursor");
    }

    @Test
    void handleRequest_answers503WithoutDetails_whenTheCatalogIsDown() throws Exception {
        catalog.goDown();

        APIGatewayV2HTTPResponse response = get(null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode problem = body(response);
        assertThat(problem.get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/dependency-unavailable");
        assertThat(problem.get("detail").asText()).doesNotContain("down");
        assertThat(metrics.flushed("ServerErrors")).isEqualTo(1.0);
    }

    @Test
    void handleRequest_answers500ProblemThatLeaksNothing_whenABugThrows() throws Exception {
        var broken =
                new ListProductsHandler(
                        new BrowseCatalog(
                                new ProductCatalog() {
                                    @Override
                                    public Page<Product> activeProducts(PageRequest request) {
                                        throw new IllegalStateException("secret table layout");
                                    }

                                    @Override
                                    public Map<Sku, Product> productsBySku(Set<Sku> skus) {
                                        throw new IllegalStateException("secret table layout");
                                    }
                                }),
                        metrics);

        APIGatewayV2HTTPResponse response =
                broken.handleRequest(
                        SampleEvents.http("apigw-get-products.json"), new TestContext("req-2"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret");
        assertThat(body(response).get("instance").asText()).isEqualTo("Vx1aaProducts0=");
    }
}
