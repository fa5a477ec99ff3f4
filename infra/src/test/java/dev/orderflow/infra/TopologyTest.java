package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.infra.config.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * Context {@code regions}, {@code stockConsistency}, {@code domainName} and {@code hostedZoneId}:
 * what each accepts, the error naming the key for what it does not, and the strongly consistent
 * Inventory table.
 */
class TopologyTest {

    private static Topology topology(Object... keysAndValues) {
        Map<String, Object> context = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Topology.fromContext(App.Builder.create().context(context).build().getNode());
    }

    @Test
    void withoutRegions_theDeploymentIsTheSingleStack() {
        assertThat(topology().isMultiRegion()).isFalse();
        assertThat(SynthesizedStack.deployment("test").regional())
                .extracting(s -> s.getStackName())
                .containsExactly("Orderflow-test");
        assertThat(SynthesizedStack.deployment("test").edge()).isEmpty();
    }

    @Test
    void theSingleStack_tagsEachTableGlobalOrRegional() {
        Map<String, String> tags = new HashMap<>();
        for (var table : SynthesizedStack.get().resources("AWS::DynamoDB::Table")) {
            JsonNode tag = table.getValue().at("/Properties/Tags/0");
            assertThat(tag.get("Key").asText()).isEqualTo("orderflow:replication");
            tags.put(
                    table.getKey().replaceAll("^Data|[0-9A-F]{8}$", ""), tag.get("Value").asText());
        }
        assertThat(tags)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "Orders", "global",
                                "Products", "global",
                                "FulfillmentCenters", "global",
                                "Inventory", "regional",
                                "Idempotency", "regional",
                                "OrderArchive", "global"));
    }

    @Test
    void regions_areTrimmed_andTheFirstIsThePrimary() {
        Topology topology = topology("regions", " eu-central-1 , us-east-1,ap-southeast-2 ");
        assertThat(topology.regions())
                .containsExactly("eu-central-1", "us-east-1", "ap-southeast-2");
        assertThat(topology.primary()).isEqualTo("eu-central-1");
        assertThat(topology.replicaRegions()).containsExactly("us-east-1", "ap-southeast-2");
    }

    @Test
    void badRegions_areRefused_namingTheKey() {
        for (String bad :
                List.of(
                        "eu-central-1",
                        "eu-central-1,eu-central-1",
                        "eu-central-1,Frankfurt",
                        "eu-central-1,us-east-1,us-east-2,us-west-2,eu-west-1,eu-west-2")) {
            assertThatThrownBy(() -> topology("regions", bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("context 'regions'");
        }
    }

    @Test
    void strongStock_needsExactlyThreeRegions_ofOneRegionSet() {
        assertThatThrownBy(() -> topology("stockConsistency", "strong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context 'stockConsistency=strong' needs exactly three");
        assertThatThrownBy(
                        () ->
                                topology(
                                        "regions",
                                        "eu-central-1,us-east-1",
                                        "stockConsistency",
                                        "strong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly three");
        assertThatThrownBy(
                        () ->
                                topology(
                                        "regions",
                                        "eu-central-1,eu-west-1,us-east-1",
                                        "stockConsistency",
                                        "strong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one region set");
        assertThatThrownBy(() -> topology("stockConsistency", "linearizable"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context 'stockConsistency' must be eventual or strong");
    }

    @Test
    void domainName_andHostedZoneId_goTogether_andNeedRegions() {
        assertThatThrownBy(
                        () ->
                                topology(
                                        "regions",
                                        "eu-central-1,us-east-1",
                                        "domainName",
                                        "shop.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'domainName' and 'hostedZoneId' go together");
        assertThatThrownBy(
                        () -> topology("domainName", "shop.example.com", "hostedZoneId", "Z123ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need context 'regions'");
        assertThatThrownBy(
                        () ->
                                topology(
                                        "regions",
                                        "eu-central-1,us-east-1",
                                        "domainName",
                                        "Shop Example",
                                        "hostedZoneId",
                                        "Z123ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context 'domainName'");
    }

    @Test
    void strongStock_makesInventoryAnMrscTableInThePrimary_andTellsEveryFunction() {
        List<String> regions = SynthesizedStack.STRONG_REGIONS;
        SynthesizedStack primary = SynthesizedStack.of("strong-stock", regions.get(0));
        JsonNode inventory =
                primary.resources("AWS::DynamoDB::GlobalTable").stream()
                        .filter(t -> t.getKey().startsWith("DataInventory"))
                        .findFirst()
                        .orElseThrow()
                        .getValue()
                        .get("Properties");
        assertThat(inventory.get("TableName").asText()).isEqualTo("orderflow-test-inventory");
        assertThat(inventory.get("MultiRegionConsistency").asText()).isEqualTo("STRONG");
        assertThat(inventory.findValuesAsText("Region"))
                .containsExactlyInAnyOrderElementsOf(regions);
        assertThat(inventory.has("TimeToLiveSpecification")).isFalse();
        assertThat(inventory.has("LocalSecondaryIndexes")).isFalse();
        for (String region : regions) {
            SynthesizedStack stack = SynthesizedStack.of("strong-stock", region);
            assertThat(stack.resources("AWS::DynamoDB::Table"))
                    .noneMatch(t -> t.getKey().startsWith("DataInventory"));
            stack.resources("AWS::Lambda::Function").stream()
                    .filter(f -> f.getValue().at("/Properties/Runtime").asText().startsWith("java"))
                    .forEach(
                            f ->
                                    assertThat(
                                                    f.getValue()
                                                            .at(
                                                                    "/Properties/Environment/Variables/STOCK_CONSISTENCY")
                                                            .asText())
                                            .as(f.getKey())
                                            .isEqualTo("strong"));
        }
        assertThat(
                        SynthesizedStack.of("strong-stock", regions.get(1))
                                .resources("AWS::Lambda::Function")
                                .stream()
                                .filter(f -> f.getKey().startsWith("ReserveStockFunction"))
                                .findFirst()
                                .orElseThrow()
                                .getValue()
                                .at("/Properties/Environment/Variables/INVENTORY_TABLE")
                                .asText())
                .isEqualTo("orderflow-test-inventory");
        assertThat(
                        SynthesizedStack.get()
                                .environmentOf("ReserveStockHandler")
                                .has("STOCK_CONSISTENCY"))
                .isFalse();
    }
}
