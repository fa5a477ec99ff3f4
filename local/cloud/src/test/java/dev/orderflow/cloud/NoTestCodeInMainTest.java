package dev.orderflow.cloud;

import dev.orderflow.testing.NoTestCodeInMain;
import org.junit.jupiter.api.Test;

/** No test code in this module's main sources (the rules: {@link NoTestCodeInMain}). */
class NoTestCodeInMainTest {

    @Test
    void mainCode_holdsNoTestCode() {
        NoTestCodeInMain.forPackage("dev.orderflow.cloud")
                .withFacade(
                        "dev.orderflow.cloud.LocalCloud",
                        "builder",
                        "edgeEndpoint",
                        "gatewayEndpoint",
                        "report",
                        "token",
                        "jwks",
                        "invoke",
                        "physicalId",
                        "seed",
                        "seedDemoCatalog",
                        "close")
                .withFacade(
                        "dev.orderflow.cloud.LocalCloud$Builder",
                        "template",
                        "edgePort",
                        "gatewayPort",
                        "dataDir",
                        "region",
                        "clock",
                        "functionConcurrency",
                        "stageThrottle",
                        "functionCode",
                        "functionEnvironment",
                        "start")
                .check();
    }
}
