package dev.orderflow.states;

import dev.orderflow.testing.NoPackageCycles;
import org.junit.jupiter.api.Test;

/**
 * No import cycle between this module's packages (the rule: {@link NoPackageCycles}): the facades
 * in the root package use {@code internal.*}, {@code api} and {@code spi}; the internal packages
 * use each other in one direction and never the root package.
 */
class NoPackageCyclesTest {

    @Test
    void packages_dependOnEachOtherWithoutCycles() {
        NoPackageCycles.check("dev.orderflow.states");
    }
}
