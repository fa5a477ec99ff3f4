package dev.orderflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack finds what it deploys: the handlers' artifact, the function catalog and the ASL
 * files. The CDK app reads them as files and never links business code.
 *
 * @param root the repository root (the folder holding {@code cdk.json})
 */
public record RepositoryLayout(Path root) {

    /**
     * The shaded jar every function runs from; {@code orderflow.handlersJar} names another (infra's
     * unit tests give a stand-in, so that they need not wait for the handlers' build).
     */
    public Path handlersJar() {
        String configured = System.getProperty("orderflow.handlersJar");
        return configured != null
                ? Path.of(configured)
                : root.resolve("functions/handlers/target/orderflow-handlers.jar");
    }

    /** Every function the stack deploys, with its handler class and environment. */
    public Path functionCatalog() {
        return root.resolve("functions/function-catalog.json");
    }

    /** A state machine definition by workflow name. */
    public Path stateMachine(String workflow) {
        return root.resolve("statemachines").resolve(workflow + ".asl.json");
    }

    /**
     * Finds the root from {@code orderflow.repoRoot} or by walking up from the working directory.
     *
     * @throws IllegalStateException if there is none, or the handlers were not built
     */
    public static RepositoryLayout locate() {
        String configured = System.getProperty("orderflow.repoRoot");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        Path dir = start.toAbsolutePath().normalize();
        while (dir != null && !Files.isRegularFile(dir.resolve("cdk.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no cdk.json found above " + start + ": run from the repository");
        }
        RepositoryLayout layout = new RepositoryLayout(dir);
        if (!Files.exists(layout.handlersJar())) {
            throw new IllegalStateException(
                    layout.handlersJar()
                            + " is missing: build the functions first (mvn -B package -pl functions/handlers -am)");
        }
        return layout;
    }
}
