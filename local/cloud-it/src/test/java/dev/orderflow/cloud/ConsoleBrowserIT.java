package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The console in a real browser (headless Chromium) against the shared cloud: a rejected order's
 * execution found by its id shows TakePayment as caught with its error, and a dead-letter message
 * redriven from the page leaves the dead-letter queue for its source.
 */
class ConsoleBrowserIT extends SagaTestSupport {

    private ChromeDriver browser;
    private WebDriverWait wait;
    private ConsoleClient console;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        console = new ConsoleClient(cloud);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRejectedOrder_isFoundByItsId_andItsGraphShowsTheFailedPaymentWithItsError()
            throws Exception {
        SagaFixture.Stocked stocked = shop.stocked(1004, "", 3600, 5); // ..04: provider down
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 1));
        shop.awaitEnd(alice, id);

        browser.get(console.page() + "#executions");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name-search"))).sendKeys(id);
        wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector("#executions tr[data-name='" + id + "']")))
                .click();

        WebElement payment =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("#graph g.state[data-state='TakePayment']")));
        assertThat(payment.getAttribute("class")).contains("caught");
        assertThat(stateClass("ReserveStock")).contains("succeeded");
        assertThat(stateClass("RefundPayment")).contains("succeeded");
        assertThat(stateClass("ShipFromCenters")).contains("unreached");
        // the page opens on the gravest state: the payment, its error beside the graph
        assertThat(wait.until(d -> d.findElement(By.id("state-error"))).getText())
                .contains("dev.orderflow.domain.payment.PaymentUnavailable");
        assertThat(browser.findElement(By.id("state-outcome")).getText()).isEqualTo("caught");

        // another state's input and output, then back to the failed one
        browser.findElement(By.cssSelector("#graph g.state[data-state='ReserveStock']")).click();
        assertThat(browser.findElement(By.id("state-input")).getText()).contains(id);
        assertThat(browser.findElements(By.id("state-error"))).isEmpty();
        payment.click();
        assertThat(browser.findElement(By.id("state-error")).getText())
                .contains("PaymentUnavailable");

        // tall enough for the whole saga: the README shows this picture (docs/)
        browser.manage().window().setSize(new Dimension(1400, 1700));
        Path shot = Path.of("target", "console-saga-graph.png");
        Files.createDirectories(shot.getParent());
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                shot,
                StandardCopyOption.REPLACE_EXISTING);

        // the order's own view: its timeline beside the same graph
        browser.get(console.page() + "#order/" + id);
        wait.until(ExpectedConditions.textToBe(By.id("order-status"), "REJECTED"));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("PENDING", "RESERVED", "REJECTED");
        assertThat(
                        wait.until(
                                        d ->
                                                d.findElement(
                                                        By.cssSelector(
                                                                "#graph g.state[data-state='TakePayment']")))
                                .getAttribute("class"))
                .contains("caught");

        // the orders page lists it, with the charts of the recent sagas
        browser.get(console.page() + "#orders");
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#orders tr[data-order='" + id + "']")));
        assertThat(browser.findElements(By.cssSelector("svg#latency rect.bar"))).hasSize(20);
        assertThat(browser.findElements(By.cssSelector("svg#orders-per-second rect.bar")))
                .hasSize(60);
    }

    @Test
    void redrivingADeadLetterMessage_fromThePage_movesItToItsSourceQueue() {
        SqsClient sqs = Clients.sqs(cloud.edgeEndpoint());
        ConsoleClient.QueuePair pair = ConsoleClient.queuePair(sqs);
        sqs.sendMessage(s -> s.queueUrl(pair.dlqUrl()).messageBody("{\"orderId\":\"lost-1\"}"));

        browser.get(console.page() + "#queues");
        WebElement dlqRow =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("tr[data-queue='" + pair.dlq() + "']")));
        assertThat(dlqRow.findElement(By.className("visible")).getText()).isEqualTo("1");
        dlqRow.findElement(By.className("messages")).click();

        wait.until(ExpectedConditions.textToBe(By.id("queue-depth"), "1"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("lost-1");
        browser.findElement(By.cssSelector("#messages button.redrive")).click();

        wait.until(ExpectedConditions.textToBe(By.id("queue-depth"), "0"));
        assertThat(browser.findElement(By.id("redrive-result")).getText()).contains(pair.source());
        assertThat(browser.findElements(By.cssSelector("#messages tr[data-message]"))).isEmpty();

        browser.get(console.page() + "#queues");
        wait.until(
                ExpectedConditions.textToBe(
                        By.cssSelector("tr[data-queue='" + pair.source() + "'] .visible"), "1"));
        JsonNode source = console.queue(pair.source());
        assertThat(source.path("visible").asInt()).isEqualTo(1);
    }

    @Test
    void aMapsIterations_andAParallelsBranches_openOneByOne() {
        String arn = ConsoleClient.lanesExecution(Clients.sfn(cloud.edgeEndpoint()));
        browser.get(console.page() + "#execution/" + ConsoleClient.encode(arn));
        wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "SUCCEEDED"));
        // the whole execution: both Pass states of the Map's iterations were reached
        assertThat(stateClass("Odd")).contains("succeeded");
        assertThat(stateClass("Even")).contains("succeeded");

        clickContainer("Items");
        wait.until(d -> d.findElements(By.cssSelector("#iterations tr[data-index]")).size() == 3);
        browser.findElement(By.cssSelector("#iterations tr[data-index='1']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lane-banner")));
        assertThat(browser.findElement(By.id("lane-banner")).getText())
                .contains("iteration 1 of Map Items");
        assertThat(stateClass("Odd")).contains("succeeded");
        assertThat(stateClass("Even")).contains("unreached"); // 1 is odd
        assertThat(stateClass("Fan")).contains("caught"); // outside the Map: as it went
        String events = browser.findElement(By.id("events")).getText();
        assertThat(events).contains("MapIterationStarted", "Items [1]", "Odd");
        assertThat(events).doesNotContain("Even", "ParallelStateStarted");

        clickContainer("Fan");
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#branches tr[data-index='1']")));
        assertThat(
                        browser.findElement(By.cssSelector("#branches tr[data-index='1']"))
                                .getAttribute("data-outcome"))
                .isEqualTo("failed");
        browser.findElement(By.cssSelector("#branches tr[data-index='1']")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("lane-banner"), "branch 1 of Parallel Fan"));
        assertThat(stateClass("Right")).contains("failed");
        assertThat(stateClass("Left")).contains("unreached"); // the other branch's
        browser.findElement(By.id("all-lanes")).click();
        wait.until(d -> d.findElements(By.id("lane-banner")).isEmpty());
        assertThat(stateClass("Left")).contains("succeeded");

        // DISTRIBUTED: the Map Run's children, each an execution with its own graph
        clickContainer("Spread");
        wait.until(
                d ->
                        d.findElements(By.cssSelector("#map-run-children tr[data-index]")).size()
                                == 3);
        browser.findElement(By.cssSelector("#map-run-children tr[data-index='2']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("parent-execution")));
        assertThat(stateClass("Echo")).contains("succeeded");
        assertThat(browser.findElement(By.id("state-detail")).getText()).doesNotContain("Items");
    }

    @Test
    void aFunctionsInvocation_showsItsLogLines() throws Exception {
        String event = Files.readString(SharedCloud.REPO.resolve("events/apigw-get-health.json"));
        cloud.invoke("Health", event);
        JsonNode health = ConsoleApiIT.health(console.api("functions"));
        String requestId = health.at("/recent/0/requestId").asText();

        browser.get(console.page() + "#functions");
        wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector(
                                        "#functions tr[data-function='"
                                                + health.path("name").asText()
                                                + "']")))
                .click();
        wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector(
                                        "#invocations tr[data-request='" + requestId + "']")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("log-request"), requestId));
        assertThat(browser.findElement(By.id("invocation-log")).getText())
                .contains("GET /health -> 200");

        // the mappings' positions beside them: the queue's counts, each shard's lag
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#mappings tr[data-mapping^='FulfillShipment'] .position"))
                                .getText())
                .contains("in flight", "batch(es) in delivery");
        assertThat(
                        browser.findElement(
                                        By.cssSelector(
                                                "#mappings tr[data-mapping^='StartFulfillment'] .position"))
                                .getText())
                .contains("behind", "checkpoint");
    }

    /**
     * A Map or Parallel is a box whose middle holds its own states: a click on its title, sent to
     * the box itself (the title lets clicks through to it), selects it.
     */
    private void clickContainer(String state) {
        WebElement box =
                browser.findElement(
                        By.cssSelector("#graph g.state[data-state='" + state + "'] rect"));
        browser.executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", box);
    }

    private String stateClass(String state) {
        return browser.findElement(By.cssSelector("#graph g.state[data-state='" + state + "']"))
                .getAttribute("class");
    }
}
