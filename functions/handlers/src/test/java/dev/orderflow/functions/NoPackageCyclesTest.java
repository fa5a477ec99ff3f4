package dev.orderflow.functions;

import dev.orderflow.testing.NoPackageCycles;
import org.junit.jupiter.api.Test;

/** No import cycle between this module's packages (the rule: {@link NoPackageCycles}). */
class NoPackageCyclesTest {

    @Test
    void packages_dependOnEachOtherInOneDirection() {
        NoPackageCycles.check("dev.orderflow.functions");
    }
}
