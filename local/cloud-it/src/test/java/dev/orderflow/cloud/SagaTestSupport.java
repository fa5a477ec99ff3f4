package dev.orderflow.cloud;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** What every saga test starts from: the shared local cloud, a store of its own, a shopper. */
abstract class SagaTestSupport {

    /** A price whose last two digits let the simulated provider approve. */
    static final long APPROVED = 1000;

    static LocalCloud cloud;
    SagaFixture shop;
    String alice;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
    }

    @BeforeEach
    void newStore() {
        shop = new SagaFixture(cloud);
        alice = shop.token("alice-" + shop.region);
    }
}
