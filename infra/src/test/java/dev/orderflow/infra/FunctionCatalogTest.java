package dev.orderflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.ServiceFunction;
import dev.orderflow.infra.services.FunctionCatalog;
import dev.orderflow.infra.services.FunctionEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every entry of {@code functions/function-catalog.json} becomes one function of the template, with
 * the entry's handler, timeout and environment variables, and the template has no other function.
 * (The handlers' own {@code FunctionCatalogTest} checks the entries against the handler classes.)
 */
class FunctionCatalogTest {

    private static final FunctionCatalog CATALOG =
            FunctionCatalog.read(RepositoryLayout.locate().functionCatalog());

    @ParameterizedTest
    @ValueSource(strings = {"test", "dev", "prod"})
    void everyCatalogEntry_isOneFunction_andNothingElseIs(String environment) {
        SynthesizedStack synth = SynthesizedStack.of(environment);

        assertThat(synth.resources("AWS::Lambda::Function")).hasSize(CATALOG.entries().size());
        for (FunctionCatalog.Entry entry : CATALOG.entries()) {
            JsonNode properties = functionNamed(synth, entry.name()).get("Properties");
            assertThat(properties.get("Handler").asText())
                    .as(entry.name())
                    .isEqualTo(entry.handler());
            assertThat(properties.get("Timeout").asInt())
                    .as(entry.name())
                    .isEqualTo(entry.timeout().toSeconds().intValue());
            assertThat(variables(properties))
                    .as("%s's environment in %s", entry.name(), environment)
                    .isSubsetOf(withPowertools(entry.environment()));
        }
    }

    @Test
    void withTheRealAdapters_everyFunctionGetsEveryVariableItsEntryLists() {
        SynthesizedStack synth = SynthesizedStack.of("prod");

        for (FunctionCatalog.Entry entry : CATALOG.entries()) {
            Set<String> expected = withPowertools(entry.environment());
            // Only a stack behind CloudFront (several regions) has an origin secret to give, and
            // only one with strong stock names its stock consistency.
            expected.remove(HttpApiGateway.ORIGIN_VERIFY_SECRET_ARN);
            expected.remove(FunctionEnvironment.STOCK_CONSISTENCY);
            assertThat(variables(functionNamed(synth, entry.name()).get("Properties")))
                    .as(entry.name())
                    .isEqualTo(expected);
        }
    }

    @Test
    void behindCloudFront_everyFunctionThatListsTheOriginSecret_getsIt() {
        SynthesizedStack synth = SynthesizedStack.of("two-regions", SynthesizedStack.SECONDARY);

        for (FunctionCatalog.Entry entry : CATALOG.entries()) {
            assertThat(
                            variables(functionNamed(synth, entry.name()).get("Properties"))
                                    .contains(HttpApiGateway.ORIGIN_VERIFY_SECRET_ARN))
                    .as(entry.name())
                    .isEqualTo(
                            entry.environment().contains(HttpApiGateway.ORIGIN_VERIFY_SECRET_ARN));
        }
    }

    private static JsonNode functionNamed(SynthesizedStack synth, String name) {
        List<Map.Entry<String, JsonNode>> found =
                synth.resources("AWS::Lambda::Function").stream()
                        .filter(f -> f.getKey().startsWith(name + "Function"))
                        .toList();
        assertThat(found).as("functions named %s", name).hasSize(1);
        return found.get(0).getValue();
    }

    private static Set<String> variables(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.at("/Environment/Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> withPowertools(List<String> environment) {
        Set<String> names = new HashSet<>(environment);
        names.addAll(ServiceFunction.POWERTOOLS_ENV.keySet());
        return names;
    }
}
