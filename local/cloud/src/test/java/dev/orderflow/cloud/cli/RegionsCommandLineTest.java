package dev.orderflow.cloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Mistakes on the command lines of {@code up --regions} and {@code region down|up}: a clear
 * message, exit status 2, no stack trace, and nothing booted.
 */
class RegionsCommandLineTest {

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                Cli.run(
                        args,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }

    private static void assertUsageError(Run run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void up_refusesARegionNameThatIsNoAwsRegion() {
        assertUsageError(
                run("up", "--regions", "eu-central-1,Frankfurt"),
                "'Frankfurt' is not an AWS region name");
    }

    @Test
    void up_refusesARegionGivenTwice() {
        assertUsageError(
                run("up", "--regions", "eu-central-1,us-east-1,eu-central-1"),
                "region eu-central-1 is given twice");
    }

    @Test
    void up_refusesOneRegionOrMoreThanFive() {
        assertUsageError(run("up", "--regions", "eu-central-1"), "takes 2 to 5 regions, not 1");
        assertUsageError(
                run(
                        "up",
                        "--regions",
                        "eu-central-1,us-east-1,us-west-2,eu-west-1,ap-south-1,sa-east-1"),
                "takes 2 to 5 regions, not 6");
    }

    @Test
    void up_refusesStrongStockWithoutExactlyThreeRegions() {
        assertUsageError(
                run("up", "--regions", "eu-central-1,us-east-1", "--stock-consistency", "strong"),
                "--stock-consistency strong needs exactly three regions");
    }

    @Test
    void up_refusesStrongStockAcrossRegionSets() {
        assertUsageError(
                run(
                        "up",
                        "--regions",
                        "eu-central-1,us-east-1,ap-northeast-1",
                        "--stock-consistency",
                        "strong"),
                "--stock-consistency strong needs three regions of one multi-region strong"
                        + " consistency region set");
    }

    @Test
    void up_refusesAnUnknownStockConsistency() {
        assertUsageError(
                run("up", "--regions", "eu-central-1,us-east-1", "--stock-consistency", "linear"),
                "--stock-consistency is strong or eventual, not linear");
    }

    @Test
    void up_refusesAReplicationLagThatIsNoWholeNumber() {
        assertUsageError(
                run("up", "--regions", "eu-central-1,us-east-1", "--replication-lag-ms", "1s"),
                "--replication-lag-ms must be a whole number, not 1s");
    }

    @Test
    void up_refusesMultiRegionOptionsWithoutRegions() {
        assertUsageError(
                run("up", "--replication-lag-ms", "500"), "--replication-lag-ms needs --regions");
    }

    @Test
    void region_refusesAnUnknownAction() {
        assertUsageError(run("region", "restart", "us-east-1"), "region takes down or up");
    }

    @Test
    void region_refusesARegionNameThatIsNoAwsRegion() {
        assertUsageError(run("region", "down", "moon-1"), "'moon-1' is not an AWS region name");
    }

    @Test
    void region_withoutARunningStack_saysHowToStartOne() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // and the ports after it: nothing local answers there
        }
        Run run = run("region", "down", "us-east-1", "--port", String.valueOf(port));

        assertUsageError(run, "no local cloud with regions answers on ports " + port);
        assertThat(run.err()).contains("./orderflow up --regions");
    }
}
