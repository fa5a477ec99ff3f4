package dev.orderflow.states;

import dev.orderflow.testing.NoTestCodeInMain;
import org.junit.jupiter.api.Test;

/** No test code in this module's main sources (the rules: {@link NoTestCodeInMain}). */
class NoTestCodeInMainTest {

    @Test
    void mainCode_holdsNoTestCode() {
        NoTestCodeInMain.forPackage("dev.orderflow.states")
                .withFacade(
                        "dev.orderflow.states.StepFunctionsEngine",
                        "resumeExecutions",
                        "builder",
                        "validate",
                        "createStateMachine",
                        "updateStateMachine",
                        "describeStateMachine",
                        "describeStateMachineForExecution",
                        "listStateMachines",
                        "deleteStateMachine",
                        "startExecution",
                        "startSyncExecution",
                        "testState",
                        "describeExecution",
                        "awaitExecution",
                        "listExecutions",
                        "getExecutionHistory",
                        "stopExecution",
                        "redriveExecution",
                        "sendTaskSuccess",
                        "sendTaskFailure",
                        "sendTaskHeartbeat",
                        "activities",
                        "versioning",
                        "mapRuns",
                        "clock",
                        "close")
                .withFacade(
                        "dev.orderflow.states.StepFunctionsEngineBuilder",
                        "clock",
                        "taskInvoker",
                        "mockConfig",
                        "region",
                        "account",
                        "dataDir",
                        "seed",
                        "workerThreads",
                        "activityPollTimeout",
                        "build")
                .check();
    }
}
