package dev.orderflow.cloud.internal.lambda;

import java.util.Set;
import java.util.stream.Collectors;

/** The packages of the JDK's modules (the boot layer: the local cloud runs on the class path). */
final class JdkPackages {

    private static final Set<String> PACKAGES =
            ModuleLayer.boot().modules().stream()
                    .flatMap(m -> m.getPackages().stream())
                    .collect(Collectors.toUnmodifiableSet());

    private JdkPackages() {}

    /** Whether the class of this binary name is in a package of a JDK module. */
    static boolean owns(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && PACKAGES.contains(className.substring(0, dot));
    }
}
