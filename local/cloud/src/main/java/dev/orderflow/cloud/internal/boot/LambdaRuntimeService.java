package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import java.util.List;

/**
 * The in-process Lambda runtime, empty: it starts before Step Functions, whose tasks invoke it, and
 * so stops after it; {@link LambdaFunctionsService} deploys the functions into it.
 */
public final class LambdaRuntimeService implements EmulatedService {

    private final BootSettings settings;
    private LambdaRuntime runtime;

    public LambdaRuntimeService(BootSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        runtime = new LambdaRuntime(settings.clock(), settings.functionConcurrency());
    }

    public LambdaRuntime runtime() {
        return runtime;
    }

    @Override
    public List<String> describe() {
        return List.of();
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
