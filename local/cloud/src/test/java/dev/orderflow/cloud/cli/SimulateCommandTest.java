package dev.orderflow.cloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./orderflow simulate flash-sale} through the CLI's entry point. */
class SimulateCommandTest {

    private static final Pattern LAST_LINE =
            Pattern.compile(
                    "hottest partition: (\\d+)% of its write limit; quotas over default:"
                            + " (none|[a-z0-9.-]+(,[a-z0-9.-]+)*)");

    @Test
    void lastLine_namesTheHottestPartitionAndTheQuotas() {
        String last = lastLine(run("4"));

        Matcher m = LAST_LINE.matcher(last);
        assertThat(m.matches()).as(last).isTrue();
        assertThat(m.group(2)).contains("sfn-start-execution");
    }

    @Test
    void moreShards_lowerTheHottestPartition() {
        int oneShard = hottest(run("1"));
        int sixteenShards = hottest(run("16"));

        // 1,425 hot orders/s x (2 units to reserve + 2 to commit) on one key: 570%
        assertThat(oneShard).isBetween(520, 620);
        assertThat(sixteenShards).isLessThan(oneShard / 4);
    }

    @Test
    void theSameSeed_givesTheSameReport() {
        assertThat(run("4")).isEqualTo(run("4"));
    }

    @Test
    void unknownSimulation_isAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                Cli.run(
                        new String[] {"simulate", "black-friday"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown simulation");
    }

    /** A small sale: 1,500 orders/s for 8 s, index shards high enough not to hide the stock. */
    private static String run(String shards) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status =
                Cli.run(
                        new String[] {
                            "simulate", "flash-sale", "--rate", "1500", "--seconds", "8",
                            "--shards", shards, "--status-shards", "64", "--split-after", "1",
                            "--products", "100", "--customers", "10000"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String report) {
        List<String> lines = report.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static int hottest(String report) {
        Matcher m = LAST_LINE.matcher(lastLine(report));
        assertThat(m.matches()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
