package dev.orderflow.cloud.cli;

/**
 * Entry point of {@code ./orderflow}: {@code up}, {@code invoke}, {@code token}, {@code
 * executions}, {@code load}, {@code simulate}, {@code region}. Run without arguments for usage.
 */
public final class Main {

    private Main() {}

    /**
     * Runs one command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = Cli.run(args, System.out, System.err);
        if (status != Cli.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
