package dev.orderflow.adapters;

import dev.orderflow.testing.NoTestCodeInMain;
import org.junit.jupiter.api.Test;

/** No test code in this module's main sources (the rules: {@link NoTestCodeInMain}). */
class NoTestCodeInMainTest {

    @Test
    void mainCode_holdsNoTestCode() {
        NoTestCodeInMain.forPackage("dev.orderflow.adapters").check();
    }
}
