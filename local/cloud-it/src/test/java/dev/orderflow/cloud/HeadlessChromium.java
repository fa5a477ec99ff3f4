package dev.orderflow.cloud;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium through the system's chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}, which {@code .ci/run} installs): nothing is downloaded at test time. Without
 * them the browser tests are skipped with a message saying what to install.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    /** A fresh browser; skips the calling test when none is installed. */
    static ChromeDriver start() {
        Optional<Path> browser =
                find("orderflow.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver =
                find(
                        "webdriver.chrome.driver",
                        "/usr/bin/chromedriver",
                        "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(
                browser.isPresent() && driver.isPresent(),
                "no headless browser: the console's browser tests need Chromium and its driver"
                        + " (Debian: apt-get install -y chromium chromium-driver; .ci/run installs"
                        + " them), or -Dorderflow.chromium=... -Dwebdriver.chrome.driver=...");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1100");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(driver.get().toString()))
                        .usingAnyFreePort()
                        .withTimeout(Duration.ofSeconds(60))
                        .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> find(String property, String... candidates) {
        String configured = System.getProperty(property);
        return Stream.concat(Stream.ofNullable(configured), Stream.of(candidates))
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
