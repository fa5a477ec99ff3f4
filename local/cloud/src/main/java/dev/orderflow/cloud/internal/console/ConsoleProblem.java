package dev.orderflow.cloud.internal.console;

/** A request the console refuses: its HTTP status (4xx), a stable type and what was wrong. */
final class ConsoleProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;

    ConsoleProblem(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    static ConsoleProblem notFound(String detail) {
        return new ConsoleProblem(404, "not-found", detail);
    }

    static ConsoleProblem badRequest(String detail) {
        return new ConsoleProblem(400, "invalid-request", detail);
    }
}
