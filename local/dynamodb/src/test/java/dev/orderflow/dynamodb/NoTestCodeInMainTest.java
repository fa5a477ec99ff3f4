package dev.orderflow.dynamodb;

import dev.orderflow.testing.NoTestCodeInMain;
import org.junit.jupiter.api.Test;

/** No test code in this module's main sources (the rules: {@link NoTestCodeInMain}). */
class NoTestCodeInMainTest {

    @Test
    void mainCode_holdsNoTestCode() {
        NoTestCodeInMain.forPackage("dev.orderflow.dynamodb")
                .allowingTestLibrariesIn("dev.orderflow.dynamodb.DynamoDbExtension")
                .withFacade(
                        "dev.orderflow.dynamodb.DynamoDbEngine",
                        "inMemory",
                        "persistent",
                        "lifecycleDelay",
                        "invoke",
                        "sweepExpiredItems",
                        "close")
                .withFacade(
                        "dev.orderflow.dynamodb.DynamoDbServer",
                        "builder",
                        "endpoint",
                        "port",
                        "httpService",
                        "engine",
                        "sweepExpiredItems",
                        "close")
                .check();
    }
}
